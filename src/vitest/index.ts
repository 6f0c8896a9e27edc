/**
 * `mpconform/vitest`: a `toConformTo` matcher and helpers that declare tests and fast-check
 * properties over real interpreters, skipping (with the reason) where an interpreter is missing.
 *
 * Importing this module inside a vitest run registers the matcher (`expect.extend`); outside
 * vitest it loads without vitest installed, so the pure pieces ({@link toConformTo},
 * {@link formatConformance}) are usable anywhere.
 *
 * @example
 * ```ts
 * import { expect, test } from 'vitest';
 * import { predict, runProgram, renderScenario, corpus, probeInterpreter } from 'mpconform';
 * import 'mpconform/vitest';
 *
 * test('corpus[0] conforms', async () => {
 *   const facts = await probeInterpreter('python3');
 *   const scenario = corpus[0].scenario;
 *   const observation = await runProgram({ python: facts, source: renderScenario(scenario), timeoutMs: 30_000 });
 *   expect(observation).toConformTo(predict(scenario, facts));
 * });
 * ```
 *
 * @packageDocumentation
 */
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import type { InterpreterFacts } from '../interpreters/facts.js';
import { which } from '../interpreters/which.js';
import type { Observation } from '../observe/types.js';
import type { Expectation } from '../oracle/types.js';
import { resolvePythons } from '../run/resolve.js';
import type { Scenario } from '../scenario/types.js';
import { judge } from '../verdict/judge.js';
import type { VerdictKind } from '../verdict/types.js';
import { runScenario, type RunScenarioOptions, type ScenarioResult } from '../index.js';

// ───────────────────────────── the matcher ─────────────────────────────

/** What a vitest/jest matcher returns. */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/** The part of vitest's matcher state the matcher reads (`isNot` for `.not`). */
export interface MatcherContext {
  readonly isNot?: boolean;
}

function counts(outcomes: readonly string[]): string {
  const n = new Map<string, number>();
  for (const o of outcomes) n.set(o, (n.get(o) ?? 0) + 1);
  return [...n].map(([o, c]) => (c > 1 ? `${o} ×${c}` : o)).join(', ');
}

