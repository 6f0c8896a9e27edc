import type { Rule } from '../types.js';
import { ALL, DOCS } from './common.js';

const CTX = 'Lib/multiprocessing/context.py';

/** Default start methods and method availability per platform. */
export const platformRules = [
  { id: 'platform.default-linux-fork', statement: 'On Linux the default start method is fork.', versions: [{ from: '3.7.0', to: '3.14.0' }], platforms: ['linux'], source: `${DOCS}#contexts-and-start-methods; ${CTX} (3.7-3.13)` },
  { id: 'platform.default-linux-forkserver', statement: 'On Linux the default start method is forkserver.', versions: [{ from: '3.14.0', to: null }], platforms: ['linux'], source: `${DOCS}#contexts-and-start-methods (changed in 3.14)` },
  { id: 'platform.default-darwin-fork', statement: 'On macOS before 3.8 the default start method is fork.', versions: [{ from: '3.7.0', to: '3.8.0' }], platforms: ['darwin'], source: `${CTX} (3.7)` },
  { id: 'platform.default-darwin-spawn', statement: 'On macOS the default start method is spawn (bpo-33725).', versions: [{ from: '3.8.0', to: null }], platforms: ['darwin'], source: `${DOCS}#contexts-and-start-methods; ${CTX} (3.8-3.13), bpo-33725` },
  { id: 'platform.default-win32-spawn', statement: 'On Windows the default (and only) start method is spawn.', versions: [{ from: '3.7.0', to: null }], platforms: ['win32'], source: `${DOCS}#contexts-and-start-methods` },
  { id: 'platform.win32-spawn-only', statement: "On Windows _concrete_contexts has only 'spawn': get_context('fork'|'forkserver') and set_start_method('fork'|'forkserver') raise ValueError \"cannot find context\".", versions: [{ from: '3.7.0', to: null }], platforms: ['win32'], source: `${CTX} (3.7-3.13, the sys.platform == 'win32' branch)` },
  { id: 'platform.shared-memory-3.8', statement: 'multiprocessing.shared_memory exists from 3.8; importing it earlier raises ImportError before any step runs.', versions: [{ from: '3.7.0', to: '3.8.0' }], platforms: ALL, source: 'https://docs.python.org/3/library/multiprocessing.shared_memory.html (new in 3.8)' },
] as const satisfies readonly Rule[];
