/**
 * Conformance by documented rule: which rules each case exercised, whether the case conformed to
 * them, and whether a rule was *decisive* there. Everything here is derived from a report's cases
 * (their expectations, observations and verdicts) and the oracle's rule catalogue; nothing is
 * re-run, so `report.json`, `summary.md`, `index.html` and `mpconform diff` agree by construction.
 *
 * Definitions (this comment is the reference; summary.md and index.html state them in short):
 *
 * - A case is **judged** when it has an observation and its verdict compared something: `pass`,
 *   `fail`, `flaky`, `expected-fail` or `unexpected-pass` (not `skipped`, not `unspecified`).
 * - A judged case **exercises** rule R when R is in its expectation's `rules` (the oracle consulted
 *   R to predict that program on that interpreter).
 * - A case **departs from** R when one of its verdict's mismatches names R. The judge names, for a
 *   process mismatch, the rules of that process's expectation; for a `@note` mismatch, the rules
 *   the oracle attributes to that note (`noteRules`), or every rule of the expectation for a note it
 *   does not attribute. Otherwise the case **conforms** to R.
 * - R is **decisive** in a judged case when a program that broke R would get a different verdict
 *   there. The oracle attaches a rule to a process label only when it decided how that process ends
 *   (its failure, its hang, or the `ok` of a server it models), and the judge compares every
 *   `outcomes` label; a program for which R does not hold does not end that process the way R says.
 *   So R is decisive when some process expectation of kind `outcomes` lists R and either
 *   (a) accepts exactly one outcome: that outcome is then not observed; or
 *   (b) does not accept `ok` and R is the only library rule it lists (besides `harness.*` rules,
 *   which describe what the harness does to a hung tree): every accepted ending other than the
 *   harness's hang is R's, and a process that escapes R's failure runs on to `ok`, which is refused.
 *   Otherwise (several library rules behind one label's accept set: a documented race; or `ok`
 *   accepted next to R's outcome, e.g. pool workers that may be terminated or exit first) breaking
 *   R can still land on an accepted outcome, and R is not counted there.
 *   The oracle attaches to a child's `ok` the rules that let it start (its pickling), and to a
 *   `context has already been set` failure the rules that fixed the context.
 * - The rules of a leak prediction are decisive wherever the observation recorded leaks (a program
 *   that leaked would fail there).
 * - R is also decisive when the expectation's `noteRules` (note key → rules that decided its values:
 *   a program breaking one prints another value) attribute to R a note whose acceptable values are
 *   exactly one string.
 */
import { ruleHolds } from '../oracle/holds.js';
import { rulesById } from '../oracle/rules/index.js';
import type { Rule } from '../oracle/types.js';
import type { InterpreterFacts } from '../model/facts.js';
import type { CaseResult, RunReport } from '../model/report.js';
import type { Expectation } from '../model/expectation.js';
import type { VerdictKind } from '../model/verdict.js';
import { worstVerdict } from './describe.js';

/** How one judged case relates to one rule it exercised. */
export interface CaseRule {
  readonly rule: string;
  readonly decisive: boolean;
  /** A mismatch of the case names the rule. */
  readonly departs: boolean;
}

/** True when the case compared something (see the module comment). */
export function isJudged(c: CaseResult): boolean {
  if (c.observation === null) return false;
  return c.verdict.kind !== 'skipped' && c.verdict.kind !== 'unspecified';
}


