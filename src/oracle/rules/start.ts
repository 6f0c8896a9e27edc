import type { Rule } from '../types.js';
import { ALL, ANY, DOCS, POSIX } from './common.js';

const SPAWN = 'Lib/multiprocessing/spawn.py (3.7-3.13)';

/** What spawn/forkserver children re-run, and what fork children inherit. */
export const startRules: readonly Rule[] = [
  { id: 'spawn.rerun-main', statement: "A spawn or forkserver child imports the main script as __mp_main__: its top-level code runs again, the __main__ guard does not.", versions: ANY, platforms: ALL, source: `${DOCS}#multiprocessing-safe-main-import; ${SPAWN} _fixup_main_from_path` },
  { id: 'spawn.prepare-forces-method', statement: "Before re-running the main script, prepare() calls set_start_method(<parent's method>, force=True): a top-level set_start_method() without force raises 'context has already been set' in the child, and a top-level get_start_method() reports the parent's method.", versions: ANY, platforms: ALL, source: `${SPAWN} prepare` },
  { id: 'spawn.bootstrapping', statement: 'Starting a spawn or forkserver process while the main script is being re-imported (_inheriting) raises the bootstrapping RuntimeError ("...before the current process has finished its bootstrapping phase").', versions: ANY, platforms: ALL, source: `${SPAWN} _check_not_importing_main` },
  { id: 'spawn.main-attribute', statement: "A target defined inside the __main__ guard is pickled by reference; the child's __mp_main__ lacks it: AttributeError \"Can't get attribute\".", versions: ANY, platforms: ALL, source: `${DOCS}#the-spawn-and-forkserver-start-methods; ${SPAWN} _main` },
  { id: 'spawn.fresh-globals', statement: 'A spawn or forkserver child sees module globals as the top-level re-run leaves them: changes made under the guard are not seen, objects created under the guard do not exist (NameError).', versions: ANY, platforms: ALL, source: `${DOCS}#the-spawn-and-forkserver-start-methods` },
  { id: 'fork.inherits', statement: "A fork child is a copy of its parent at start(): globals, objects and the default context's state.", versions: ANY, platforms: POSIX, source: `${DOCS}#contexts-and-start-methods` },
  { id: 'forkserver.no-preload-main', statement: "The forkserver never preloads __main__ (forkserver.py asks get_preparation_data() for 'main_path', a key it never sets), so each forkserver child re-runs the main script like a spawn child and the forkserver itself runs no user code.", versions: [{ from: '3.0.0', to: '3.13.8' }], platforms: POSIX, source: 'Lib/multiprocessing/forkserver.py ensure_running (3.7-3.13.0); gh-126631, gh-137996' },
  { id: 'forkserver.preload-main', statement: 'The forkserver preloads __main__ (gh-126631 fix): top-level code runs once in the forkserver with _inheriting set; not modelled.', versions: [{ from: '3.13.8', to: '3.14.0' }, { from: '3.14.0', to: null }], platforms: POSIX, source: 'gh-126631 (backported to 3.13 by python/cpython#138609)' },
  { id: 'forkserver.stale-pid', statement: "A fork child of a process that already launched a forkserver inherits ForkServer._forkserver_pid; its first forkserver start() calls os.waitpid() on that non-child pid: ChildProcessError.", versions: ANY, platforms: POSIX, source: 'Lib/multiprocessing/forkserver.py ForkServer.ensure_running (3.7-3.13)' },
];
