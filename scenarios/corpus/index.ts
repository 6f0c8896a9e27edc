/**
 * The curated corpus: fixed, named scenarios from the Python docs and the seed pages
 * (/work/shared/seeds), including their wrong examples, plus the classic failure shapes.
 * Expected outcomes are not part of the corpus: the oracle decides them.
 */
import type { ChildAction, ContextRef, Passing, Placement, Scenario, Step, TargetForm, WorkerKind } from '../../src/scenario/types.js';

/**
 * One corpus entry.
 *
 * @public
 */
export interface CorpusEntry {
  /** Same as `scenario.name`. */
  readonly name: string;
  /** One line: what the program does. */
  readonly description: string;
  /** Where the shape comes from (docs, CPython source, tutorial), and how it was adapted when not expressible. */
  readonly source: string;
  readonly scenario: Scenario;
}

const DOCS = 'https://docs.python.org/3/library/multiprocessing.html#contexts-and-start-methods';
const DOCS_EXCHANGE = 'https://docs.python.org/3/library/multiprocessing.html#exchanging-objects-between-processes';
const SFP_CONTEXT = 'SuperFastPython (Jason Brownlee), tutorial on multiprocessing contexts: get_context() and context objects (2022)';
const SFP_START = 'https://superfastpython.com/multiprocessing-start-method/';
const EXPLAINER_CTX = "explainer 'Why is Python's multiprocessing spawn start method raising a context has already been set runtime error?' (2025-01-30); the error: Lib/multiprocessing/context.py DefaultContext.set_start_method";
const EXPLAINER_BOOT = "explainer 'How do I prevent RuntimeError: An attempt to start a new process before the current process has finished bootstrapping?' (2025-01-30); the error: Lib/multiprocessing/spawn.py _check_not_importing_main";
const SAFE_MAIN = 'https://docs.python.org/3/library/multiprocessing.html#the-spawn-and-forkserver-start-methods (safe importing of main module); Lib/multiprocessing/spawn.py _check_not_importing_main';
const INHERITANCE = 'https://docs.python.org/3/library/multiprocessing.html#programming-guidelines; Lib/multiprocessing/context.py assert_spawning ("should only be shared between processes through inheritance")';
const MANAGERS = 'https://docs.python.org/3/library/multiprocessing.html#managers (proxies are picklable: they travel anywhere)';
const PICKLABILITY = 'https://docs.python.org/3/library/multiprocessing.html#the-spawn-and-forkserver-start-methods (more picklability); Lib/multiprocessing/reduction.py';
const GET_CONTEXT = 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.get_context; Lib/multiprocessing/context.py BaseContext.get_context ("cannot find context")';
const CONCRETE = 'Lib/multiprocessing/context.py BaseContext.set_start_method ("cannot set start method of concrete context")';
const GLOBALS = 'https://docs.python.org/3/library/multiprocessing.html#the-spawn-and-forkserver-start-methods (global variables); Lib/multiprocessing/spawn.py (the child re-imports the main module)';
const SET_ONCE = 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.set_start_method ("should not be used more than once"); Lib/multiprocessing/context.py DefaultContext.set_start_method';

interface StartOpts {
  readonly at?: Placement;
  readonly worker?: WorkerKind;
  readonly ctx?: ContextRef;
  readonly pass?: readonly Passing[];
  readonly action?: ChildAction;
  readonly target?: TargetForm;
  readonly grandchild?: ContextRef | null;
}

function start(id: number, o: StartOpts = {}): Step {
  return {
    op: 'start', at: o.at ?? 'main', id, worker: o.worker ?? 'process', ctx: o.ctx ?? 'default',
    pass: o.pass ?? [], action: o.action ?? 'use', target: o.target ?? 'function', grandchild: o.grandchild ?? null,
  };
}

function entry(name: string, description: string, source: string, steps: readonly Step[]): CorpusEntry {
  return { name, description, source, scenario: { version: 1, name, steps } };
}

/**
 * The corpus, in a stable order.
 *
 * @public
 */
