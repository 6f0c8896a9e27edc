/**
 * Python version conditions: comma-separated comparators, e.g. `>=3.11`, `>=3.8,<3.11.5`, `==3.12`.
 * `==X.Y` matches every X.Y.* release; a bare version means `==`.
 */
import { compareVersions } from '../model/facts.js';

const COMPARATOR = /^(>=|<=|==|!=|>|<)?\s*(\d+(?:\.\d+){0,2})$/;

/**
 * One parsed comparator.
 *
 * @public
 */
export interface Comparator {
  readonly op: '>=' | '<=' | '==' | '!=' | '>' | '<';
  readonly version: string;
}

/** Parses a version condition; null when malformed. */
export function parseVersionRange(text: string): readonly Comparator[] | null {
  const parts = text.split(',').map((p) => p.trim());
  const out: Comparator[] = [];
  for (const part of parts) {
    const m = COMPARATOR.exec(part);
    if (m === null || m[2] === undefined) return null;
    out.push({ op: (m[1] ?? '==') as Comparator['op'], version: m[2] });
  }
  return out.length > 0 ? out : null;
}

function prefixEqual(version: string, wanted: string): boolean {
  const v = version.split('.');
  return wanted.split('.').every((part, i) => Number(v[i] ?? 0) === Number(part));
}

/** True when `version` (e.g. `3.11.4`) satisfies every comparator. */
export function versionMatches(version: string, range: readonly Comparator[]): boolean {
  return range.every(({ op, version: want }) => {
    const c = compareVersions(version, want);
    switch (op) {
      case '>=': return c >= 0;
      case '>': return c > 0;
      case '<=': return c <= 0 || prefixEqual(version, want);
      case '<': return c < 0;
      case '==': return prefixEqual(version, want);
      case '!=': return !prefixEqual(version, want);
    }
  });
}