function describeEnd(o: Observation): string {
  const e = o.end;
  const how = e.kind === 'exited' ? `exited with code ${e.code}` : e.kind === 'signaled' ? `killed by ${e.signal}` : `hang (${e.how}: ${e.reason}, after ${e.afterMs} ms)`;
  return `${how}, ${o.durationMs} ms`;
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

/** Every matcher this module provides, for `expect.extend(conformanceMatchers)`. */
export const conformanceMatchers = { toConformTo };

/** The matcher's signature as it appears on `expect(…)`. */
export interface ConformanceMatchers<R = unknown> {
  /** Passes when every process of the received Observation ends as the Expectation accepts; the failure lists expected vs observed per process with rule ids. */
  toConformTo(expectation: Expectation): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends ConformanceMatchers<void> {}
  interface AsymmetricMatchersContaining extends ConformanceMatchers<void> {}
}

// ───────────────────────── vitest, when present ─────────────────────────

type Vitest = typeof import('vitest');

/** vitest's module inside a vitest run (VITEST is set in its workers), else null: never a hard dependency. */
const vt: Vitest | null = process.env['VITEST'] ? await import('vitest').catch(() => null) : null;
vt?.expect.extend(conformanceMatchers);

function requireVitest(what: string): Vitest {
  if (vt === null) throw new Error(`mpconform/vitest: ${what} declares vitest tests; call it from a test file run by vitest`);
  return vt;
}

// ───────────────────────── tests over interpreters ─────────────────────────

/** Options of {@link testOnPythons}. */
export interface PythonsOptions {
  /**
   * `--python` values: PATH names, paths, versions (`3.12`, `pypy3.10`) or `all`. Default: the
   * comma-separated `MPCONFORM_PYTHONS` environment variable, else `['python3']`.
   */
  readonly pythons?: readonly string[];
  /** Per-test timeout in ms (default 300 000). */
  readonly timeout?: number;
}

/** The interpreters tests run on: {@link PythonsOptions.pythons}, `MPCONFORM_PYTHONS`, or `python3`. */
export function pythonsFromEnv(pythons?: readonly string[]): readonly string[] {
  if (pythons !== undefined) return pythons;
  const env = process.env['MPCONFORM_PYTHONS'];
  return env ? env.split(',').map((v) => v.trim()).filter(Boolean) : ['python3'];
}

/** Why a plain PATH name or path cannot be an interpreter, known without running it (null: maybe it can). */
export function missingReason(value: string): string | null {
  if (value === 'all' || /^(pypy)?\d+(\.\d+){0,2}$/.test(value)) return null; // resolved by discovery, in the test
  if (value.includes('/')) return existsSync(value) ? null : `${value} does not exist`;
  return which(value) === null ? `${value} is not on PATH` : null;
}

/**
 * Declares one vitest test per interpreter value. A value that is plainly missing (not on PATH,
 * no such file) becomes a skipped test whose title says why; one that fails to resolve or probe
 * (broken, Python 2, unmatched version) is skipped at run time with the reason as the skip note.
 * `fn` runs once per resolved interpreter (`all` or a version may resolve to several).
 */
export function testOnPythons(name: string, fn: (facts: InterpreterFacts) => Promise<void> | void, options: PythonsOptions = {}): void {
  const { test } = requireVitest('testOnPythons');
  for (const value of pythonsFromEnv(options.pythons)) {
    const missing = missingReason(value);
    const title = `${name} [${value}]`;
    if (missing !== null) {
      test.skip(`${title} — skipped: ${missing}`, () => {});
      continue;
    }
    test(title, { timeout: options.timeout ?? 300_000 }, async (ctx) => {
      let all: InterpreterFacts[];
      try {
        all = await resolvePythons([value]);
      } catch (e) {
        ctx.skip(`${value}: ${(e as Error).message}`);
        return;
      }
      if (all.length === 0) ctx.skip(`${value}: no usable interpreter`);
      for (const facts of all) await fn(facts);
    });
  }
}

/** Options of {@link conformanceProperty}. */
export interface ConformancePropertyOptions extends PythonsOptions, Omit<RunScenarioOptions, 'python'> {
  /** fast-check runs per interpreter (default 20). */
  readonly numRuns?: number;
  /** fast-check seed (default: `MPCONFORM_SEED`, else random — fast-check prints it on failure). */
  readonly seed?: number;
  /** Verdicts that count as success (default: pass, expected-fail, skipped, unspecified). */
  readonly accept?: readonly VerdictKind[];
}

const DEFAULT_ACCEPT: readonly VerdictKind[] = ['pass', 'expected-fail', 'skipped', 'unspecified'];

/** A failure text for a {@link ScenarioResult}: verdict, reason, the per-process table and the program. */
export function describeResult(r: ScenarioResult): string {
  const lines = [`verdict ${r.verdict.kind} on ${r.facts.implementation} ${r.facts.version} (${r.facts.path}), target ${r.target}`];
  if (r.verdict.reason !== null) lines.push(`reason: ${r.verdict.reason}`);
  if (r.observation !== null) lines.push(formatConformance(r.expectation, r.observation));
  if (r.program !== null) lines.push('program:', ...r.program.trimEnd().split('\n').map((l) => `  ${l}`));
  return lines.join('\n');
}

/**
 * Declares a fast-check property per interpreter: every scenario `arb` generates, run with
 * {@link runScenario} (target id or Dialect, declared deviations applied), must end in an accepted
 * verdict. fast-check shrinks a failure to the smallest disagreeing program and the error shows
 * its table and Python source.
 */
export function conformanceProperty(name: string, arb: fc.Arbitrary<Scenario>, options: ConformancePropertyOptions = {}): void {
  const accept = options.accept ?? DEFAULT_ACCEPT;
  const seedEnv = process.env['MPCONFORM_SEED'];
  const seed = options.seed ?? (seedEnv !== undefined ? Number(seedEnv) : undefined);
  testOnPythons(name, async (facts) => {
    await fc.assert(
      fc.asyncProperty(arb, async (scenario) => {
        const r = await runScenario(scenario, { ...options, python: facts });
        if (!accept.includes(r.verdict.kind)) throw new Error(describeResult(r));
      }),
      { numRuns: options.numRuns ?? 20, ...(seed !== undefined ? { seed } : {}) },
    );
  }, options);
}
