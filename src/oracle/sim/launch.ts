import type { Method, PreloadList, TargetForm } from '../../scenario/types.js';
import type { ProcessLabel } from '../../contracts/labels.js';
import { holds } from '../holds.js';
import { fixDefault, forceContext, inheritContext, type Forced } from './context.js';
import { isSemlockKind } from './objects.js';
import { dropsRerunFinalizers, endsUncleaned, ensureTracker } from './tracker.js';
import type { RuleId } from '../rules/index.js';
import { fail, forkEnv, freshEnv, OK, type Env, type Fail, type Obj, type Run, type Sim } from './types.js';

/** A process about to be started from a parent. */
export interface ChildSpec {
  readonly label: ProcessLabel;
  readonly method: Method;
  /** Started from a concrete context (its child is forced to `method` by `_bootstrap`). */
  readonly concrete: boolean;
  readonly target: TargetForm;
  /** Objects pickled with the process object (Process args, Pool/executor initargs). */
  readonly pickled: readonly Obj[];
}

/**
 * The parent's view of a launch: its own failure in start(), or the started child's environment. `okBy`: the rules
 * that let the child start where a program breaking them would have failed (its pickling), for the child's `ok`.
 */
export type Launch =
  | { readonly kind: 'parent-failed'; readonly run: Run }
  | { readonly kind: 'started'; readonly child: Env; readonly boot: Run; readonly okBy: readonly RuleId[] };

/** Which message a local object's pickling error carries (classified pickling-error either way). */
export function localObjectRule(sim: Sim): RuleId {
  return holds('pickle.local-object-picklingerror', sim.facts) ? 'pickle.local-object-picklingerror' : 'pickle.local-object-attributeerror';
}

/** What let a launch's pickling succeed: no pickling at all under fork, the spawning exemption elsewhere. */
function launchOkBy(method: Method, spec: ChildSpec): RuleId[] {
  // SemLock kinds pickle only while spawning; Pipe connections, Manager proxies and SharedMemory anywhere (pickle.travels)
  const exempt = spec.pickled.some((o) => isSemlockKind(o.kind));
  if (method === 'fork') return exempt || spec.target === 'lambda' || spec.target === 'local' ? ['pickle.fork-no-pickle'] : [];
  return exempt ? ['pickle.spawning-ok'] : [];
}

/** Parent side of `start()` plus the child's bootstrap (top-level re-run, unpickling); the child body is the caller's. */
export function launch(sim: Sim, parent: Env, spec: ChildSpec): Launch {
  if (spec.method === 'fork') {
    forkWarning(sim, parent);
    const child = forkEnv(parent);
    child.label = spec.label;
    inheritContext(sim, parent, child);
    if (spec.concrete) forceContext(sim, child, { method: 'fork', methodBy: [], fixedBy: [] }, 'ctx.child-forced');
    sim.acc.use(['fork.inherits', 'pickle.fork-no-pickle']);
    return { kind: 'started', child, boot: OK, okBy: launchOkBy('fork', spec) };
  }
  // popen_spawn_posix._launch asks for the tracker's fd before anything else
  if (spec.method === 'spawn') ensureTracker(sim, parent);
  if (parent.inheriting) return { kind: 'parent-failed', run: fail('bootstrapping-error', 'spawn.bootstrapping') };
  const prep = preparationMethod(sim, parent);
  if (spec.target === 'lambda') return { kind: 'parent-failed', run: fail('pickling-error', 'pickle.lambda') };
  if (spec.target === 'local') return { kind: 'parent-failed', run: fail('pickling-error', localObjectRule(sim)) };
  for (const o of spec.pickled) {
    if (o.method === 'fork' && isSemlockKind(o.kind) && holds('semlock.fork-context-error', sim.facts)) {
      return { kind: 'parent-failed', run: fail('semlock-fork-context', 'semlock.fork-context-error') };
    }
  }
  if (spec.method === 'forkserver') {
    const server = connectForkserver(sim, parent);
    if (server.kind === 'failed') return { kind: 'parent-failed', run: server.run };
    if (server.preloaded !== null) {
      return { kind: 'started', child: forkserverChild(sim, parent, server.preloaded, spec, prep), boot: bootPreloaded(spec), okBy: launchOkBy(spec.method, spec) };
    }
  }
  const okBy = launchOkBy(spec.method, spec);
  const child = freshEnv(parent.depth + 1);
  child.label = spec.label;
  if (prep !== null) forceContext(sim, child, prep, 'spawn.prepare-forces-method');
  else child.unfixedBy = ['ctx.preparation-allow-none'];
  // the parent's tracker fd travels on the command line (spawn) or with the request (forkserver): ensured above
  child.tracker = parent.tracker;
  // prepare() sets sys.argv to the parent's
  child.argv = parent.argv;
  if (!parent.mainScript) {
    // a fork child of a process still re-running the script: no init_main_from_path, so nothing re-runs and the
    // target (pickled by reference to the script's module) is not found
    return { kind: 'started', child, boot: fail('main-attribute-missing', 'spawn.no-main-path-mid-rerun'), okBy };
  }
  child.inheriting = true;
  child.mainScript = false;
  sim.acc.use(['spawn.rerun-main', 'spawn.prepare-forces-method']);
  const boot = rerunFailure(sim.runSteps(sim, child, sim.scenario.steps.filter((s) => s.at === 'top'), true));
  child.inheriting = false;
  child.mainScript = true;
  if (boot.kind !== 'ok') {
    if (spec.method === 'forkserver' && boot.kind === 'fail') endsUncleaned(sim, child, 'os._exit-before-bootstrap', spec.label !== 'pool');
    return { kind: 'started', child, boot, okBy };
  }
  // unpickling the process object fails before _bootstrap: the re-run's finalizers stay and run at exit
  if (spec.target === 'guarded-function') return { kind: 'started', child, boot: fail('main-attribute-missing', 'spawn.main-attribute'), okBy };
  // _bootstrap's util._finalizer_registry.clear() drops what the re-run registered
  // (a pool's workers may be terminated before some of them get this far: their leak is not certain)
  const every = spec.label !== 'pool';
  dropsRerunFinalizers(sim, child, spec.method === 'spawn' ? 'spawn.rerun-finalizers-cleared' : 'forkserver.rerun-finalizers-cleared', every);
  if (spec.concrete) forceContext(sim, child, { method: spec.method, methodBy: [], fixedBy: [] }, 'ctx.child-forced');
  // a forkserver child ends through os._exit() (forkserver._serve_one): shared memory it created is not unlinked
  if (spec.method === 'forkserver') endsUncleaned(sim, child, 'os._exit', every);
  return { kind: 'started', child, boot: OK, okBy };
}

