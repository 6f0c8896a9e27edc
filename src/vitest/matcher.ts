/**
 * The `toConformTo` matcher (pure: usable without vitest) and its `declare module 'vitest'`
 * augmentation, so `expect(observation).toConformTo(expectation)` type-checks.
 */
import type { Expectation } from '../model/expectation.js';
import type { Observation } from '../model/observation.js';
import { describeRunEnd } from '../observe/describe-end.js';
import { judge } from '../verdict/judge.js';

/**
 * What a vitest/jest matcher returns.
 *
 * @public
 */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/**
 * The part of vitest's matcher state the matcher reads (`isNot` for `.not`).
 *
 * @public
 */
export interface MatcherContext {
  readonly isNot?: boolean;
}

function counts(outcomes: readonly string[]): string {
  const n = new Map<string, number>();
  for (const o of outcomes) n.set(o, (n.get(o) ?? 0) + 1);
  return [...n].map(([o, c]) => (c > 1 ? `${o} ×${c}` : o)).join(', ');
}

function describeEnd(o: Observation): string {
  return `${describeRunEnd(o.end)}, ${o.durationMs} ms`;
}

function pad(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

/**
 * A table of every process: its label, what the oracle accepts, what was observed and the rule
 * ids behind the expectation — `✗` marks a disagreement, `~` a process the oracle leaves
 * unspecified, `?` an observed process the oracle says nothing about. Notes follow, then how the
 * run ended and the tail of stderr when something disagreed.
 *
 * @public
 */
export function formatConformance(expectation: Expectation, observation: Observation): string {
  const verdict = judge(expectation, observation);
  const bad = new Set(verdict.mismatches.map((m) => m.label));
  const rows: string[][] = [['', 'process', 'expected', 'observed', 'rules']];
  const known = new Set<string>();
  for (const pe of expectation.processes) {
    known.add(pe.label);
    const seen = observation.processes.filter((p) => p.label === pe.label).map((p) => p.outcome);
    const observed = seen.length === 0 ? 'absent' : counts(seen);
    const expected = pe.kind === 'outcomes' ? pe.accept.join(' | ') : `unspecified (${pe.reason})`;
    const mark = bad.has(pe.label) ? '✗' : pe.kind === 'unspecified' ? '~' : '✓';
    rows.push([mark, pe.label, expected, observed, pe.rules.join(', ')]);
  }
  const extra = new Map<string, string[]>();
  for (const p of observation.processes) {
    if (p.label === null || known.has(p.label)) continue;
    extra.set(p.label, [...(extra.get(p.label) ?? []), p.outcome]);
  }
  for (const [label, outs] of extra) rows.push(['?', label, '(not predicted)', counts(outs), '']);
  const lines = pad(rows);
  const notes = Object.entries(expectation.notes);
  if (notes.length > 0) {
    const noteRows: string[][] = [['', 'note', 'expected', 'observed', 'rules']];
    for (const [key, accept] of notes) {
      const seen = observation.notes[key];
      noteRows.push([bad.has(`note ${key}`) ? '✗' : '✓', key, accept.join(' | '), seen ?? '(not printed)', expectation.rules.join(', ')]);
    }
    lines.push(...pad(noteRows));
  }
  const unlabelled = observation.processes.filter((p) => p.label === null).length;
  if (unlabelled > 0) lines.push(`(${unlabelled} other process${unlabelled === 1 ? '' : 'es'} without a scenario label, not judged)`);
  lines.push(`run: ${describeEnd(observation)}`);
  if (verdict.mismatches.length > 0) {
    const err = observation.stderr;
    const tail = `${err.head}${err.omittedBytes > 0 ? '\n…\n' : ''}${err.tail}`
      .trimEnd().split('\n').slice(-8);
    if (tail.length > 0 && tail.some((l) => l.trim() !== '')) lines.push('stderr (last lines):', ...tail.map((l) => `  | ${l}`));
  }
  return lines.join('\n');
}

/**
 * The matcher: passes when every judged process (and note) of `observation` is one the
 * `expectation` accepts — i.e. `judge()` finds no mismatch (`pass`, or `unspecified` when the
 * oracle judges nothing). The failure message is {@link formatConformance}'s table.
 * Register with `expect.extend({ toConformTo })`; importing `mpconform/vitest` under vitest does it for you.
 *
 * @public
 */
export function toConformTo(this: MatcherContext | void, received: unknown, expectation: Expectation): MatcherResult {
  const isNot = (this as MatcherContext | undefined)?.isNot === true;
  if (!isObservation(received)) {
    const what = received === null ? 'null (nothing ran: was the case skipped?)' : typeof received;
    return { pass: false, message: () => `expected an mpconform Observation, got ${what}` };
  }
  if (!isExpectation(expectation)) {
    return { pass: isNot, message: () => 'toConformTo(expectation): the argument is not an mpconform Expectation (use predict())' };
  }
  const verdict = judge(expectation, received);
  const pass = verdict.kind === 'pass' || verdict.kind === 'unspecified';
  const table = formatConformance(expectation, received);
  return {
    pass,
    message: () => pass
      ? `expected the observation not to conform to the expectation, but it does (${verdict.kind}):\n${table}`
      : `expected the observation to conform to the expectation: ${verdict.mismatches.length} mismatch${verdict.mismatches.length === 1 ? '' : 'es'}\n${table}`,
  };
}

function isObservation(v: unknown): v is Observation {
  return typeof v === 'object' && v !== null && Array.isArray((v as Observation).processes) && typeof (v as Observation).end === 'object';
}

function isExpectation(v: unknown): v is Expectation {
  return typeof v === 'object' && v !== null && Array.isArray((v as Expectation).processes) && Array.isArray((v as Expectation).rules);
}

/**
 * Every matcher this module provides, for `expect.extend(conformanceMatchers)`.
 *
 * @public
 */
export const conformanceMatchers = { toConformTo };

/**
 * The matcher's signature as it appears on `expect(…)`.
 *
 * @public
 */
export interface ConformanceMatchers<R = unknown> {
  /** Passes when every process of the received Observation ends as the Expectation accepts; the failure lists expected vs observed per process with rule ids. */
  toConformTo(expectation: Expectation): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends ConformanceMatchers<void> {}
  interface AsymmetricMatchersContaining extends ConformanceMatchers<void> {}
}

