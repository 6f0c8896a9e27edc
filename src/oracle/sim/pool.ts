import type { Step } from '../../scenario/types.js';
import { holds } from '../holds.js';
import { resolve } from './context.js';
import { launch } from './launch.js';
import { isSemlockKind } from './objects.js';
import { receive, runAction } from './worker.js';
import { fail, OK, type Env, type Fail, type Obj, type Run, type Sim } from './types.js';

type StartStep = Extract<Step, { op: 'start' }>;

const RESULT: Record<StartStep['worker'], string> = {
  process: '', 'pool-map': '[1, 1]', 'pool-starmap': '[1, 1]', 'pool-apply_async': '1', 'executor-submit': '1', 'executor-map': '[1, 1]',
};

/** A Pool or ProcessPoolExecutor block: start workers, send the task(s), note `w<id>.result`. */
export function startPool(sim: Sim, env: Env, step: StartStep): Run {
  const exec = step.worker.startsWith('executor');
  const r = resolve(sim, env, step.ctx, exec ? 'executor.default-context' : 'ctx.fixed-by-object');
  if (r.kind === 'fail') return r.run;
  const method = r.method;
  const initargs: Obj[] = [];
  const taskArgs: Obj[] = [];
  for (const p of step.pass) {
    const o = env.defined.get(p.obj);
    if (p.via === 'global') continue;
    if (o === undefined) return fail('exception:NameError', 'spawn.fresh-globals');
    (p.via === 'initargs' ? initargs : taskArgs).push(o);
  }
  if (exec && method !== 'fork' && holds('pypy.executor-adjust-process-count', sim.facts)) {
    return fail('exception:AttributeError', 'pypy.executor-adjust-process-count');
  }
  // workers start in Pool() / the first submit(); their own target (pool.worker, _process_worker) always pickles
  const l = launch(sim, env, { label: 'pool', method, concrete: true, target: 'function', pickled: initargs });
  if (l.kind === 'parent-failed') return l.run;
  const toCaller = exec ? 'executor.task-error-to-caller' : 'pool.task-error-to-caller';
  const death = (f: Fail): Run => {
    // an executor terminates its other workers when it breaks; a Pool's live on until the harness kills the hang
    sim.acc.record('pool', exec ? [f.outcome, 'ok', 'signal:SIGTERM'] : [f.outcome], f.rules);
    return exec ? fail('broken-process-pool', 'executor.worker-death-broken') : { kind: 'hang', rules: ['pool.worker-death-hang'] };
  };
  // the task is pickled in the parent whatever the workers do; a pickling error reaches the caller
  const taskError = step.target === 'lambda' ? fail('pickling-error', 'pickle.lambda', toCaller)
    : taskArgs.some((o) => isSemlockKind(o.kind)) ? fail('inheritance-only', 'pickle.inheritance-only', toCaller) : null;
  if (l.boot.kind === 'fail') {
    if (taskError !== null && exec) return raceWith(sim, taskError, death(l.boot.fail));
    if (taskError !== null) {
      // the task error ends the with-block at once: terminate() may kill workers before their bootstrap fails
      sim.acc.record('pool', [l.boot.fail.outcome, 'ok', 'signal:SIGTERM'], [...l.boot.fail.rules, 'pool.terminate-on-exit']);
      return taskError;
    }
    return death(l.boot.fail);
  }
  if (l.boot.kind === 'hang') return l.boot;
  if (taskError !== null) {
    recordAlive(sim, exec);
    // before 3.9 the second map item's feeder error may land after shutdown() checked pending_work_items (bpo-39104)
    if (step.worker === 'executor-map' && taskError.kind === 'fail' && holds('executor.feeder-error-no-wakeup', sim.facts)) {
      sim.acc.use(['executor.feeder-error-no-wakeup']);
      return { kind: 'fail', fail: taskError.fail, also: [{ outcome: 'hang', rules: ['executor.feeder-error-no-wakeup'] }] };
    }
    return taskError;
  }
  if (step.target === 'guarded-function' && method !== 'fork') return death({ outcome: 'main-attribute-missing', rules: ['spawn.main-attribute'] });
  sim.acc.use(['pickle.travels']);
  const run = runAction(sim, l.child, step.action, `w${step.id}`, method, receive(env, l.child, step.pass));
  if (run.kind === 'fail' && (run.fail.outcome.startsWith('signal:') || run.fail.outcome === 'bad-file-descriptor')) return death(run.fail);
  recordAlive(sim, exec);
  if (run.kind === 'fail') return { kind: 'fail', fail: { outcome: run.fail.outcome, rules: [...run.fail.rules, toCaller] } };
  if (run.kind === 'hang') return run;
  sim.acc.note(`w${step.id}.result`, RESULT[step.worker]);
  return OK;
}

/** Workers that lived to the end of the block: a Pool's are terminated (SIGTERM) on exit, an executor's exit 0. */
function recordAlive(sim: Sim, exec: boolean): void {
  if (exec) sim.acc.record('pool', ['ok'], []);
  else sim.acc.record('pool', ['ok', 'signal:SIGTERM'], ['pool.terminate-on-exit']);
}

/** The feeder thread's pickling error and the executor breaking on a dead worker race for the same future. */
function raceWith(sim: Sim, a: Run, b: Run): Run {
  if (a.kind !== 'fail' || b.kind !== 'fail') return a;
  sim.acc.use([...a.fail.rules, ...b.fail.rules]);
  return { kind: 'fail', fail: a.fail, also: [b.fail] };
}