/** The rules a judged case exercised, each with decisive / departs; [] for a case that judged nothing. */
export function caseRules(c: CaseResult): CaseRule[] {
  if (!isJudged(c)) return [];
  const e = c.expectation;
  const decisive = new Set<string>();
  for (const p of e.processes) {
    if (p.kind !== 'outcomes') continue;
    if (p.accept.length === 1) for (const r of p.rules) decisive.add(r);
    const library = p.rules.filter((r) => !r.startsWith('harness.'));
    if (!p.accept.includes('ok') && library.length === 1) decisive.add(library[0]!);
  }
  // leaks are judged wherever predicted and recorded: a program that leaked would fail there
  if (e.leaks !== undefined && c.observation?.leaks !== undefined) for (const r of e.leaks.rules) decisive.add(r);
  const nr = e.noteRules;
  if (nr) for (const [key, rules] of Object.entries(nr)) if ((e.notes[key] ?? []).length === 1) for (const r of rules) decisive.add(r);
  const departing = new Set(c.verdict.mismatches.flatMap((m) => m.rules));
  const ids = [...new Set([...e.rules, ...decisive])];
  return ids.map((rule) => ({ rule, decisive: decisive.has(rule), departs: departing.has(rule) }));
}

/** The verdict a case has as far as one rule goes: its own verdict when it departs from the rule, else a pass. */
export function ruleVerdict(c: CaseResult, departs: boolean): VerdictKind {
  if (departs) return c.verdict.kind;
  return c.verdict.kind === 'unexpected-pass' ? 'unexpected-pass' : 'pass';
}

/** A rule as report.json, summary.md and index.html show it. */
export interface RuleInfo {
  readonly id: string;
  readonly statement: string;
  /** One line: half-open version ranges, plus platforms / implementations when not all. */
  readonly versions: string;
  readonly source: string;
}

/** `[3.7.0, 3.11.5) · linux`-style one-liner of where a rule holds. */
export function versionsLine(rule: Rule): string {
  const ranges = rule.versions.map((v) => (v.to === null ? `≥ ${v.from}` : `[${v.from}, ${v.to})`)).join(', ');
  const plat = rule.platforms.length === 3 ? '' : ` · ${rule.platforms.join(', ')}`;
  const impl = rule.implementations ? ` · ${rule.implementations.join(', ')} only` : '';
  return `${ranges}${plat}${impl}`;
}

/** Catalogue entry for `id`, or a placeholder for an id the catalogue lacks (a custom dialect's rule). */
export function ruleInfo(id: string): RuleInfo {
  const r = rulesById.get(id);
  if (!r) return { id, statement: '(not in the oracle rule catalogue)', versions: '', source: '' };
  return { id, statement: r.statement, versions: versionsLine(r), source: r.source };
}

/** A column of the rule matrix: one interpreter (path) and one target. */
export interface RuleColumn {
  readonly python: string;
  readonly target: string;
}

/** One cell: the judged cases on that interpreter and target that exercised the rule. */
export interface RuleCell {
  /** Case ids that exercised the rule. */
  readonly cases: readonly string[];
  readonly conform: number;
  readonly depart: number;
  /** Cases where the rule was decisive. */
  readonly decisive: number;
  /** Ids of the departing cases (a subset of `cases`). */
  readonly departing: readonly string[];
  /** Worst per-rule verdict (see {@link ruleVerdict}). */
  readonly worst: VerdictKind;
}

/** One row: a rule, its cells per column (null: not exercised there). */
export interface RuleRow {
  readonly rule: RuleInfo;
  readonly cells: readonly (RuleCell | null)[];
  /** Every exercised cell departs: the rule is broken everywhere it was tried. */
  readonly brokenEverywhere: boolean;
  /** Targets that depart from the rule on every interpreter where they exercised it (a library that breaks it everywhere). */
  readonly brokenBy: readonly string[];
  readonly departCells: number;
  readonly exercisedCells: number;
}

/** report.json's `byRule`: rules × (interpreter × target). */
export interface RuleMatrix {
  readonly columns: readonly RuleColumn[];
  readonly rows: readonly RuleRow[];
}