/** A failure of the child's re-run of the script is the re-run's: without spawn.rerun-main that code would not run there. */
function rerunFailure(run: Run): Run {
  if (run.kind !== 'fail') return run;
  const withRerun = (f: Fail): Fail => ({ outcome: f.outcome, rules: [...f.rules, 'spawn.rerun-main'] });
  return { kind: 'fail', fail: withRerun(run.fail), ...(run.also ? { also: run.also.map(withRerun) } : {}) };
}

/** The start method `get_preparation_data()` sends the child (fixing the parent's default context up to gh-109263). */
function preparationMethod(sim: Sim, parent: Env): Forced | null {
  if (!holds('ctx.preparation-allow-none', sim.facts)) {
    const method = fixDefault(sim, parent, 'ctx.fixed-by-preparation');
    return { method, methodBy: parent.methodBy, fixedBy: [] };
  }
  sim.acc.use(['ctx.preparation-allow-none']);
  // None when the parent never fixed it: the child's prepare() then forces nothing, and the parent stays unfixed
  if (parent.actual === null) parent.unfixedBy = [...parent.unfixedBy, 'ctx.preparation-allow-none'];
  return parent.actual === null ? null : { method: parent.actual, methodBy: parent.methodBy, fixedBy: parent.fixedBy };
}

/** The forkserver `parent` talks to: already running, launched now (preloading `__main__` or not), or dead. */
type Server = { readonly kind: 'running'; readonly preloaded: Env | null } | { readonly kind: 'failed'; readonly run: Run };

/** `forkserver.connect_to_new_process()`: `ensure_running()` (tracker, stale pid, launch and preload), then the handshake. */
function connectForkserver(sim: Sim, parent: Env): Server {
  ensureTracker(sim, parent);
  if (parent.forkserverPid === 'inherited') return { kind: 'failed', run: fail('exception:ChildProcessError', 'forkserver.stale-pid') };
  if (parent.forkserverPid === 'own') return { kind: 'running', preloaded: parent.forkserverMain };
  parent.forkserverPid = 'own';
  if (parent.preload !== 'default') return preloadsList(sim, parent, parent.preload);
  // the parent passes init_main_from_path only while its __main__ is the script (not mid-re-run)
  if (!holds('forkserver.preload-main', sim.facts) || !parent.mainScript) {
    sim.acc.record('forkserver', ['ok'], [holds('forkserver.preload-main', sim.facts) ? 'spawn.no-main-path-mid-rerun' : 'forkserver.no-preload-main']);
    return { kind: 'running', preloaded: null };
  }
  // forkserver.main(): a fresh interpreter (no prepare(): its default context is unfixed, no tracker fd) imports the
  // script as __mp_main__ with _inheriting set
  const server = freshEnv(parent.depth + 1);
  server.label = 'forkserver';
  server.argv = forkserverArgv(sim, parent);
  server.inheriting = true;
  server.mainScript = false;
  sim.acc.use(['forkserver.preload-main']);
  const preload = sim.runSteps(sim, server, sim.scenario.steps.filter((s) => s.at === 'top'), false);
  server.inheriting = false;
  server.mainScript = true;
  if (preload.kind === 'hang') return { kind: 'failed', run: preload };
  if (preload.kind === 'fail' && holds('forkserver.preload-error-ignored', sim.facts)) {
    // 3.15: on_error='ignore' swallows the exception; __main__ stays the forkserver's -c module, so every child's
    // prepare() re-runs the script itself, as before the preload existed
    sim.acc.record('forkserver', ['ok'], ['forkserver.preload-error-ignored']);
    return { kind: 'running', preloaded: null };
  }
  if (preload.kind === 'fail') {
    sim.acc.record('forkserver', [preload.fail.outcome, ...(preload.also ?? []).map((f) => f.outcome)], preload.fail.rules);
    return { kind: 'failed', run: preloadFailure(sim) };
  }
  sim.acc.record('forkserver', ['ok'], ['forkserver.preload-main']);
  parent.forkserverMain = server;
  return { kind: 'running', preloaded: server };
}

