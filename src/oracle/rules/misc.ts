import type { Rule } from '../types.js';
import { ALL, ANY, DOCS } from './common.js';

/** Managers, worker actions, and what the harness does to live processes. */
export const miscRules = [
  { id: 'manager.server-death-eof', statement: "A Manager whose server process dies while bootstrapping leaves Manager() in the parent reading the server address from a closed pipe: EOFError.", versions: ANY, platforms: ALL, source: 'Lib/multiprocessing/managers.py BaseManager.start (reader.recv())' },
  { id: 'manager.process', statement: 'Manager() starts a server process with its context; it is shut down when the program exits.', versions: ANY, platforms: ALL, source: `${DOCS}#managers` },
  { id: 'worker.raise', statement: 'An exception that ends Process.run() is printed and the child exits with code 1.', versions: ANY, platforms: ALL, source: `${DOCS}#multiprocessing.Process.exitcode; Lib/multiprocessing/process.py _bootstrap` },
  { id: 'worker.exitcode-signal', statement: 'A child killed by signal N has exitcode -N.', versions: ANY, platforms: ['linux', 'darwin'], source: `${DOCS}#multiprocessing.Process.exitcode` },
  { id: 'target.held-to-stdlib', statement: 'A target other than the stdlib (concurrent.futures, multiprocess, billiard, pebble, loky) is held to the stdlib outcomes of the same scenario on the same interpreter; a library declares where it departs in its expectations file.', versions: ANY, platforms: ALL, source: 'https://docs.python.org/3/library/concurrent.futures.html#processpoolexecutor (built on multiprocessing); the targets\' own docs: multiprocess and billiard are forks of multiprocessing, pebble and loky pools over it' },
  { id: 'harness.hang-kill', statement: 'When the main process hangs the harness ends the whole tree: pool workers, manager and forkserver still running then are classified hang (the harness, not the program, sent the signal), and so may a Process that a top-level step starts, since every child re-running the script (a pool worker replaced over and over, say) starts it again and one may be running at that moment.', versions: ANY, platforms: ALL, source: 'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.Process.exitcode (a child killed by signal N has exitcode -N); Lib/multiprocessing/pool.py, managers.py, forkserver.py (these processes run until told to stop)' },
] as const satisfies readonly Rule[];