export const corpus: readonly CorpusEntry[] = [
  entry('docs-get-context-spawn-queue', "ctx = get_context('spawn'); a ctx.Queue passed to a ctx.Process that puts into it", DOCS, [
    { op: 'create', at: 'main', id: 0, kind: 'Queue', ctx: 'spawn' },
    start(1, { ctx: 'spawn', pass: [{ obj: 0, via: 'process-arg' }] }),
  ]),
  entry('docs-set-start-method-spawn', "set_start_method('spawn') first under the guard, then a Queue passed to a Process", DOCS, [
    { op: 'set-start-method', at: 'main', method: 'spawn', force: false },
    { op: 'create', at: 'main', id: 0, kind: 'Queue', ctx: 'default' },
    start(1, { pass: [{ obj: 0, via: 'process-arg' }] }),
  ]),
  entry('docs-lock-processes', 'default context: one Lock shared by two Processes (the docs start ten)', 'https://docs.python.org/3/library/multiprocessing.html#synchronization-between-processes (seeds/002_f43cd3768e426558.txt)', [
    { op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'default' },
    start(1, { pass: [{ obj: 0, via: 'process-arg' }] }),
    start(2, { pass: [{ obj: 0, via: 'process-arg' }] }),
  ]),
  entry('tutorial-fork-and-spawn-contexts', 'a fork-context child and a spawn-context child each report their start method', SFP_CONTEXT, [
    start(0, { ctx: 'fork', action: 'report-method' }),
    start(1, { ctx: 'spawn', action: 'report-method' }),
  ]),
  entry('tutorial-fork-lock-to-spawn-child', 'a Lock from the fork context acquired by a spawn-context child (page claims EBADF)', SFP_CONTEXT, [
    { op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'fork' },
    start(1, { ctx: 'spawn', pass: [{ obj: 0, via: 'process-arg' }] }),
  ]),
  entry('tutorial-spawn-lock-to-fork-child', 'a Lock from the spawn context acquired by a fork-context child (page says this works)', SFP_CONTEXT, [
    { op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'spawn' },
    start(1, { ctx: 'fork', pass: [{ obj: 0, via: 'process-arg' }] }),
  ]),
  entry('tutorial-set-spawn-guarded', "set_start_method('spawn') under the guard, report it, start a Process", SFP_START, [
    { op: 'set-start-method', at: 'main', method: 'spawn', force: false },
    { op: 'get-start-method', at: 'main', allowNone: false },
    start(0, { action: 'report-method' }),
  ]),
  entry('tutorial-set-fork-then-spawn-context', "set_start_method('fork'), a default Process, then a get_context('spawn') Process", SFP_START, [
    { op: 'set-start-method', at: 'main', method: 'fork', force: false },
    { op: 'get-start-method', at: 'main', allowNone: false },
    start(0, { action: 'report-method' }),
    start(1, { ctx: 'spawn', action: 'report-method' }),
  ]),
  entry('tutorial-module-level-set-spawn', "set_start_method('spawn') at module level, guarded Process (re-runs in the child: context already set)", SFP_START, [
    { op: 'set-start-method', at: 'top', method: 'spawn', force: false },
    { op: 'get-start-method', at: 'main', allowNone: false },
    start(0, { action: 'report-method' }),
  ]),
  entry('tutorial-module-level-set-fork', "set_start_method('fork') at module level, guarded Process (the page notes no error)", SFP_START, [
    { op: 'set-start-method', at: 'top', method: 'fork', force: false },
    start(0, { action: 'report-method' }),
  ]),
  entry('tutorial-force-spawn-after-get', "get_start_method() fixes the context, then set_start_method('spawn', force=True)", SFP_START, [
    { op: 'get-start-method', at: 'main', allowNone: false },
    { op: 'set-start-method', at: 'main', method: 'spawn', force: true },
    start(0, { action: 'report-method' }),
  ]),
  entry('explainer-pool-map-global', 'Pool.map whose worker touches a module global (nearest shape: it reads G)', `${EXPLAINER_CTX}, example 1`, [
    start(0, { worker: 'pool-map', action: 'read-global' }),
  ]),
  entry('explainer-pool-start-method-queue-starmap',
    "Pool(start_method='spawn') is not expressible (Pool has no such keyword: TypeError); nearest: get_context('spawn').Pool.starmap with a default-context Queue as a task argument",
    `${EXPLAINER_CTX}, example 2 (wrong: start_method= and a Queue task argument)`, [
      { op: 'create', at: 'main', id: 0, kind: 'Queue', ctx: 'default' },
      start(1, { worker: 'pool-starmap', ctx: 'spawn', pass: [{ obj: 0, via: 'task-arg' }] }),
    ]),
  entry('explainer-pool-start-method-map',
    "Pool(processes=2, start_method='spawn').map(worker, [1, 2]) is not expressible; nearest: get_context('spawn').Pool(2).map",
    `${EXPLAINER_CTX}, example 3 (wrong: start_method=, and worker() takes no argument)`, [
      start(0, { worker: 'pool-map', ctx: 'spawn', action: 'report-method' }),
    ]),
  entry('explainer-manager-dict-to-process', 'a Manager().dict() proxy passed to a Process that writes to it', `${EXPLAINER_BOOT}, example 2`, [
    { op: 'create', at: 'main', id: 0, kind: 'ManagerDict', ctx: 'default' },
    start(1, { pass: [{ obj: 0, via: 'process-arg' }] }),
  ]),
  entry('unguarded-spawn-process', 'no guard: set spawn and start a Process at module level (bootstrapping RuntimeError in the child)', SAFE_MAIN, [
    { op: 'set-start-method', at: 'top', method: 'spawn', force: false },
    start(0, { at: 'top', action: 'report-method' }),
  ]),
  entry('unguarded-spawn-pool', 'no guard: a spawn-context Pool at module level (the parent hangs while workers die)', SAFE_MAIN, [
    start(0, { at: 'top', worker: 'pool-map', ctx: 'spawn', action: 'report-method' }),
  ]),
  entry('unguarded-spawn-executor', 'no guard: a ProcessPoolExecutor with a spawn mp_context at module level (broken pool)', SAFE_MAIN, [
    start(0, { at: 'top', worker: 'executor-submit', ctx: 'spawn', action: 'report-method' }),
  ]),
  entry('fork-child-during-rerun-spawns',
    "no guard: a fork Process at module level starts a spawn grandchild; a guarded spawn Process re-runs that code, and the fork child it makes mid-re-run sends no main path (the grandchild cannot find grand_0)",
    'Lib/multiprocessing/spawn.py (3.7-3.13) get_preparation_data, _fixup_main_from_path; shrunk from mpconform run s303 general-25', [
      start(0, { at: 'top', ctx: 'fork', action: 'report-method', grandchild: 'spawn' }),
      start(1, { ctx: 'spawn', action: 'report-method' }),
    ]),
  entry('queue-as-pool-task-arg', 'a Queue passed to Pool.apply_async as a task argument (inheritance-only)', INHERITANCE, [
    { op: 'create', at: 'main', id: 0, kind: 'Queue', ctx: 'default' },
    start(1, { worker: 'pool-apply_async', pass: [{ obj: 0, via: 'task-arg' }] }),
  ]),
  entry('value-as-executor-map-task-arg',
    'a Value passed to ProcessPoolExecutor.map as a task argument: inheritance-only in the caller; before 3.10.11 and 3.11.3 the with-block may then hang in shutdown (bpo-39104 before 3.9, gh-94440)',
    'https://bugs.python.org/issue39104; https://github.com/python/cpython/issues/94440; Lib/concurrent/futures/process.py (3.8.18) _SafeQueue._on_queue_feeder_error, (3.9.18) _ExecutorManagerThread.run', [
      { op: 'create', at: 'main', id: 0, kind: 'Value', ctx: 'default' },
      start(1, { worker: 'executor-map', pass: [{ obj: 0, via: 'task-arg' }] }),
    ]),
  entry('manager-proxy-to-pool', 'a Manager().Queue() proxy passed to Pool.apply_async as a task argument (allowed)', MANAGERS, [
    { op: 'create', at: 'main', id: 0, kind: 'ManagerQueue', ctx: 'default' },
    start(1, { worker: 'pool-apply_async', pass: [{ obj: 0, via: 'task-arg' }] }),
  ]),
  entry('lambda-under-spawn', 'a lambda target for a spawn-context Process (cannot be pickled)', PICKLABILITY, [
    start(0, { ctx: 'spawn', action: 'report-method', target: 'lambda' }),
  ]),
  entry('get-context-nope', "get_context('nope') (ValueError: cannot find context)", GET_CONTEXT, [
    { op: 'get-context-unknown', at: 'main' },
  ]),
  entry('concrete-context-set-start-method', "get_context('fork').set_start_method('spawn') (ValueError on a concrete context)", CONCRETE, [
    { op: 'context-set-start-method', at: 'main', ctx: 'fork' },
  ]),
  entry('global-changed-spawn-child', "G changed under the guard, read by a spawn-context child (sees 'initial')", GLOBALS, [
    { op: 'set-global', at: 'main' },
    start(0, { ctx: 'spawn', action: 'read-global' }),
  ]),
  entry('set-start-method-twice', "set_start_method('spawn') then set_start_method('fork') (context has already been set)", SET_ONCE, [
    { op: 'set-start-method', at: 'main', method: 'spawn', force: false },
    { op: 'set-start-method', at: 'main', method: 'fork', force: false },
  ]),
  // Programs whose outcome changed in a patch release (per-version outcomes: src/oracle/corpus-versions.test.ts)
  entry('spawn-process-then-set-start-method',
    "a get_context('spawn') Process, then set_start_method('fork'): 'context has already been set' up to 3.13.11 / 3.14.2, fine from 3.13.12 / 3.14.3",
    'gh-109263; Lib/multiprocessing/spawn.py get_preparation_data (3.13.5 vs 3.13.15)', [
      start(0, { ctx: 'spawn' }),
      { op: 'set-start-method', at: 'main', method: 'fork', force: false },
    ]),
  entry('docs-freeze-support-then-set-spawn',
    "the docs' freeze_support(); set_start_method('spawn') then a Process: 'context has already been set' in 3.13.4-3.13.12 and 3.14.0-3.14.3",
    `${DOCS}; gh-135726, gh-140814; Lib/multiprocessing/context.py freeze_support (3.13.0, 3.13.5, 3.13.15)`, [
      { op: 'freeze-support', at: 'main' },
      { op: 'set-start-method', at: 'main', method: 'spawn', force: false },
      start(0, { action: 'report-method' }),
    ]),
  entry('forkserver-unguarded-process',
    "no guard: a get_context('forkserver') Process at module level: fails per child up to 3.13.7 / 3.14.0; from 3.13.8 / 3.14.1 the forkserver dies preloading __main__ and start() raises (EOFError; ConnectionResetError on 3.14)",
    'gh-126631; Lib/multiprocessing/forkserver.py ensure_running, main (3.13.5 vs 3.13.15)', [
      start(0, { at: 'top', ctx: 'forkserver' }),
    ]),
  entry('forkserver-top-level-set-start-method',
    "set_start_method('forkserver') at module level, guarded Process reports its method: the re-run fails in each child up to 3.13.7; from 3.13.8 it runs once, in the forkserver, and succeeds",
    'gh-126631; Lib/multiprocessing/forkserver.py main (3.13.15)', [
      { op: 'set-start-method', at: 'top', method: 'forkserver', force: false },
      start(0, { action: 'report-method' }),
    ]),
  entry('forkserver-top-level-runs-once',
    "module-level get_start_method(allow_none=True) and a changed global, read by two forkserver children: printed per child up to 3.13.7, once by the forkserver from 3.13.8",
    'gh-126631; Lib/multiprocessing/forkserver.py main, spawn.py _fixup_main_from_path (3.13.15)', [
      { op: 'get-start-method', at: 'top', allowNone: true },
      { op: 'set-global', at: 'top' },
      start(0, { ctx: 'forkserver', action: 'read-global' }),
      start(1, { ctx: 'forkserver', action: 'report-method' }),
    ]),
  entry('forkserver-stale-pid',
    "main launches the forkserver for a Process, then a fork child starts a forkserver grandchild: it inherited ForkServer._forkserver_pid, so ensure_running() waits on a process that is not its child (ChildProcessError)",
    'Lib/multiprocessing/forkserver.py ForkServer.ensure_running (3.7-3.13: os.waitpid(self._forkserver_pid, os.WNOHANG)); src/oracle/experiments/e8_forkserver_stale_pid.py', [
      start(0, { ctx: 'forkserver' }),
      start(1, { ctx: 'fork', action: 'report-method', grandchild: 'forkserver' }),
    ]),
  entry('unguarded-spawn-manager',
    "no guard: get_context('spawn').Manager().dict() at module level: the manager's server re-imports the script, fails bootstrapping, and the caller's Manager() gets EOFError",
    `${SAFE_MAIN}; Lib/multiprocessing/managers.py BaseManager.start (reader.recv()); src/oracle/experiments/e7_unguarded_manager.py`, [
      { op: 'create', at: 'top', id: 0, kind: 'ManagerDict', ctx: 'spawn' },
    ]),
  entry('executor-fixes-default-context',
    "a ProcessPoolExecutor without mp_context, then set_start_method('spawn'): the executor's get_context() fixed the default context ('context has already been set')",
    'Lib/concurrent/futures/process.py ProcessPoolExecutor.__init__ (mp_context = mp.get_context()); ' + SET_ONCE, [
      start(0, { worker: 'executor-submit' }),
      { op: 'set-start-method', at: 'main', method: 'spawn', force: false },
    ]),
  entry('worker-killed-holding-lock',
    'a Process that acquires the Lock it was given and is killed by SIGKILL while holding it: exitcode -9, and the parent carries on',
    'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Process.exitcode (-N: terminated by signal N)', [
      { op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'default' },
      start(1, { pass: [{ obj: 0, via: 'process-arg' }], action: 'die' }),
    ]),
  entry('spawn-child-killed-with-its-semaphore',
    "a module-level get_context('spawn').Lock() and a spawn child killed by SIGKILL: the child's own re-run Lock is never unlinked, and the resource tracker warns of 1 leaked semaphore at shutdown",
    'Lib/multiprocessing/resource_tracker.py main ("There appear to be %d leaked %s objects to clean up at shutdown"); Lib/multiprocessing/synchronize.py SemLock (register, util.Finalize unlink)', [
      { op: 'create', at: 'top', id: 0, kind: 'Lock', ctx: 'spawn' },
      start(1, { ctx: 'spawn', action: 'die' }),
    ]),
  entry('local-function-under-spawn',
    "a spawn-context Process whose target is a function defined inside another function: pickle cannot find it by name (AttributeError \"Can't pickle local object\" before 3.14, PicklingError from 3.14)",
    `${PICKLABILITY}; Lib/pickle.py save_global; gh-122311`, [
      start(0, { ctx: 'spawn', target: 'local' }),
    ]),
  entry('local-function-to-fork-process',
    'a fork-context Process with a local function target: nothing is pickled, the child runs it',
    'Lib/multiprocessing/popen_fork.py (the Process object is not pickled under fork)', [
      start(0, { ctx: 'fork', target: 'local', action: 'report-method' }),
    ]),
  entry('module-level-lock-in-spawn-child',
    "a module-level get_context('spawn').Lock() and a spawn child that ends normally: the child's own re-run Lock leaks (the tracker warns) before 3.10.6, whose spawn children keep the finalizers the re-run registered",
    'https://github.com/python/cpython/issues/90549 (bpo-46391, 3.10.6); Lib/multiprocessing/process.py BaseProcess._bootstrap', [
      { op: 'create', at: 'top', id: 0, kind: 'Lock', ctx: 'spawn' },
      start(1, { ctx: 'spawn', action: 'report-method' }),
    ]),
  entry('module-level-lock-in-forkserver-child',
    "a module-level get_context('forkserver').Lock() and a forkserver child that ends normally: the child's re-run Lock leaks on every version without the __main__ preload (ForkServerProcess still clears the finalizers in _bootstrap)",
    'Lib/multiprocessing/process.py BaseProcess._after_fork, context.py ForkServerProcess (3.10.13, 3.13.0); gh-126631 (the preload, 3.13.8)', [
      { op: 'create', at: 'top', id: 0, kind: 'Lock', ctx: 'forkserver' },
      start(1, { ctx: 'forkserver', action: 'report-method' }),
    ]),
  entry('shared-memory-to-spawn-child',
    'a SharedMemory block passed to a spawn Process, which writes to it (by name: it pickles anywhere); 3.7 has no multiprocessing.shared_memory (ImportError)',
    'https://docs.python.org/3/library/multiprocessing.shared_memory.html (new in 3.8)', [
      { op: 'create', at: 'main', id: 0, kind: 'SharedMemory', ctx: 'default' },
      start(1, { ctx: 'spawn', pass: [{ obj: 0, via: 'process-arg' }] }),
    ]),
  entry('executor-worker-killed',
    'a ProcessPoolExecutor task that kills its own worker with SIGKILL: the executor breaks and result() raises BrokenProcessPool',
    'https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.process.BrokenProcessPool; Lib/concurrent/futures/process.py terminate_broken', [
      start(0, { worker: 'executor-submit', action: 'die' }),
    ]),
  entry('module-level-shared-memory-in-forkserver-child',
    "a module-level SharedMemory block and a forkserver child that ends normally: the child's re-run creates its own block, and leaves through os._exit(); from 3.13 its atexit hook unlinks it (gh-83856), before the tracker cleans it up with a warning; a preloading forkserver (3.13.8+) runs the top-level code in itself instead",
    'https://github.com/python/cpython/issues/83856; Lib/multiprocessing/forkserver.py _serve_one, main (3.12.1, 3.13.0); gh-126631 (the preload, 3.13.8)', [
      { op: 'create', at: 'top', id: 0, kind: 'SharedMemory', ctx: 'default' },
      start(1, { ctx: 'forkserver', action: 'report-method' }),
    ]),
  entry('syspath-in-preloading-forkserver',
    "top-level code reads sys.path[0] and a forkserver Process starts: from 3.13.8 the forkserver runs that code while preloading __main__, with the parent's sys.path (gh-117378: 3.12.8, 3.13.1), so it sees the script's directory as the main process and spawn children do; a forkserver on its own -c path would see ''",
    'https://github.com/python/cpython/issues/117378; Lib/multiprocessing/forkserver.py main (`sys.path[:] = sys_path`), spawn.py prepare; gh-126631 (the preload, 3.13.8)', [
      { op: 'report-syspath', at: 'top' },
      start(0, { ctx: 'forkserver', action: 'report-method' }),
    ]),
  entry('fork-child-owns-shared-memory',
    "a fork Process creates a SharedMemory block of its own with an atexit unlink: before 3.13 it leaves through os._exit() and the tracker it launched cleans the block up with a warning; from 3.13 the child runs its atexit hooks (gh-83856) and the block is unlinked",
    'https://github.com/python/cpython/issues/83856; Lib/multiprocessing/popen_fork.py Popen._launch (3.12.1: os._exit after _bootstrap; 3.13.0: atexit._run_exitfuncs first)', [
      start(0, { ctx: 'fork', action: 'own-shared-memory' }),
    ]),
  entry('syspath-in-forkserver-preloading-the-script',
    "set_forkserver_preload() names the script itself, whose top-level code reads sys.path[0]: the forkserver imports it as a plain module, with the parent's sys.path from 3.12.8 and 3.13.1 (gh-117378), before with its own -c path ('' first); its children re-run the script as without a preload",
    'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.set_forkserver_preload; https://github.com/python/cpython/issues/117378; Lib/multiprocessing/forkserver.py main (3.13.0, 3.13.5)', [
      { op: 'report-syspath', at: 'top' },
      { op: 'forkserver-preload', at: 'main', modules: 'script' },
      start(0, { ctx: 'forkserver', action: 'report-method' }),
    ]),
  entry('module-level-lock-with-forkserver-preloading-nothing',
    "a module-level forkserver Lock, set_forkserver_preload([]) and a forkserver child: nothing is preloaded even where __main__ would be (3.13.8+), so the child re-runs the script and the Lock its re-run made leaks (ForkServerProcess._bootstrap drops its finalizer); from 3.13 the tracker then exits 1",
    'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.set_forkserver_preload; Lib/multiprocessing/forkserver.py ensure_running, main; Lib/multiprocessing/process.py BaseProcess._bootstrap', [
      { op: 'create', at: 'top', id: 0, kind: 'Lock', ctx: 'forkserver' },
      { op: 'forkserver-preload', at: 'main', modules: 'none' },
      start(1, { ctx: 'forkserver', action: 'report-method' }),
    ]),
  entry('argv-in-preloading-forkserver',
    "top-level code appends an argument to the main process's sys.argv and notes, in any other process running it, whether sys.argv came with it; a forkserver Process starts: the preloading forkserver (3.13.8+) has the parent's sys.argv from 3.13.12 (gh-143706), its own -c one before; children re-running the script get the parent's from prepare()",
    'https://github.com/python/cpython/issues/143706; Lib/multiprocessing/forkserver.py ensure_running, main (sys_argv: 3.13.15 read); spawn.py prepare', [
      { op: 'report-argv', at: 'top' },
      start(0, { ctx: 'forkserver', action: 'report-method' }),
    ]),
  entry('forkserver-launched-mid-rerun',
    "a top-level fork Process whose grandchild is a forkserver Process, and a spawn child that re-runs the script: the fork child made during that re-run keeps the bootstrap __main__, so the forkserver it launches gets no main path and preloads nothing even from 3.13.8, and the grandchild it asks for finds no target (\"Can't get attribute\"); the main process's own copy preloads and runs",
    "Lib/multiprocessing/spawn.py get_preparation_data, _fixup_main_from_path; Lib/multiprocessing/forkserver.py ensure_running (3.13.15)", [
      start(0, { at: 'top', ctx: 'fork', grandchild: 'forkserver' }),
      start(1, { ctx: 'spawn' }),
    ]),
  entry('pool-inside-pool-worker',
    "a Pool's task opens a Pool of its own: the Pool's workers are daemonic, so the inner Pool's first Process.start() fails its assertion ('daemonic processes are not allowed to have children') and map() re-raises the AssertionError in the caller",
    'Lib/multiprocessing/process.py BaseProcess.start; Lib/multiprocessing/pool.py Pool._repopulate_pool_static (w.daemon = True); pebble issue #76 (pools inside pebble workers)', [
      start(0, { worker: 'pool-map', action: 'nested-pool' }),
    ]),
  entry('pool-inside-spawn-process',
    "spawn is set and a Process opens a Pool of its own on the module-level API (pebble #155's shape): the child's default context is spawn (fixed by prepare()), its pool's workers re-run the script, and everything is cleaned up: no leaked semaphores",
    'https://github.com/noxdafox/pebble/issues/155; Lib/multiprocessing/spawn.py prepare; Lib/multiprocessing/util.py _exit_function (SemLock finalizers run in the child)', [
      { op: 'set-start-method', at: 'main', method: 'spawn', force: false },
      start(0, { action: 'nested-pool' }),
    ]),
  entry('pool-inside-spawn-executor-worker',
    "an executor of spawn workers whose task opens a Pool: executor workers are not daemonic, so the inner Pool starts (its method is the worker's default: spawn, set by prepare()), and the result comes back with nothing leaked",
    'Lib/concurrent/futures/process.py _adjust_process_count (no daemon flag); https://github.com/noxdafox/pebble/issues/155 (nested pools under spawn)', [
      start(0, { worker: 'executor-submit', ctx: 'spawn', action: 'nested-pool' }),
    ]),
  entry('spawn-child-closes-attached-shared-memory',
    "a SharedMemory block passed to a spawn Process, which attaches to it by unpickling, writes to it and closes it: close() only unmaps it, so the creator's atexit unlink finds the block and the tracker has nothing to clean",
    'https://docs.python.org/3/library/multiprocessing.shared_memory.html#multiprocessing.shared_memory.SharedMemory.close; Lib/multiprocessing/shared_memory.py SharedMemory.__reduce__, close, unlink', [
      { op: 'create', at: 'main', id: 0, kind: 'SharedMemory', ctx: 'default' },
      start(1, { ctx: 'spawn', pass: [{ obj: 0, via: 'process-arg' }], action: 'use-and-close' }),
    ]),
  entry('pool-worker-closes-attached-shared-memory',
    "a SharedMemory block as a forkserver Pool's task argument: the worker attaches to it, writes to it and closes it; the block stays for the creator to unlink",
    'https://docs.python.org/3/library/multiprocessing.shared_memory.html (SharedMemory travels by name); Lib/multiprocessing/shared_memory.py SharedMemory.__reduce__, close', [
      { op: 'create', at: 'main', id: 0, kind: 'SharedMemory', ctx: 'default' },
      start(1, { worker: 'pool-apply_async', ctx: 'forkserver', pass: [{ obj: 0, via: 'task-arg' }], action: 'use-and-close' }),
    ]),
];
