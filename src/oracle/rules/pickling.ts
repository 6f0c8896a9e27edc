import type { Rule } from '../types.js';
import { ALL, ANY, DOCS, POSIX } from './common.js';

/** What gets pickled, when, and what cannot be. */
export const picklingRules: readonly Rule[] = [
  { id: 'pickle.lambda', statement: 'A lambda cannot be pickled: a spawn/forkserver Process with a lambda target, and any Pool or executor task with a lambda function, fail with PicklingError.', versions: ANY, platforms: ALL, source: `${DOCS}#the-spawn-and-forkserver-start-methods (picklability); Lib/pickle.py save_global` },
  { id: 'pickle.fork-no-pickle', statement: 'A fork Process is not pickled: any target and any argument work.', versions: ANY, platforms: POSIX, source: 'Lib/multiprocessing/popen_fork.py (3.7-3.13)' },
  { id: 'pickle.inheritance-only', statement: 'Locks, semaphores, Condition, Event, Barrier, queues and synchronized Value/Array passed as Pool or executor task arguments raise RuntimeError "... objects should only be shared between processes through inheritance" (assert_spawning).', versions: ANY, platforms: ALL, source: `${DOCS}#multiprocessing-programming; Lib/multiprocessing/context.py assert_spawning` },
  { id: 'pickle.spawning-ok', statement: 'The same objects may be passed as Process arguments or Pool/executor initargs: they are pickled while spawning a process.', versions: ANY, platforms: ALL, source: 'Lib/multiprocessing/synchronize.py SemLock.__getstate__; popen_spawn_posix.py _launch' },
  { id: 'pickle.travels', statement: 'Pipe connections (via resource_sharer/DupHandle), Manager proxies and SharedMemory (by name) pickle anywhere, including as task arguments.', versions: ANY, platforms: ALL, source: `${DOCS}#proxy-objects; Lib/multiprocessing/connection.py reduce_connection; shared_memory.py __reduce__` },
];
