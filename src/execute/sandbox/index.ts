/** Containment of one tree: pid + mount namespaces when the kernel allows, else tracking. */
export { sandboxMode, resetSandboxMode, SANDBOX_ENV, type SandboxMode } from './detect.js';
export { launchTree, cleanupAllNow, childrenOf, nsPids, SANDBOX_INFO, type TreeLaunch } from './launch.js';
export { beforeGroupKill, isContained } from './hooks.js';
