import type { OracleFacts } from '../model/facts.js';
import type { Step } from '../scenario/types.js';
import type { Dialect } from './dialect.js';
import { withChecks } from './support.js';

/**
 * What {@link extendDialect} may change: any spelling, plus an extra support check.
 *
 * @public
 */
export type DialectExtension = Partial<Omit<Dialect, 'id' | 'unsupported' | 'unsupportedStep'>> & {
  /** The new target id (used in reports and matched by deviations' `target`). */
  readonly id: string;
  /** Why the library cannot run this step (null: it can); checked before the base dialect's own checks. */
  readonly unsupportedStep?: (step: Step, facts?: OracleFacts) => string | null;
};

/**
 * A new {@link Dialect} built from `base` (usually {@link stdlibDialect}) with some spellings
 * replaced — the usual way for a pool library to describe its own API without forking mpconform.
 *
 * @example
 * ```ts
 * const ourpool = extendDialect(stdlibDialect, {
 *   id: 'ourpool',
 *   imports: (f) => [...stdlibDialect.imports(f), 'import ourpool'],
 *   poolClass: (ctx) => `ourpool.compat_pool(${ctx})`,
 *   unsupportedStep: (step) => step.op === 'start' && step.worker.startsWith('executor-') ? 'ourpool: no executor' : null,
 * });
 * ```
 * @public
 */
export function extendDialect(base: Dialect, extension: DialectExtension): Dialect {
  const { id, unsupportedStep, ...spellings } = extension;
  return withChecks(base, id, unsupportedStep ?? (() => null), spellings);
}
