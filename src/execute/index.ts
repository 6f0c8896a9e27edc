/** Execute: one program, one process group, bounded output, no leftovers. */
export { executeProgram } from './run.js';
export type { ExecuteOptions } from './run.js';
export type { RawRun, RawEnd } from './types.js';
export { ExecuteCancelledError } from './errors.js';
export { childEnv } from './env.js';
export { BoundedCapture } from './capture.js';
export { findTokenProcesses, killTokenProcesses } from './kill.js';
export { killAllRunning } from './registry.js';
export { unlinkLeftovers, recordedIpc, shmPath, SHM_DIR } from './ipc.js';
export type { IpcLeftover } from './ipc.js';
export { PoolHangDetector, POOL_FAILURES_FOR_HANG } from './hang.js';
