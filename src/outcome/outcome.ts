/**
 * The outcome vocabulary: stable ids shared by the oracle, the observer, reports and tests.
 * See docs/design.md, "Outcome vocabulary".
 */

/**
 * Outcomes with a fixed id.
 *
 * @public
 */
export const FIXED_OUTCOMES = [
  'ok',
  'context-already-set',
  'bootstrapping-error',
  'semlock-fork-context',
  'bad-file-descriptor',
  'inheritance-only',
  'unknown-context',
  'concrete-context',
  'pickling-error',
  'main-attribute-missing',
  'broken-process-pool',
  'hang',
] as const;

/**
 * An outcome with a fixed id.
 *
 * @public
 */
export type FixedOutcome = (typeof FIXED_OUTCOMES)[number];

/**
 * One process's outcome. `signal:NAME` for death by signal (e.g. `signal:SIGSEGV`),
 * `exception:TYPE` for any exception not named above (type kept; message travels beside it).
 *
 * @public
 */
export type Outcome = FixedOutcome | `signal:${string}` | `exception:${string}`;

const SIGNAL = /^signal:SIG[A-Z0-9]+$/;
const EXCEPTION = /^exception:[A-Za-z_][A-Za-z0-9_.]*$/;

/**
 * True when `value` is a well-formed outcome id.
 *
 * @public
 */
export function isOutcome(value: unknown): value is Outcome {
  if (typeof value !== 'string') return false;
  return (FIXED_OUTCOMES as readonly string[]).includes(value) || SIGNAL.test(value) || EXCEPTION.test(value);
}

/** Parses an outcome id, throwing a one-line error naming the bad value. */
export function parseOutcome(value: unknown): Outcome {
  if (!isOutcome(value)) {
    throw new TypeError(`not an outcome id: ${JSON.stringify(value)} (expected one of ${FIXED_OUTCOMES.join(', ')}, signal:SIGNAME or exception:TYPE)`);
  }
  return value;
}
