/**
 * Dialects: how a library spells each thing a rendered program does. The shipped targets' dialects,
 * and {@link extendDialect} for a library's own pool API.
 */
export type { Dialect, ContextObjectKind, ProgramFeatures, ModuleDialectOptions, DialectExtension } from '../targets/index.js';
export {
  extendDialect, stdlibDialect, moduleDialect, billiardDialect, concurrentFuturesDialect, lokyDialect, multiprocessDialect, pebbleDialect,
  TARGET_IDS, dialectFor, UnknownTargetError,
} from '../targets/index.js';
