import type { Step } from '../../scenario/types.js';
import { argvNote, stepNote, SYSPATH_VALUES, syspathNote } from '../../contracts/notes.js';
import { holds } from '../holds.js';
import { isAvailable } from '../platform.js';
import { fixDefault, resolve, setStartMethod } from './context.js';
import { startManager } from './manager.js';
import { isManagerKind, isSemlockKind } from './objects.js';
import { register } from './tracker.js';
import { startPool } from './pool.js';
import { startProcess } from './process.js';
import { fail, OK, type Env, type Run, type Sim } from './types.js';

/** Deepest process nesting simulated (main = 0); deeper trees are left unspecified. */
const MAX_DEPTH = 6;

/** Runs `steps` in order in one process; the first failure ends it. `rerun`: a child re-importing the main script. */
export function runSteps(sim: Sim, env: Env, steps: readonly Step[], rerun: boolean): Run {
  if (env.depth > MAX_DEPTH) {
    sim.acc.unspecified = { reason: `process tree deeper than ${MAX_DEPTH}`, rule: 'spawn.rerun-main' };
    return OK;
  }
  for (const step of steps) {
    const r = runStep(sim, env, step, sim.scenario.steps.indexOf(step));
    if (r.kind !== 'ok') return r;
  }
  if (rerun) sim.acc.use(['spawn.rerun-main']);
  return OK;
}

function runStep(sim: Sim, env: Env, step: Step, index: number): Run {
  switch (step.op) {
    case 'set-start-method':
      return setStartMethod(sim, env, step.method, step.force);
    case 'get-start-method':
      if (step.allowNone && env.actual === null) {
        // allow_none=True returns None and fixes nothing (the second half of ctx.fixed-by-get)
        sim.acc.note(stepNote(index), 'None', ['ctx.fixed-by-get']);
      } else {
        const m = fixDefault(sim, env, 'ctx.fixed-by-get');
        sim.acc.note(stepNote(index), m, env.methodBy);
      }
      return OK;
    case 'create': {
      if (isManagerKind(step.kind)) {
        const r = startManager(sim, env, step.ctx);
        if (r.kind !== 'ok') return r;
        env.defined.set(step.id, { kind: step.kind, method: null });
        return OK;
      }
      if (step.kind === 'SharedMemory' || (step.kind === 'Pipe' && step.ctx === 'default')) {
        if (step.kind === 'SharedMemory') register(sim, env, 'shm');
        env.defined.set(step.id, { kind: step.kind, method: null });
        return OK;
      }
      const r = resolve(sim, env, step.ctx, 'ctx.fixed-by-object');
      if (r.kind === 'fail') return r.run;
      // a SemLock of a non-fork context keeps its name until finalized: registered with the tracker
      if (isSemlockKind(step.kind) && r.method !== 'fork') register(sim, env, 'semlock');
      env.defined.set(step.id, { kind: step.kind, method: step.kind === 'Pipe' ? null : r.method });
      return OK;
    }
    case 'start': {
      if (step.worker === 'process') return startProcess(sim, env, step);
      const run = startPool(sim, env, step);
      // the block's handler/manager threads are joined on exit, but their OS threads may linger (fork.multithreaded-warning)
      if (env.threads === 'none') env.threads = 'joined';
      return run;
    }
    case 'get-context-unknown':
      return fail('unknown-context', 'ctx.unknown');
    case 'context-set-start-method':
      return isAvailable(sim.facts, step.ctx) ? fail('concrete-context', 'ctx.concrete') : fail('unknown-context', 'platform.win32-spawn-only');
    case 'set-global':
      env.global = 'changed';
      return OK;
    case 'start-thread':
      env.threads = 'running';
      return OK;
    case 'forkserver-preload':
      // _forkserver._preload_modules of this process (a fork child inherits it, a spawn child starts with the default)
      env.preload = step.modules;
      sim.acc.use(['forkserver.preload-modules']);
      return OK;
    case 'report-argv':
      // the main process appends; elsewhere the argv that came along is noted: prepare() gives a re-running child the
      // parent's; a preloading forkserver gets it only where forkserver.preload-argv-parent holds (launch.ts)
      if (env.depth === 0) {
        env.argv = 'extra';
        return OK;
      }
      sim.acc.note(argvNote(index), env.argv, env.label === 'forkserver' ? [holds('forkserver.preload-argv-parent', sim.facts) ? 'forkserver.preload-argv-parent' : 'forkserver.preload-main'] : []);
      return OK;
    case 'report-syspath': {
      // the preloading forkserver: the parent's sys.path (gh-117378), else its own -c path ('' first); the main
      // process: the script's directory; a child re-running the script: prepare() sets the parent's sys_path
      if (env.label === 'forkserver') {
        const copied = holds('forkserver.preload-syspath', sim.facts);
        sim.acc.note(syspathNote(index), copied ? SYSPATH_VALUES.set : SYSPATH_VALUES.empty, [copied ? 'forkserver.preload-syspath' : 'forkserver.preload-modules']);
      } else {
        sim.acc.note(syspathNote(index), SYSPATH_VALUES.set, []);
      }
      return OK;
    }
    case 'freeze-support':
      // not frozen: the only effect is whether the check fixes the default context on the way
      if (holds('ctx.freeze-support-fixes', sim.facts)) fixDefault(sim, env, 'ctx.freeze-support-fixes');
      else {
        sim.acc.use(['ctx.freeze-support-noop']);
        if (env.actual === null) env.unfixedBy = [...env.unfixedBy, 'ctx.freeze-support-noop'];
      }
      return OK;
  }
}
