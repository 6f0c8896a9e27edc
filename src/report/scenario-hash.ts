import { createHash } from 'node:crypto';
import type { Scenario } from '../scenario/types.js';

/** JSON with object keys sorted at every level: equal values give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A scenario's identity across runs: the SHA-256 (16 hex digits) of its canonical JSON, without
 * the corpus `name` (a label, not part of the program). Case ids depend on sampling order; this
 * depends only on the program's steps.
 */
export function scenarioHash(s: Scenario): string {
  const { name: _name, ...rest } = s as Scenario & { name?: string };
  return createHash('sha256').update(canonicalJson(rest)).digest('hex').slice(0, 16);
}
