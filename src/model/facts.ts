import type { Method } from '../scenario/types.js';

/**
 * Operating systems the oracle models (only linux runs here; darwin and win32 are predicted).
 *
 * @public
 */
export const PLATFORMS = ['linux', 'darwin', 'win32'] as const;
/**
 * An operating system the oracle models: `linux`, `darwin`, `win32`.
 *
 * @public
 */
export type Platform = (typeof PLATFORMS)[number];

/**
 * The Python implementations the oracle models.
 *
 * @public
 */
export const IMPLEMENTATIONS = ['cpython', 'pypy'] as const;
/**
 * A Python implementation: `cpython` or `pypy`.
 *
 * @public
 */
export type Implementation = (typeof IMPLEMENTATIONS)[number];

/**
 * What the oracle needs to know about an interpreter: nothing that depends on running a scenario.
 *
 * @public
 */
export interface OracleFacts {
  readonly implementation: Implementation;
  /** Full version to the patch level, e.g. `3.11.4`. */
  readonly version: string;
  readonly platform: Platform;
}

/**
 * Everything probed from one interpreter (one short Python run, cached per path + mtime).
 *
 * @public
 */
export interface InterpreterFacts extends OracleFacts {
  /** The path as given (or discovered). */
  readonly path: string;
  /** `sys.executable` as the interpreter reports it. */
  readonly executable: string;
  /** `[major, minor, micro]`. */
  readonly versionInfo: readonly [number, number, number];
  /** `multiprocessing.get_all_start_methods()`. */
  readonly startMethods: readonly Method[];
  /** The start method a fresh interpreter would use (`get_start_method()` in a fresh process). */
  readonly defaultMethod: Method;
  /** Importable target modules and their versions (`null`: not importable). */
  readonly targets: Readonly<Record<string, string | null>>;
  /** Where it was found: `pyenv`, `build` (the CPython build cache), `path`, `uv`, `env` (a per-interpreter environment, src/interpreters/environments.ts), `explicit`. */
  readonly source: 'pyenv' | 'build' | 'path' | 'uv' | 'env' | 'explicit';
}

/**
 * Compares dotted versions numerically: negative, zero or positive.
 *
 * @public
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10));
  const pb = b.split('.').map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
