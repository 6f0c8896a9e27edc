/**
 * Regressions between two runs: cases matched by scenario (a canonical hash of the program, not
 * the case id, which depends on sampling) on paired interpreters and the same target, classified
 * as newly failing, newly passing, changed outcome, appeared or vanished; and rules whose
 * conformance or applicability changed. Pure: two reports in, one diff out.
 */
import { join } from 'node:path';
import type { InterpreterFacts } from '../model/facts.js';
import type { CaseResult, RunReport } from '../model/report.js';
import type { VerdictKind } from '../model/verdict.js';
import { interpreterName, needsRepro, worstVerdict } from './describe.js';
import { caseRules, ruleInfo, type RuleInfo } from './rules.js';
import { ruleHolds } from '../oracle/holds.js';
import { rulesById } from '../oracle/rules/index.js';
import { scenarioHash } from './scenario-hash.js';

/** How two interpreters were paired. */
export type PairHow = 'mapped' | 'exact' | 'minor' | 'only';

/** One base interpreter compared with one new interpreter. */
export interface InterpreterPair {
  readonly base: string;
  readonly new: string;
  readonly baseName: string;
  readonly newName: string;
  readonly how: PairHow;
}

/** One case (or the cases of one scenario) on one side. */
export interface DiffSide {
  readonly id: string;
  readonly verdict: VerdictKind;
  readonly observed: string;
  readonly expected: string;
  readonly repro: string | null;
  readonly mismatches: readonly string[];
}

