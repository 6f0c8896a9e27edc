import type { Rule } from '../types.js';
import { POSIX } from './common.js';

const FIXED = [{ from: '3.11.5', to: '3.12.0' }, { from: '3.12.0', to: null }] as const;
const UNFIXED = [{ from: '3.7.0', to: '3.11.5' }] as const;

/** SemLock objects made in a fork context and sent to a spawn/forkserver child. */
export const semlockRules = [
  { id: 'semlock.fork-context-error', statement: 'Pickling a SemLock created in a fork context for a spawn/forkserver child raises RuntimeError "A SemLock created in a fork context is being shared with a process in a spawn context" in the parent\'s start().', versions: FIXED, platforms: POSIX, source: 'Lib/multiprocessing/synchronize.py SemLock.__getstate__ (3.11.5+, 3.12+; absent in 3.11.2); gh-77377' },
  { id: 'semlock.fork-context-crash-linux', statement: 'Without that check the fork-context SemLock (already unlinked, handle is a pointer into the parent) reaches the child, which dies with SIGSEGV on first use.', versions: UNFIXED, platforms: ['linux'], source: 'Lib/multiprocessing/synchronize.py SemLock.__init__ unlink_now (3.7-3.11.4); Modules/_multiprocessing/semaphore.c _rebuild; PyPy 3.9 ships the same synchronize.py' },
  { id: 'semlock.fork-context-ebadf-darwin', statement: 'Without that check a macOS child fails on first use with OSError EBADF.', versions: UNFIXED, platforms: ['darwin'], source: 'Lib/multiprocessing/synchronize.py (3.7-3.11.4: no fork-context check in SemLock.__getstate__); gh-77377 (the issue the check closed); macOS only, not reproducible on the Linux machines here' },
] as const satisfies readonly Rule[];
