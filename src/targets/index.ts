/**
 * Targets: the libraries under test, each described by a {@link Dialect}.
 */
import type { Dialect } from './dialect.js';
import { stdlibDialect } from './multiprocessing.js';
import { EXTRA_DIALECTS, extraDialect } from './extra.js';

export type { ContextObjectKind, Dialect, ProgramFeatures } from './dialect.js';
export { moduleDialect, stdlibDialect } from './multiprocessing.js';
export { EXTRA_DIALECTS, extraDialect, billiardDialect, concurrentFuturesDialect, lokyDialect, multiprocessDialect, pebbleDialect } from './extra.js';
export { differential, describeDivergences } from './differential.js';
export type { ModuleDialectOptions } from './multiprocessing.js';

/** Target ids with a dialect. */
export const TARGET_IDS: readonly string[] = ['multiprocessing', ...EXTRA_DIALECTS.map((d) => d.id)];

/** Thrown for a target id without a dialect (code `E_UNKNOWN_TARGET`). */
export class UnknownTargetError extends Error {
  readonly code = 'E_UNKNOWN_TARGET';
  constructor(target: string) {
    super(`unknown target ${JSON.stringify(target).slice(0, 60)} (expected one of ${TARGET_IDS.join(', ')})`);
    this.name = 'UnknownTargetError';
  }
}

/** The dialect of a target id (`multiprocessing`, alias `stdlib`). */
export function dialectFor(target: string): Dialect {
  switch (target) {
    case 'multiprocessing':
    case 'stdlib':
      return stdlibDialect;
    default: {
      const extra = extraDialect(target);
      if (extra === undefined) throw new UnknownTargetError(target);
      return extra;
    }
  }
}