/** Change classes, worst first. */
export const CHANGE_KINDS = ['newly-failing', 'appeared-failing', 'newly-passing', 'changed', 'appeared', 'vanished'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One scenario on one interpreter pair and target whose result differs. */
export interface CaseChange {
  readonly kind: ChangeKind;
  readonly scenario: string;
  readonly target: string;
  readonly family: string;
  /** Pair index, or -1 for an interpreter present on one side only. */
  readonly pair: number;
  readonly base: DiffSide | null;
  readonly new: DiffSide | null;
  /** For `changed`: what changed (verdict, observed outcome, expectation). */
  readonly what: readonly string[];
}

/** Rule change classes. */
export type RuleChangeKind = 'newly-departing' | 'no-longer-departing' | 'only-in-base' | 'only-in-new' | 'sampled-only-in-base' | 'sampled-only-in-new';

/** Kinds that are a change of behaviour (conformance, or what the documented rules say), not of sampling. */
export const BEHAVIOUR_CHANGES: readonly RuleChangeKind[] = ['newly-departing', 'no-longer-departing', 'only-in-new', 'only-in-base'];

/** A rule whose behaviour changed on one interpreter pair and target, with an example case. */
export interface RuleChange {
  readonly kind: RuleChangeKind;
  readonly rule: RuleInfo;
  readonly pair: number;
  readonly target: string;
  readonly base: { readonly exercised: number; readonly depart: number };
  readonly new: { readonly exercised: number; readonly depart: number };
  /** A case that shows the change (on the new side unless the rule is only in base) and its repro. */
  readonly example: { readonly id: string; readonly side: 'base' | 'new'; readonly repro: string | null; readonly replay: string } | null;
}

/** The whole diff. */
export interface RunDiff {
  readonly base: { readonly runId: string; readonly seed: number; readonly cases: number };
  readonly new: { readonly runId: string; readonly seed: number; readonly cases: number };
  readonly pairs: readonly InterpreterPair[];
  readonly unpairedBase: readonly string[];
  readonly unpairedNew: readonly string[];
  readonly matched: number;
  readonly counts: Readonly<Record<ChangeKind, number>>;
  readonly cases: readonly CaseChange[];
  readonly rules: readonly RuleChange[];
  /** New failures: newly failing plus appeared failing cases (the only thing that fails `diff`). */
  readonly newFailures: number;
}

/** Options for {@link diffReports}. */
export interface DiffOptions {
  /** Explicit pairs, base → new, each side a path, a version (`3.12.1`) or `pypy3.9.18`-style label. */
  readonly map?: readonly (readonly [string, string])[];
  /** Directories of the two report.json files: repro paths in the diff are joined to them. */
  readonly baseDir?: string;
  readonly newDir?: string;
}

function minor(v: string): string {
  return v.split('.').slice(0, 2).join('.');
}

function label(f: InterpreterFacts): string {
  return `${f.implementation === 'pypy' ? 'pypy' : ''}${f.version}`;
}

function matches(f: InterpreterFacts, spec: string): boolean {
  return f.path === spec || f.version === spec || label(f) === spec || `${f.implementation}${f.version}` === spec;
}

/**
 * Pairs interpreters: explicit `map` first, then the same implementation and version, then the
 * same implementation and minor version (closest patch), then — when exactly one interpreter of
 * an implementation is left on each side — those two: diffing a run on CPython 3.12 against one on
 * 3.13 compares the two, which is what a user diffing two versions asks.
 */
export function pairInterpreters(base: readonly InterpreterFacts[], next: readonly InterpreterFacts[], map: DiffOptions['map'] = []): { pairs: InterpreterPair[]; unpairedBase: string[]; unpairedNew: string[] } {
  const leftB = [...base];
  const leftN = [...next];
  const pairs: InterpreterPair[] = [];
  const take = (b: InterpreterFacts, n: InterpreterFacts, how: PairHow) => {
    leftB.splice(leftB.indexOf(b), 1);
    leftN.splice(leftN.indexOf(n), 1);
    pairs.push({ base: b.path, new: n.path, baseName: `${b.implementation === 'pypy' ? 'PyPy' : 'CPython'} ${b.version}`, newName: `${n.implementation === 'pypy' ? 'PyPy' : 'CPython'} ${n.version}`, how });
  };
  for (const [bs, ns] of map) {
    const b = leftB.find((f) => matches(f, bs));
    const n = leftN.find((f) => matches(f, ns));
    if (b && n) take(b, n, 'mapped');
  }
  for (const b of [...leftB]) {
    const n = leftN.find((f) => f.implementation === b.implementation && f.version === b.version);
    if (n) take(b, n, 'exact');
  }
  for (const b of [...leftB]) {
    const patch = (f: InterpreterFacts) => f.versionInfo[2] ?? 0;
    const cands = leftN.filter((f) => f.implementation === b.implementation && minor(f.version) === minor(b.version))
      .sort((x, y) => Math.abs(patch(x) - patch(b)) - Math.abs(patch(y) - patch(b)));
    if (cands[0]) take(b, cands[0], 'minor');
  }
  for (const impl of new Set(leftB.map((f) => f.implementation))) {
    const b = leftB.filter((f) => f.implementation === impl);
    const n = leftN.filter((f) => f.implementation === impl);
    if (b.length === 1 && n.length === 1) take(b[0]!, n[0]!, 'only');
  }
  return { pairs, unpairedBase: leftB.map((f) => f.path), unpairedNew: leftN.map((f) => f.path) };
}

/** `main=ok w0=hang,signal:SIGTERM note s0.method=fork`: what the processes did, label by label. */
export function observedSignature(c: CaseResult): string {
  if (c.observation === null) return '(not run)';
  const by = new Map<string, Set<string>>();
  for (const p of c.observation.processes) {
    if (p.label === null) continue;
    const s = by.get(p.label) ?? new Set<string>();
    s.add(p.outcome);
    by.set(p.label, s);
  }
  const procs = [...by.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([l, s]) => `${l}=${[...s].sort().join(',')}`);
  const notes = Object.keys(c.expectation.notes).sort().map((k) => `${k}=${c.observation?.notes[k] ?? '∅'}`);
  return [...procs, ...notes].join(' ');
}

/** `main∈{ok} w0∈{hang}`: what the oracle accepted, label by label. */
export function expectedSignature(c: CaseResult): string {
  const procs = [...c.expectation.processes].sort((a, b) => (a.label < b.label ? -1 : 1))
    .map((p) => (p.kind === 'outcomes' ? `${p.label}∈{${[...p.accept].sort().join(',')}}` : `${p.label}:unspecified`));
  const notes = Object.entries(c.expectation.notes).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}∈{${[...v].sort().join(',')}}`);
  return [...procs, ...notes].join(' ');
}

function side(cases: readonly CaseResult[], dir: string | undefined): DiffSide {
  const kinds = cases.map((c) => c.verdict.kind);
  const w = worstVerdict(kinds) ?? 'pass';
  const c = cases.find((x) => x.verdict.kind === w) ?? cases[0]!;
  return {
    id: c.id, verdict: w, observed: observedSignature(c), expected: expectedSignature(c), repro: c.repro && dir !== undefined ? join(dir, c.repro) : c.repro,
    mismatches: c.verdict.mismatches.map((m) => `${m.label}: expected ${m.expected.join(' | ')}, observed ${m.observed}`),
  };
}

type Key = string;
function groupCases(report: RunReport, pairOf: (python: string) => number): Map<Key, CaseResult[]> {
  const out = new Map<Key, CaseResult[]>();
  for (const c of report.cases) {
    const p = pairOf(c.python);
    const k = `${p === -1 ? `unpaired:${c.python}` : p}\u0000${c.target}\u0000${scenarioHash(c.scenario)}`;
    out.set(k, [...(out.get(k) ?? []), c]);
  }
  return out;
}

/** Compares two reports (see the module comment). */
export function diffReports(base: RunReport, next: RunReport, opts: DiffOptions = {}): RunDiff {
  const { pairs, unpairedBase, unpairedNew } = pairInterpreters(base.interpreters, next.interpreters, opts.map);
  const bIdx = new Map(pairs.map((p, i) => [p.base, i]));
  const nIdx = new Map(pairs.map((p, i) => [p.new, i]));
  const B = groupCases(base, (py) => bIdx.get(py) ?? -1);
  const N = groupCases(next, (py) => nIdx.get(py) ?? -1);
  const changes: CaseChange[] = [];
  let matched = 0;
  const info = (k: Key, cs: readonly CaseResult[]) => {
    const [p = '', target = '', scenario = ''] = k.split('\u0000');
    return { pair: p.startsWith('unpaired:') ? -1 : Number(p), target, scenario, family: cs[0]?.family ?? '' };
  };
  for (const [k, ns] of N) {
    const bs = B.get(k);
    const n = side(ns, opts.newDir);
    if (!bs) {
      changes.push({ kind: needsRepro(n.verdict) ? 'appeared-failing' : 'appeared', ...info(k, ns), base: null, new: n, what: [] });
      continue;
    }
    matched++;
    const b = side(bs, opts.baseDir);
    const badB = needsRepro(b.verdict);
    const badN = needsRepro(n.verdict);
    if (!badB && badN) changes.push({ kind: 'newly-failing', ...info(k, ns), base: b, new: n, what: [`verdict ${b.verdict} → ${n.verdict}`] });
    else if (badB && !badN) changes.push({ kind: 'newly-passing', ...info(k, ns), base: b, new: n, what: [`verdict ${b.verdict} → ${n.verdict}`] });
    else {
      const what: string[] = [];
      if (b.verdict !== n.verdict) what.push(`verdict ${b.verdict} → ${n.verdict}`);
      if (b.observed !== n.observed) what.push(`observed ${b.observed} → ${n.observed}`);
      if (b.expected !== n.expected) what.push(`expected ${b.expected} → ${n.expected}`);
      if (what.length > 0) changes.push({ kind: 'changed', ...info(k, ns), base: b, new: n, what });
    }
  }
  for (const [k, bs] of B) if (!N.has(k)) changes.push({ kind: 'vanished', ...info(k, bs), base: side(bs, opts.baseDir), new: null, what: [] });
  const rank = (c: CaseChange) => CHANGE_KINDS.indexOf(c.kind);
  changes.sort((x, y) => rank(x) - rank(y) || x.pair - y.pair || (x.target < y.target ? -1 : x.target > y.target ? 1 : 0) || ((x.new ?? x.base)!.id < (y.new ?? y.base)!.id ? -1 : 1));
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, changes.filter((c) => c.kind === k).length])) as Record<ChangeKind, number>;
  return {
    base: { runId: base.runId, seed: base.seed, cases: base.cases.length },
    new: { runId: next.runId, seed: next.seed, cases: next.cases.length },
    pairs, unpairedBase, unpairedNew, matched, counts, cases: changes,
    rules: ruleChanges(base, next, pairs, opts),
    newFailures: counts['newly-failing'] + counts['appeared-failing'],
  };
}

interface RuleTally { exercised: number; depart: number; departing: CaseResult[]; any: CaseResult[] }

function tallyRules(report: RunReport, pyToPair: Map<string, number>): Map<string, RuleTally> {
  const out = new Map<string, RuleTally>();
  for (const c of report.cases) {
    const p = pyToPair.get(c.python);
    if (p === undefined) continue;
    for (const cr of caseRules(c)) {
      const k = `${p}\u0000${c.target}\u0000${cr.rule}`;
      const t = out.get(k) ?? { exercised: 0, depart: 0, departing: [], any: [] };
      t.exercised++;
      t.any.push(c);
      if (cr.departs) { t.depart++; t.departing.push(c); }
      out.set(k, t);
    }
  }
  return out;
}

function ruleChanges(base: RunReport, next: RunReport, pairs: readonly InterpreterPair[], opts: DiffOptions): RuleChange[] {
  const targets = new Set([...base.cases.map((c) => c.target)].filter((t) => next.cases.some((c) => c.target === t)));
  const B = tallyRules(base, new Map(pairs.map((p, i) => [p.base, i])));
  const N = tallyRules(next, new Map(pairs.map((p, i) => [p.new, i])));
  const out: RuleChange[] = [];
  const zero: RuleTally = { exercised: 0, depart: 0, departing: [], any: [] };
  for (const k of new Set([...B.keys(), ...N.keys()])) {
    const [p = '0', target = '', rule = ''] = k.split('\u0000');
    if (!targets.has(target)) continue;
    const b = B.get(k) ?? zero;
    const n = N.get(k) ?? zero;
    let kind: RuleChangeKind | null = null;
    let ex: CaseResult | undefined;
    let exSide: 'base' | 'new' = 'new';
    // exercised on one side only: a change of the documented behaviour when the rule holds on that
    // side's interpreter only; else the other run did not sample a scenario that reaches it
    const pair = pairs[Number(p)]!;
    const catalogued = rulesById.get(rule);
    const holdsOn = (r: RunReport, path: string) => {
      const f = r.interpreters.find((i) => i.path === path);
      return f === undefined || catalogued === undefined ? true : ruleHolds(catalogued, f);
    };
    if (b.exercised === 0) { kind = holdsOn(base, pair.base) ? 'sampled-only-in-new' : 'only-in-new'; ex = n.departing[0] ?? n.any[0]; }
    else if (n.exercised === 0) { kind = holdsOn(next, pair.new) ? 'sampled-only-in-base' : 'only-in-base'; ex = b.departing[0] ?? b.any[0]; exSide = 'base'; }
    else if (b.depart === 0 && n.depart > 0) { kind = 'newly-departing'; ex = n.departing[0]; }
    else if (b.depart > 0 && n.depart === 0) { kind = 'no-longer-departing'; ex = n.any.find((c) => b.departing.some((d) => scenarioHash(d.scenario) === scenarioHash(c.scenario))) ?? n.any[0]; }
    if (kind === null) continue;
    out.push({
      kind, rule: ruleInfo(rule), pair: Number(p), target,
      base: { exercised: b.exercised, depart: b.depart }, new: { exercised: n.exercised, depart: n.depart },
      example: ex ? { id: ex.id, side: exSide, repro: reproIn(ex.repro, exSide === 'base' ? opts.baseDir : opts.newDir), replay: replayCommand(ex.id, exSide === 'base' ? opts.baseDir : opts.newDir) } : null,
    });
  }
  const order: RuleChangeKind[] = ['newly-departing', 'no-longer-departing', 'only-in-new', 'only-in-base', 'sampled-only-in-new', 'sampled-only-in-base'];
  return out.sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind) || x.pair - y.pair || (x.rule.id < y.rule.id ? -1 : 1));
}

/** What each change kind means, for terminals and pages. */
export const CHANGE_TEXT: Readonly<Record<ChangeKind, string>> = {
  'newly-failing': 'passed (or was skipped, unspecified, an expected failure) in the base run, fails now',
  'appeared-failing': 'a scenario the base run did not have, failing',
  'newly-passing': 'failed in the base run, no longer fails',
  changed: 'same pass/fail standing, but the verdict, an observed outcome or the expectation changed',
  appeared: 'a scenario the base run did not have',
  vanished: 'a scenario of the base run that the new run did not have',
};

export const RULE_CHANGE_TEXT: Readonly<Record<RuleChangeKind, string>> = {
  'newly-departing': 'conformed in every base case, departs now',
  'no-longer-departing': 'departed in the base run, conforms now',
  'only-in-new': 'holds only on the new interpreter (its documented version range starts there): the expected behaviour changed',
  'only-in-base': 'holds only on the base interpreter (its documented version range ends before the new one): the expected behaviour changed',
  'sampled-only-in-new': 'holds on both, exercised only in the new run: the base run sampled no scenario that reaches it',
  'sampled-only-in-base': 'holds on both, exercised only in the base run: the new run sampled no scenario that reaches it',
};

/** The diff as terminal text: pairing, counts, then every change (at most `max` case lines per kind). */
export function diffText(d: RunDiff, max = 20): string {
  const pairName = (i: number) => (i < 0 ? 'unpaired interpreter' : `${d.pairs[i]!.baseName} → ${d.pairs[i]!.newName}`);
  const out = [
    `mpconform diff: base ${d.base.runId} (${d.base.cases} cases) → new ${d.new.runId} (${d.new.cases} cases)`,
    ...d.pairs.map((p) => `  interpreters: ${p.baseName} (${p.base}) → ${p.newName} (${p.new}) [${p.how === 'only' ? 'the only interpreter of each run' : p.how === 'minor' ? 'same minor version' : p.how === 'mapped' ? '--map' : 'same version'}]`),
    ...d.unpairedBase.map((p) => `  only in base: ${p} (no interpreter of the new run pairs with it; use --map BASE=NEW)`),
    ...d.unpairedNew.map((p) => `  only in new: ${p}`),
    `scenarios matched: ${d.matched} (of ${d.base.cases} base and ${d.new.cases} new cases); ${CHANGE_KINDS.map((k) => `${d.counts[k]} ${k}`).join(', ')}`,
  ];
  for (const kind of CHANGE_KINDS) {
    const cs = d.cases.filter((c) => c.kind === kind);
    if (cs.length === 0) continue;
    out.push('', `${kind} (${cs.length}): ${CHANGE_TEXT[kind]}`);
    for (const c of cs.slice(0, max)) {
      const s = c.new ?? c.base!;
      const was = c.base && c.new ? ` (base: ${c.base.verdict} as ${c.base.id})` : '';
      out.push(`  ${s.verdict.padEnd(15)} ${s.id} · ${pairName(c.pair)} · ${c.target}${was}${s.repro ? ` → ${s.repro}` : ''}`);
      for (const w of c.what.filter((x) => !x.startsWith('verdict'))) out.push(`      ${w}`);
      if (kind === 'newly-failing' || kind === 'appeared-failing') for (const m of s.mismatches) out.push(`      ${m}`);
    }
    if (cs.length > max) out.push(`  … and ${cs.length - max} more (--json or the HTML page list them all)`);
  }
  const behaviour = d.rules.filter((r) => BEHAVIOUR_CHANGES.includes(r.kind));
  const sampled = d.rules.filter((r) => !BEHAVIOUR_CHANGES.includes(r.kind));
  if (sampled.length > 0) {
    out.push('', `rules exercised in one run only because the runs sampled different scenarios (${sampled.length}): ${sampled.map((r) => `${r.rule.id} (${r.kind === 'sampled-only-in-new' ? 'new' : 'base'})`).join(', ')}`);
  }
  if (behaviour.length > 0) {
    out.push('', `rules whose behaviour changed (${behaviour.length}):`);
    for (const r of behaviour) {
      const ex = r.example ? ` — e.g. ${r.example.id}${r.example.side === 'base' ? ' (base run)' : ''}${r.example.repro ? ` → ${r.example.repro}` : ''}\n      ${r.example.replay}` : '';
      out.push(`  ${r.kind.padEnd(19)} ${r.rule.id} · ${pairName(r.pair)} · ${r.target}: base ${r.base.depart}/${r.base.exercised} depart, new ${r.new.depart}/${r.new.exercised}${ex}`);
    }
  } else out.push('', 'rules whose behaviour changed: none');
  out.push('', d.newFailures > 0 ? `NEW FAILURES: ${d.newFailures}` : 'no new failures');
  return out.join('\n');
}

/** The interpreter name of a path in either report (for pages). */
export function nameIn(reports: readonly RunReport[], path: string): string {
  for (const r of reports) if (r.interpreters.some((i) => i.path === path)) return interpreterName(r, path);
  return path;
}

function reproIn(repro: string | null, dir: string | undefined): string | null {
  return repro && dir !== undefined ? join(dir, repro) : repro;
}

/** The command that re-runs a case of a report (its program is rendered from the report). */
function replayCommand(id: string, dir: string | undefined): string {
  return `mpconform replay ${dir !== undefined ? join(dir, 'report.json') : 'report.json'} --case '${id.replace(/'/g, "'\\''")}'`;
}
