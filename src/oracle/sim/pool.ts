import type { Method, Step } from '../../scenario/types.js';
import { workerLabel, type ProcessLabel } from '../../contracts/labels.js';
import { labelNote, NESTED_RESULT, TASK_RESULT, workerNote } from '../../contracts/notes.js';
import { holds } from '../holds.js';
import type { RuleId } from '../rules/index.js';
import { resolve } from './context.js';
import { launch, localObjectRule } from './launch.js';
import { isSemlockKind } from './objects.js';
import { endsUncleaned, register } from './tracker.js';
import { passedObjects, receive, runAction } from './worker.js';
import { fail, OK, type Env, type Fail, type Obj, type Run, type Sim } from './types.js';

type StartStep = Extract<Step, { op: 'start' }>;

// what the rendered program prints as `w<id>.result` (src/contracts/notes.ts)
const RESULT: Record<StartStep['worker'], string> = TASK_RESULT;

/** What a block prints once its task came back: `w<id>.result` for a start step's block. */
interface ResultNote {
  readonly key: string;
  readonly value: string;
}

/** A Pool or ProcessPoolExecutor block: start workers, send the task(s), note `w<id>.result`. */
export function startPool(sim: Sim, env: Env, step: StartStep): Run {
  return poolBlock(sim, env, step, { key: workerNote(step.id, 'result'), value: RESULT[step.worker] });
}

/**
 * A `nested-pool` action in worker `env` (label `label`): `with <module API>.Pool(1) as nested:` mapping one builtin
 * (`abs`, pickled by reference in any method) over one item, noted as `<label>.nested` (src/render/body.ts). The
 * worker's own default context decides its method; a daemonic worker (a Pool's) cannot start it at all (runTask).
 */
export function startNestedPool(sim: Sim, env: Env, label: ProcessLabel, id: number): Run {
  const step: StartStep = { op: 'start', at: 'main', id, worker: 'pool-map', ctx: 'default', pass: [], action: 'use', target: 'function', grandchild: null };
  const run = poolBlock(sim, env, step, { key: labelNote(label, 'nested'), value: NESTED_RESULT });
  // the block's handler threads are joined on exit, but their OS threads may linger (fork.multithreaded-warning)
  if (env.threads === 'none') env.threads = 'joined';
  return run;
}

/** `work_<id>` in a worker `label` that may start children: its action, or the pool it opens (`nested-pool`). */
export function runBody(sim: Sim, worker: Env, step: StartStep, label: ProcessLabel, method: Method, parent: Env): Run {
  if (step.action === 'nested-pool') return startNestedPool(sim, worker, label, step.id);
  return runAction(sim, worker, step.action, label, method, receive(parent, worker, step.pass), parent);
}

function poolBlock(sim: Sim, env: Env, step: StartStep, result: ResultNote): Run {
  const exec = step.worker.startsWith('executor');
  const r = resolve(sim, env, step.ctx, exec ? 'executor.default-context' : 'ctx.fixed-by-object');
  if (r.kind === 'fail') return r.run;
  const passed = passedObjects(env, step.pass);
  if (passed.kind === 'fail') return passed.run;
  // Pool._setup_queues / the executor's call and result queues: SemLocks of the block's context
  if (r.method !== 'fork') register(sim, env, 'semlock');
  if (exec && r.method !== 'fork' && holds('pypy.executor-adjust-process-count', sim.facts)) {
    return fail('exception:AttributeError', 'pypy.executor-adjust-process-count');
  }
  // workers start in Pool() / the first submit(); their own target (pool.worker, _process_worker) always pickles
  const l = launch(sim, env, { label: 'pool', method: r.method, concrete: true, target: 'function', pickled: passed.of('initargs') });
  if (l.kind === 'parent-failed') return l.run;
  const block: Block = { sim, step, exec, method: r.method, worker: l.child, okBy: l.okBy, toCaller: exec ? 'executor.task-error-to-caller' : 'pool.task-error-to-caller', result };
  const taskError = pickleTask(block, passed.of('task-arg'));
  if (l.boot.kind === 'fail') return bootFailed(block, l.boot.fail, taskError);
  if (l.boot.kind === 'hang') return l.boot;
  if (taskError !== null) return taskFailed(block, taskError);
  return runTask(block, env, l.child);
}

