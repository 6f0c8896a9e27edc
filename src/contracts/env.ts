/**
 * Environment variable names: the probe's (set by execute for every process of a tree, read by
 * src/probe/python/site/sitecustomize.py, whose copy of them is generated from this file) and the
 * settings mpconform reads from its own environment.
 */

/** The events file the probe appends to. */
export const EVENTS_ENV = 'MPCONFORM_EVENTS';
/** The per-run token every process of a tree carries (found again in /proc/<pid>/environ). */
export const TOKEN_ENV = 'MPCONFORM_RUN_TOKEN';

/** Settings read from mpconform's own environment (never passed to a child). */
export const SETTINGS_ENV = {
  /** Comma-separated interpreters for tests and properties. */
  pythons: 'MPCONFORM_PYTHONS',
  /** fast-check seed (a number, or `random`). */
  seed: 'MPCONFORM_SEED',
  /** Scales the properties' run counts. */
  runsScale: 'MPCONFORM_RUNS_SCALE',
  /** `1`: the CLI appends the stable error code to its one-line error. */
  errorCodes: 'MPCONFORM_ERROR_CODES',
  /** Set: the CLI prints the stack of an internal error. */
  debug: 'MPCONFORM_DEBUG',
  /** `off`: run trees without the pid + mount namespace sandbox (src/execute/sandbox/). */
  sandbox: 'MPCONFORM_SANDBOX',
} as const;
