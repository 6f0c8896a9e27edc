/**
 * vitest, when present: inside a vitest run (VITEST is set in its workers) the matcher is
 * registered on `expect` as this module loads; outside one, vitest is never imported.
 */
import { conformanceMatchers } from './matcher.js';

export type Vitest = typeof import('vitest');

/** vitest's module inside a vitest run (VITEST is set in its workers), else null: never a hard dependency. */
export const vt: Vitest | null = process.env['VITEST'] ? await import('vitest').catch(() => null) : null;
vt?.expect.extend(conformanceMatchers);

export function requireVitest(what: string): Vitest {
  if (vt === null) throw new Error(`mpconform/vitest: ${what} declares vitest tests; call it from a test file run by vitest`);
  return vt;
}