/**
 * A forkserver whose preload list set_forkserver_preload() replaced: naming the script, it imports it as a plain module,
 * running its top-level code; empty, it runs no user code. It preloads no `__main__` either way: its children re-run
 * the script as without the preload.
 */
function preloadsList(sim: Sim, parent: Env, list: PreloadList): Server {
  sim.acc.use(['forkserver.preload-modules']);
  if (list === 'none') {
    sim.acc.record('forkserver', ['ok'], ['forkserver.preload-modules']);
    return { kind: 'running', preloaded: null };
  }
  const top = sim.scenario.steps.filter((s) => s.at === 'top');
  if (top.some((s) => s.op !== 'report-syspath' && s.op !== 'report-argv')) {
    sim.acc.unspecified = { reason: 'a forkserver importing the script as a module runs its top-level code: modelled for report-syspath and report-argv steps only', rule: 'forkserver.preload-modules' };
    return { kind: 'running', preloaded: null };
  }
  const server = freshEnv(parent.depth + 1);
  server.label = 'forkserver';
  server.argv = forkserverArgv(sim, parent);
  sim.runSteps(sim, server, top, false);
  sim.acc.record('forkserver', ['ok'], ['forkserver.preload-modules']);
  return { kind: 'running', preloaded: null };
}

/** A preloading forkserver's sys.argv: the parent's (gh-143706, 3.13.12 / 3.14.3), else its own `-c` one. */
function forkserverArgv(sim: Sim, parent: Env): Env['argv'] {
  return holds('forkserver.preload-argv-parent', sim.facts) ? parent.argv : 'none';
}

/** What the parent's start() raises when the forkserver died while preloading. */
function preloadFailure(sim: Sim): Run {
  if (holds('forkserver.preload-failure-darwin', sim.facts)) {
    const [a, b] = holds('forkserver.preload-failure-reset', { ...sim.facts, platform: 'linux' })
      ? (['exception:ConnectionResetError', 'exception:EOFError'] as const)
      : (['exception:RuntimeError', 'exception:ConnectionResetError'] as const);
    return { kind: 'fail', fail: { outcome: a, rules: ['forkserver.preload-failure-darwin'] }, also: [{ outcome: b, rules: ['forkserver.preload-failure-darwin'] }] };
  }
  if (holds('forkserver.preload-failure-reset', sim.facts)) return fail('exception:ConnectionResetError', 'forkserver.preload-failure-reset');
  return fail('exception:EOFError', 'forkserver.preload-failure-eof');
}

/** A child forked by a preloaded forkserver: the forkserver's globals and objects, then prepare() and _bootstrap. */
function forkserverChild(sim: Sim, parent: Env, server: Env, spec: ChildSpec, prep: Forced | null): Env {
  forkWarning(sim, server);
  const child = forkEnv(server);
  child.label = spec.label;
  // prepare() forces the method the parent sent (None resets it); _bootstrap forces a concrete context's method
  if (prep !== null) forceContext(sim, child, prep, 'spawn.prepare-forces-method');
  else Object.assign(child, { actual: null, fixedBy: [], methodBy: [], unfixedBy: ['ctx.preparation-allow-none'] });
  if (spec.concrete) forceContext(sim, child, { method: spec.method, methodBy: [], fixedBy: [] }, 'ctx.child-forced');
  // _serve_one installs the parent's tracker fd (sent with the request)
  child.tracker = parent.tracker;
  sim.acc.use(['forkserver.preload-main', 'spawn.prepare-forces-method']);
  return child;
}

/** Unpickling the target in a preloaded forkserver child: a function defined under the guard is not in `__mp_main__`. */
function bootPreloaded(spec: ChildSpec): Run {
  return spec.target === 'guarded-function' ? fail('main-attribute-missing', 'spawn.main-attribute') : OK;
}

/** os.fork() in `parent`: the 3.12+ DeprecationWarning when another thread runs (or may still be exiting). */
function forkWarning(sim: Sim, parent: Env): void {
  if (parent.threads === 'none' || !holds('fork.multithreaded-warning', sim.facts)) return;
  sim.acc.warnFork(parent.label, parent.threads === 'running' ? ['yes'] : ['yes', 'no']);
  sim.acc.use(['fork.multithreaded-warning']);
}
