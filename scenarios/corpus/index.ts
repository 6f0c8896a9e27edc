/**
 * The curated corpus: fixed, named scenarios from the Python docs and the seed pages
 * (/work/shared/seeds), including their wrong examples, plus the classic failure shapes.
 * Expected outcomes are not part of the corpus: the oracle decides them.
 */
import type { ChildAction, ContextRef, Passing, Placement, Scenario, Step, TargetForm, WorkerKind } from '../../src/scenario/types.js';

/** One corpus entry. */
export interface CorpusEntry {
  /** Same as `scenario.name`. */
  readonly name: string;
  /** One line: what the program does. */
  readonly description: string;
  /** Where the shape comes from (URL or seed file), and how it was adapted when not expressible. */
  readonly source: string;
  readonly scenario: Scenario;
}

const DOCS = 'https://docs.python.org/3/library/multiprocessing.html#contexts-and-start-methods (seeds/002_f43cd3768e426558.txt)';
const DOCS_EXCHANGE = 'https://docs.python.org/3/library/multiprocessing.html#exchanging-objects-between-processes (seeds/002_f43cd3768e426558.txt)';
const SFP_CONTEXT = 'SuperFastPython, multiprocessing contexts tutorial (seeds/001_18631e5b2e224be6.txt)';
const SFP_START = 'https://superfastpython.com/multiprocessing-start-method/ (seeds/003_554b29f533ecdcf4.txt)';
const EXPLAINER_CTX = "explainer 'context has already been set' (seeds/000_8b211b0d2039e249.txt)";
const EXPLAINER_BOOT = 'explainer on the bootstrapping RuntimeError (seeds/004_ccd421055378e34f.txt)';
const DESIGN = 'mpconform DESIGN.md, oracle rules';

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

/** The corpus, in a stable order. */
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
  entry('unguarded-spawn-process', 'no guard: set spawn and start a Process at module level (bootstrapping RuntimeError in the child)', DESIGN, [
    { op: 'set-start-method', at: 'top', method: 'spawn', force: false },
    start(0, { at: 'top', action: 'report-method' }),
  ]),
  entry('unguarded-spawn-pool', 'no guard: a spawn-context Pool at module level (the parent hangs while workers die)', DESIGN, [
    start(0, { at: 'top', worker: 'pool-map', ctx: 'spawn', action: 'report-method' }),
  ]),
  entry('unguarded-spawn-executor', 'no guard: a ProcessPoolExecutor with a spawn mp_context at module level (broken pool)', DESIGN, [
    start(0, { at: 'top', worker: 'executor-submit', ctx: 'spawn', action: 'report-method' }),
  ]),
  entry('fork-child-during-rerun-spawns',
    "no guard: a fork Process at module level starts a spawn grandchild; a guarded spawn Process re-runs that code, and the fork child it makes mid-re-run sends no main path (the grandchild cannot find grand_0)",
    'Lib/multiprocessing/spawn.py (3.7-3.13) get_preparation_data, _fixup_main_from_path; shrunk from mpconform run s303 general-25', [
      start(0, { at: 'top', ctx: 'fork', action: 'report-method', grandchild: 'spawn' }),
      start(1, { ctx: 'spawn', action: 'report-method' }),
    ]),
  entry('queue-as-pool-task-arg', 'a Queue passed to Pool.apply_async as a task argument (inheritance-only)', DESIGN, [
    { op: 'create', at: 'main', id: 0, kind: 'Queue', ctx: 'default' },
    start(1, { worker: 'pool-apply_async', pass: [{ obj: 0, via: 'task-arg' }] }),
  ]),
  entry('value-as-executor-map-task-arg',
    'a Value passed to ProcessPoolExecutor.map as a task argument: inheritance-only in the caller; before 3.9 the with-block may then hang in shutdown (bpo-39104)',
    'https://bugs.python.org/issue39104; Lib/concurrent/futures/process.py (3.8.18) _SafeQueue._on_queue_feeder_error', [
      { op: 'create', at: 'main', id: 0, kind: 'Value', ctx: 'default' },
      start(1, { worker: 'executor-map', pass: [{ obj: 0, via: 'task-arg' }] }),
    ]),
  entry('manager-proxy-to-pool', 'a Manager().Queue() proxy passed to Pool.apply_async as a task argument (allowed)', DESIGN, [
    { op: 'create', at: 'main', id: 0, kind: 'ManagerQueue', ctx: 'default' },
    start(1, { worker: 'pool-apply_async', pass: [{ obj: 0, via: 'task-arg' }] }),
  ]),
  entry('lambda-under-spawn', 'a lambda target for a spawn-context Process (cannot be pickled)', DESIGN, [
    start(0, { ctx: 'spawn', action: 'report-method', target: 'lambda' }),
  ]),
  entry('get-context-nope', "get_context('nope') (ValueError: cannot find context)", DESIGN, [
    { op: 'get-context-unknown', at: 'main' },
  ]),
  entry('concrete-context-set-start-method', "get_context('fork').set_start_method('spawn') (ValueError on a concrete context)", DESIGN, [
    { op: 'context-set-start-method', at: 'main', ctx: 'fork' },
  ]),
  entry('global-changed-spawn-child', "G changed under the guard, read by a spawn-context child (sees 'initial')", DESIGN, [
    { op: 'set-global', at: 'main' },
    start(0, { ctx: 'spawn', action: 'read-global' }),
  ]),
  entry('set-start-method-twice', "set_start_method('spawn') then set_start_method('fork') (context has already been set)", DESIGN, [
    { op: 'set-start-method', at: 'main', method: 'spawn', force: false },
    { op: 'set-start-method', at: 'main', method: 'fork', force: false },
  ]),
];