/** One pool/executor block being simulated. */
interface Block {
  readonly sim: Sim;
  readonly step: StartStep;
  readonly exec: boolean;
  readonly method: Method;
  /** A worker's state after its bootstrap (every worker of the block starts alike). */
  readonly worker: Env;
  /** What let the workers start (their initargs' pickling, src/oracle/sim/launch.ts). */
  readonly okBy: readonly RuleId[];
  /** The rule carrying a task's exception back to the caller. */
  readonly toCaller: RuleId;
  readonly result: ResultNote;
}

/** The task is pickled in the parent whatever the workers do; its pickling error (or null) reaches the caller. */
function pickleTask(b: Block, taskArgs: readonly Obj[]): Extract<Run, { kind: 'fail' }> | null {
  if (b.step.target === 'lambda') return { kind: 'fail', fail: { outcome: 'pickling-error', rules: ['pickle.lambda', b.toCaller] } };
  if (b.step.target === 'local') return { kind: 'fail', fail: { outcome: 'pickling-error', rules: [localObjectRule(b.sim), b.toCaller] } };
  if (taskArgs.some((o) => isSemlockKind(o.kind))) return { kind: 'fail', fail: { outcome: 'inheritance-only', rules: ['pickle.inheritance-only', b.toCaller] } };
  return null;
}

/** A worker died: an executor breaks (and terminates its other workers); a Pool replaces it and the caller hangs. */
function workerDied(b: Block, f: Fail): Run {
  // a Pool's other workers live on until the harness kills the hang
  b.sim.acc.record('pool', b.exec ? [f.outcome, 'ok', 'signal:SIGTERM'] : [f.outcome], f.rules);
  if (b.exec) endsUncleaned(b.sim, b.worker, 'signal', false);
  return b.exec ? fail('broken-process-pool', 'executor.worker-death-broken') : { kind: 'hang', rules: ['pool.worker-death-hang'] };
}

/** The workers' bootstrap failed (top-level re-run, unpickling their target). */
function bootFailed(b: Block, boot: Fail, taskError: Extract<Run, { kind: 'fail' }> | null): Run {
  if (taskError === null) return emptyPoolRace(b, workerDied(b, boot));
  if (b.exec) return feederDeadlock(b, raceWith(b.sim, taskError, workerDied(b, boot)));
  // the task error ends the with-block at once: terminate() may kill workers before their bootstrap fails
  b.sim.acc.record('pool', [boot.outcome, 'ok', 'signal:SIGTERM'], [...boot.rules, 'pool.terminate-on-exit']);
  endsUncleaned(b.sim, b.worker, 'signal', false);
  return emptyPoolRace(b, taskError);
}

/** Workers dying at bootstrap can leave a Pool's worker list empty for a moment: map()/starmap() may then divide by zero. */
function emptyPoolRace(b: Block, run: Run): Run {
  if (b.exec || (b.step.worker !== 'pool-map' && b.step.worker !== 'pool-starmap')) return run;
  const race: Fail = { outcome: 'exception:ZeroDivisionError', rules: ['pool.map-empty-pool-race'] };
  b.sim.acc.use(['pool.map-empty-pool-race']);
  // the caller's exception ends the with-block: terminate() sends SIGTERM to the workers then alive
  b.sim.acc.record('pool', ['ok', 'signal:SIGTERM'], ['pool.map-empty-pool-race', 'pool.terminate-on-exit']);
  if (run.kind === 'hang') return { kind: 'fail', fail: race, also: [{ outcome: 'hang', rules: run.rules }] };
  if (run.kind === 'fail') return { kind: 'fail', fail: run.fail, also: [...(run.also ?? []), race] };
  return run;
}

/**
 * Workers dying while the feeder thread fails a call item that does not pickle: from 3.12.1 until gh-125451's fix,
 * the management thread, finding the pool broken, joins the feeder thread in terminate_broken() under the
 * shutdown_lock the feeder is waiting for (any number of items: the death and the error race).
 */
function feederDeadlock(b: Block, run: Run): Run {
  if (run.kind !== 'fail' || !holds('executor.feeder-error-shutdown-deadlock', b.sim.facts)) return run;
  b.sim.acc.use(['executor.feeder-error-shutdown-deadlock']);
  return { ...run, also: [...(run.also ?? []), { outcome: 'hang', rules: ['executor.feeder-error-shutdown-deadlock'] }] };
}

