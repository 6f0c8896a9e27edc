/**
 * Targets: the libraries under test, each described by a {@link Dialect}.
 */
import { MpconformError } from '../errors/index.js';
import { LIBRARY_IDS, libraryOf } from '../contracts/libraries.js';
import type { Dialect } from './dialect.js';
import { libraryDialect } from './extra.js';

export type { ContextObjectKind, Dialect, ProgramFeatures } from './dialect.js';
export { moduleDialect, stdlibDialect } from './multiprocessing.js';
export { EXTRA_DIALECTS, extraDialect, billiardDialect, concurrentFuturesDialect, lokyDialect, mpireDialect, multiprocessDialect, pebbleDialect } from './extra.js';
export { differential, describeDivergences } from './differential.js';
export type { ModuleDialectOptions } from './multiprocessing.js';
export { extendDialect } from './extend.js';
export type { DialectExtension } from './extend.js';

/**
 * Target ids with a dialect (the library list's, src/contracts/libraries.ts).
 *
 * @public
 */
export const TARGET_IDS: readonly string[] = LIBRARY_IDS;

/**
 * Thrown for a target id without a dialect (code `E_UNKNOWN_TARGET`).
 *
 * @public
 */
export class UnknownTargetError extends MpconformError<'E_UNKNOWN_TARGET'> {
  constructor(target: string) {
    super('E_UNKNOWN_TARGET', `unknown target ${JSON.stringify(target).slice(0, 60)} (expected one of ${TARGET_IDS.join(', ')})`);
  }
}

const registered = new Map<string, Dialect>();

/**
 * Makes a library's own dialect (a data-file target, src/targets/file/) known by its id for this
 * process, so reports and repros of its cases render with it. Shipped ids cannot be replaced.
 *
 * @public
 */
export function registerDialect(dialect: Dialect): void {
  if (libraryOf(dialect.id) !== undefined) throw new Error(`registerDialect: ${dialect.id} is a shipped target id`);
  registered.set(dialect.id, dialect);
}

/**
 * The dialect of a target id (`multiprocessing`, alias `stdlib`).
 *
 * @public
 */
export function dialectFor(target: string): Dialect {
  const library = libraryOf(target);
  const dialect = library === undefined ? registered.get(target) : libraryDialect(library.id);
  if (dialect === undefined) throw new UnknownTargetError(target);
  return dialect;
}
