import type { Outcome } from '../outcome/outcome.js';
import type { ExceptionInfo } from '../model/observation.js';

/** One row: exception type(s) + a stable substring of the message (never the whole message). */
interface Row {
  readonly outcome: Outcome;
  /** Bare type names (`PicklingError` matches `_pickle.PicklingError` and `pickle.PicklingError`); empty: any type. */
  readonly types: readonly string[];
  /** Case-insensitive substring; null: the type alone decides. */
  readonly substring: string | null;
  readonly errno?: number;
}

/** First matching row wins; order matters where types overlap (AttributeError, TypeError). */
const TABLE: readonly Row[] = [
  // Lib/multiprocessing/context.py BaseContext/DefaultContext.set_start_method (3.7–3.13)
  { outcome: 'context-already-set', types: ['RuntimeError'], substring: 'context has already been set' },
  // Lib/multiprocessing/spawn.py _check_not_importing_main: "...finished its bootstrapping phase." (3.7–3.13)
  { outcome: 'bootstrapping-error', types: ['RuntimeError'], substring: 'bootstrapping phase' },
  // Lib/multiprocessing/synchronize.py SemLock.__getstate__ (3.11.5+, 3.12+): "A SemLock created in a fork context is being shared with a process in a spawn context..."
  { outcome: 'semlock-fork-context', types: ['RuntimeError'], substring: 'SemLock created in a fork context' },
  // errno 9: macOS children using a fork-context SemLock (docs/design.md, "Outcome vocabulary"); any OSError subclass
  { outcome: 'bad-file-descriptor', types: [], substring: null, errno: 9 },
  // Lib/multiprocessing/context.py assert_spawning: "%s objects should only be shared between processes through inheritance"
  { outcome: 'inheritance-only', types: ['RuntimeError'], substring: 'through inheritance' },
  // Lib/multiprocessing/context.py BaseContext.get_context: "cannot find context for %r"
  { outcome: 'unknown-context', types: ['ValueError'], substring: 'cannot find context' },
  // Lib/multiprocessing/context.py BaseContext.set_start_method: "cannot set start method of concrete context"
  { outcome: 'concrete-context', types: ['ValueError'], substring: 'concrete context' },
  // Modules/_pickle.c find_class / Lib/pickle.py: "Can't get attribute 'f' on <module '__mp_main__' ...>" (before the pickle rows)
  { outcome: 'main-attribute-missing', types: ['AttributeError', 'UnpicklingError'], substring: "Can't get attribute" },
  // 3.14+ unpickling uses plain getattr: "module '__mp_main__' has no attribute 'work_0'" (also '__main__', the
  // bootstrap module of a child that re-ran nothing); docs/cpython-changes.md, pickle-messages
  { outcome: 'main-attribute-missing', types: ['AttributeError'], substring: "main__' has no attribute" },
  // Lib/pickle.py / _pickle.c 3.12.5+ and 3.13 (gh-122311): AttributeError "Can't get local object 'f.<locals>.g'"
  { outcome: 'pickling-error', types: ['AttributeError'], substring: "can't get local object" },
  // Modules/_pickle.c save_global: "Can't pickle <function <lambda> ...>: attribute lookup ... failed" (3.14+:
  // "...: it's not found as __main__.<lambda>", and local objects: PicklingError "Can't pickle local object", with notes)
  { outcome: 'pickling-error', types: ['PicklingError'], substring: null },
  // Lib/pickle.py / _pickle.c before 3.14: AttributeError "Can't pickle local object 'f.<locals>.g'"
  { outcome: 'pickling-error', types: ['AttributeError', 'TypeError'], substring: "can't pickle" },
  // Objects/typeobject.c object.__reduce_ex__ 3.8+: TypeError "cannot pickle '_thread.lock' object"
  { outcome: 'pickling-error', types: ['TypeError', 'AttributeError'], substring: 'cannot pickle' },
  // Lib/concurrent/futures/process.py BrokenProcessPool (a BrokenExecutor)
  { outcome: 'broken-process-pool', types: ['BrokenProcessPool'], substring: null },
];

/** The outcome an exception means: the first matching table row, else `exception:TYPE`. */
export function classifyException(e: ExceptionInfo): Outcome {
  const type = e.type.split('.').pop() ?? e.type;
  // a subclass matches its base's row (loky's TerminatedWorkerError is a BrokenProcessPool)
  const names = [type, ...(e.bases ?? [])];
  const message = e.message.toLowerCase();
  for (const row of TABLE) {
    if (row.types.length > 0 && !names.some((n) => row.types.includes(n))) continue;
    if (row.errno !== undefined && e.errno !== row.errno) continue;
    if (row.substring !== null && !message.includes(row.substring.toLowerCase())) continue;
    return row.outcome;
  }
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(type) ? `exception:${type}` : 'exception:Exception';
}

/**
 * A warning's stable id: `fork-multithreaded` for os.fork's "This process (pid=N) is multi-threaded, use of fork()
 * may lead to deadlocks in the child." (Modules/posixmodule.c warn_about_fork_with_threads, 3.12+, gh-100228),
 * else `warning:<Category>`.
 */
export function classifyWarning(w: { readonly category: string; readonly message: string }): string {
  if (w.category === 'DeprecationWarning' && w.message.includes('is multi-threaded, use of fork() may lead to deadlocks')) return 'fork-multithreaded';
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(w.category) ? `warning:${w.category}` : 'warning:Warning';
}