/** The workers run but the task could not be pickled. */
function taskFailed(b: Block, taskError: Extract<Run, { kind: 'fail' }>): Run {
  recordAlive(b, b.exec);
  if (b.step.worker !== 'executor-map') return taskError;
  // the second map item may still be pending when the first fails: before 3.9 its own feeder error may land after
  // shutdown() checked pending_work_items (bpo-39104); before gh-94440's fix its cancellation may (3.10.11, 3.11.3);
  // from 3.12.1 until gh-125451's fix its feeder error may wait for the lock the joining manager thread holds
  const races = (['executor.feeder-error-no-wakeup', 'executor.cancelled-pending-no-wakeup', 'executor.feeder-error-shutdown-deadlock'] as const).filter((id) => holds(id, b.sim.facts));
  if (races.length === 0) return taskError;
  b.sim.acc.use(races);
  return { kind: 'fail', fail: taskError.fail, also: [{ outcome: 'hang', rules: races }] };
}

/** A worker runs the task: its exception reaches the caller, its death breaks the block, its result is noted. */
function runTask(b: Block, parent: Env, worker: Env): Run {
  const { sim, step } = b;
  if (step.target === 'guarded-function' && b.method !== 'fork') return workerDied(b, { outcome: 'main-attribute-missing', rules: ['spawn.main-attribute'] });
  sim.acc.use(['pickle.travels']);
  // a Pool's workers are daemonic, and a daemonic process may not start children (an executor's workers are not)
  const run = step.action === 'nested-pool' && !b.exec ? nestedInDaemon(b, worker) : runBody(sim, worker, step, workerLabel(step.id), b.method, parent);
  if (run.kind === 'fail' && (run.fail.outcome.startsWith('signal:') || run.fail.outcome === 'bad-file-descriptor')) return workerDied(b, run.fail);
  recordAlive(b, b.exec);
  if (run.kind === 'fail') return { kind: 'fail', fail: { outcome: run.fail.outcome, rules: [...run.fail.rules, b.toCaller] } };
  if (run.kind === 'hang') return run;
  // the result comes back only because the workers started and the task's arguments travelled
  const travelled = step.pass.some((p) => p.via === 'task-arg') ? (['pickle.travels'] as const) : [];
  sim.acc.note(b.result.key, b.result.value, [...b.okBy, ...travelled]);
  return OK;
}

/**
 * A Pool opened in a Pool's (daemonic) worker: Pool() makes its queues first, then its first Process.start() fails the
 * assertion. Those queues' SemLocks (named, unless fork) are unlinked only when the failed pool is garbage-collected
 * in the worker, which the SIGTERM ending the outer block may pre-empt: the tracker then cleans them up (some runs).
 */
function nestedInDaemon(b: Block, worker: Env): Run {
  const r = resolve(b.sim, worker, 'default', 'ctx.fixed-by-object');
  if (r.kind === 'fail') return r.run;
  if (r.method !== 'fork') register(b.sim, worker, 'semlock');
  return fail('exception:AssertionError', 'pool.daemonic-no-children');
}

/** Workers that lived to the end of the block: a Pool's are terminated (SIGTERM) on exit, an executor's exit 0. */
function recordAlive(b: Block, exec: boolean): void {
  if (exec) {
    b.sim.acc.record('pool', ['ok'], b.okBy);
    // shut down by their sentinel, fork and forkserver workers leave through os._exit() (spawn ones through sys.exit)
    if (b.method !== 'spawn') endsUncleaned(b.sim, b.worker, 'os._exit', false);
    return;
  }
  b.sim.acc.record('pool', ['ok', 'signal:SIGTERM'], ['pool.terminate-on-exit']);
  endsUncleaned(b.sim, b.worker, 'signal', false);
}

/** The feeder thread's pickling error and the executor breaking on a dead worker race for the same future. */
function raceWith(sim: Sim, a: Run, b: Run): Run {
  if (a.kind !== 'fail' || b.kind !== 'fail') return a;
  sim.acc.use([...a.fail.rules, ...b.fail.rules]);
  return { kind: 'fail', fail: a.fail, also: [b.fail] };
}