/** The rule matrix of a report: rows in catalogue order (unknown ids last), columns interpreter-major in report order. */
export function buildRuleMatrix(report: RunReport): RuleMatrix {
  const pythons = [...new Set([...report.interpreters.map((i) => i.path), ...report.cases.map((c) => c.python)])];
  const targets = [...new Set([...report.targets, ...report.cases.map((c) => c.target)])];
  const present = new Set(report.cases.map((c) => `${c.python}\u0000${c.target}`));
  const columns = pythons.flatMap((python) => targets.filter((target) => present.has(`${python}\u0000${target}`)).map((target) => ({ python, target })));
  const colIndex = new Map(columns.map((c, i) => [`${c.python}\u0000${c.target}`, i]));
  type Acc = { cases: string[]; departing: string[]; conform: number; depart: number; decisive: number; kinds: VerdictKind[] };
  const acc = new Map<string, (Acc | null)[]>();
  for (const c of report.cases) {
    const col = colIndex.get(`${c.python}\u0000${c.target}`);
    if (col === undefined) continue;
    for (const cr of caseRules(c)) {
      const row = acc.get(cr.rule) ?? columns.map(() => null);
      acc.set(cr.rule, row);
      const cell = row[col] ?? (row[col] = { cases: [], departing: [], conform: 0, depart: 0, decisive: 0, kinds: [] });
      cell.cases.push(c.id);
      if (cr.departs) { cell.depart++; cell.departing.push(c.id); } else cell.conform++;
      if (cr.decisive) cell.decisive++;
      cell.kinds.push(ruleVerdict(c, cr.departs));
    }
  }
  const order = [...rulesById.keys()];
  const rank = (id: string): number => { const i = order.indexOf(id); return i < 0 ? order.length : i; };
  const ids = [...acc.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const rows = ids.map((id): RuleRow => {
    const cells = (acc.get(id) ?? []).map((a): RuleCell | null => a === null ? null : {
      cases: a.cases, departing: a.departing, conform: a.conform, depart: a.depart, decisive: a.decisive, worst: worstVerdict(a.kinds) ?? 'pass',
    });
    const exercised = cells.filter((x): x is RuleCell => x !== null);
    const departCells = exercised.filter((x) => x.depart > 0).length;
    const brokenBy = [...new Set(columns.map((c) => c.target))].filter((t) => {
      const mine = cells.filter((x, i): x is RuleCell => x !== null && columns[i]!.target === t);
      return mine.length > 0 && mine.every((x) => x.depart > 0);
    });
    return { rule: ruleInfo(id), cells, departCells, exercisedCells: exercised.length, brokenEverywhere: exercised.length > 0 && departCells === exercised.length, brokenBy };
  });
  return { columns, rows };
}

/** Why a rule applicable to an interpreter was never decisive there. */
export type NeverReason = 'not-exercised' | 'no-attribution' | 'multi-outcome-only';

/** One applicable rule's coverage on one interpreter. */
export interface RuleUse {
  readonly id: string;
  /** Judged cases (all targets) that exercised it. */
  readonly exercised: number;
  /** Cases where it was decisive. */
  readonly decisive: number;
}

/** Rule coverage of one interpreter: applicable rules, how often each was decisive, and the never-decisive ones with why. */
export interface InterpreterRuleCoverage {
  readonly python: string;
  readonly version: string;
  readonly applicable: number;
  readonly decisive: number;
  /** decisive / applicable (1 when nothing applies). */
  readonly fraction: number;
  readonly rules: readonly RuleUse[];
  readonly never: readonly { readonly id: string; readonly why: NeverReason }[];
}

/** What {@link NeverReason} means, for terminals and pages. */
export const NEVER_TEXT: Readonly<Record<NeverReason, string>> = {
  'not-exercised': 'no judged case consulted it (the scenario space did not produce its situation)',
  'no-attribution': 'consulted, but it only shaped @note values or context state, which the oracle does not attribute to rules',
  'multi-outcome-only': 'attributed to a process only where another rule\'s outcome or ok was accepted too (a race, or instances that may exit first), so breaking it could still pass',
};

/**
 * Rule coverage per interpreter of the report. Applicable: every catalogue rule that holds for
 * the interpreter's implementation, version and platform; `target.held-to-stdlib` only when a
 * target other than the stdlib ran there.
 */
export function ruleCoverage(report: RunReport, catalogue: Iterable<Rule> = rulesById.values()): InterpreterRuleCoverage[] {
  const rules = [...catalogue];
  return report.interpreters.map((facts) => coverageOf(report, facts, rules));
}

function coverageOf(report: RunReport, facts: InterpreterFacts, rules: readonly Rule[]): InterpreterRuleCoverage {
  const cases = report.cases.filter((c) => c.python === facts.path);
  const nonStdlib = cases.some((c) => c.target !== 'multiprocessing' && c.target !== 'stdlib');
  const applicable = rules.filter((r) => ruleHolds(r, facts) && (r.id !== 'target.held-to-stdlib' || nonStdlib));
  const exercised = new Map<string, number>();
  const decisive = new Map<string, number>();
  const attributed = new Set<string>();
  for (const c of cases) {
    if (!isJudged(c)) continue;
    for (const p of c.expectation.processes) if (p.kind === 'outcomes') for (const r of p.rules) attributed.add(r);
    for (const cr of caseRules(c)) {
      exercised.set(cr.rule, (exercised.get(cr.rule) ?? 0) + 1);
      if (cr.decisive) decisive.set(cr.rule, (decisive.get(cr.rule) ?? 0) + 1);
    }
  }
  const uses = applicable.map((r) => ({ id: r.id, exercised: exercised.get(r.id) ?? 0, decisive: decisive.get(r.id) ?? 0 }));
  const never = uses.filter((u) => u.decisive === 0).map((u) => ({
    id: u.id,
    why: (u.exercised === 0 ? 'not-exercised' : attributed.has(u.id) ? 'multi-outcome-only' : 'no-attribution') as NeverReason,
  }));
  const n = uses.length - never.length;
  return { python: facts.path, version: facts.version, applicable: uses.length, decisive: n, fraction: uses.length === 0 ? 1 : n / uses.length, rules: uses, never };
}

/** The result of `--min-rule-coverage F`: every interpreter's fraction must reach F. */
export interface RuleCoverageGate {
  readonly passed: boolean;
  readonly min: number;
  readonly short: readonly InterpreterRuleCoverage[];
}

/** Gates rule coverage like the cell coverage gate: passes when every interpreter reaches `min`. */
export function checkRuleCoverage(coverage: readonly InterpreterRuleCoverage[], min: number): RuleCoverageGate {
  const short = coverage.filter((c) => c.fraction + 1e-12 < min);
  return { passed: short.length === 0, min, short };
}

/** Terminal lines for the end of a run: per interpreter, decisive / applicable, then the never-decisive rules with why. */
export function ruleCoverageLines(coverage: readonly InterpreterRuleCoverage[], label: (path: string) => string = (p) => p): string[] {
  const out: string[] = [];
  for (const c of coverage) {
    out.push(`rule coverage ${label(c.python)}: ${c.decisive}/${c.applicable} applicable rules decisive (${Math.round(c.fraction * 100)}%)`);
    const byWhy = new Map<NeverReason, string[]>();
    for (const n of c.never) byWhy.set(n.why, [...(byWhy.get(n.why) ?? []), n.id]);
    for (const [why, ids] of byWhy) out.push(`  never decisive (${why}): ${ids.join(', ')}`);
  }
  return out;
}

/**
 * The derived sections report.json carries (recomputed from the cases whenever a report is written).
 *
 * @public
 */
export interface RuleSections {
  readonly byRule: RuleMatrix;
  readonly ruleCoverage: readonly InterpreterRuleCoverage[];
}

/** Computes the rule sections of a report. */
export function ruleSections(report: RunReport): RuleSections {
  return { byRule: buildRuleMatrix(report), ruleCoverage: ruleCoverage(report) };
}
