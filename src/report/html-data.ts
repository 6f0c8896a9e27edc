import type { CaseResult, RunReport } from '../model/report.js';
import { VERDICTS } from '../model/verdict.js';
import { interpreterName, needsRepro, SEVERITY, startMethodOf } from './describe.js';
import type { Matrix } from './html-matrix.js';
import { processRows, stderrTail } from './process-rows.js';
import { formatRate, stackLines } from './repro.js';
import { caseRules, type RuleMatrix } from './rules.js';
import { scenarioHash } from './scenario-hash.js';
import type { ScenarioView } from './html-scenarios.js';

/**
 * Renders a case's program (src/render/ through write.ts); the page shows it in the case view.
 *
 * @public
 */
export type RenderProgram = (c: CaseResult) => string;

/**
 * One case as the page's script reads it (short keys: a 10,000-case page carries 10,000 of these).
 * Every string is shown with textContent, never parsed as HTML.
 */
export interface PageCase {
  readonly id: string;
  /** Indexes into the page's interpreters, targets and families; `c`: family-matrix cell key. */
  readonly p: number;
  readonly t: number;
  readonly f: number;
  readonly c: string;
  readonly v: string;
  readonly m: string;
  readonly ms: number;
  /** Rule-matrix row indexes: exercised, departing, decisive. */
  readonly r: readonly number[];
  readonly rd: readonly number[];
  readonly rk: readonly number[];
  readonly reason: string | null;
  readonly rate: string | null;
  readonly end: string;
  /** Per process: label, expected, rules, observed, exception. */
  readonly procs: readonly (readonly [string, string, string, string, string])[];
  /** Per expected note: key, acceptable values, observed. */
  readonly notes: readonly (readonly [string, string, string])[];
  readonly err: string;
  /** For a hang: where each Python process waited (stackLines). */
  readonly stk: readonly string[];
  readonly warn: readonly string[];
  readonly leaks: readonly string[];
  /** Index into the page's programs. */
  readonly prog: number;
  readonly repro: string | null;
  readonly shrunk: string | null;
}

/**
 * One row of the "By scenario" view: a scenario on one interpreter, with its cases per target.
 * `x` is aligned with {@link PageData.scenTargets}: per column, indexes into the page's cases
 * (empty: the scenario did not run on that target). `d`: what differs (empty: the targets agree).
 */
export interface PageScenario {
  readonly p: number;
  readonly f: number;
  readonly m: string;
  readonly h: string;
  readonly x: readonly (readonly number[])[];
  readonly d: readonly string[];
}

/** Everything the page's script needs, embedded as JSON. */
export interface PageData {
  readonly reportFile: string;
  readonly interpreters: readonly { readonly path: string; readonly name: string }[];
  readonly targets: readonly string[];
  readonly families: readonly string[];
  readonly verdicts: readonly string[];
  readonly severity: readonly string[];
  readonly rules: readonly string[];
  /** Rule-matrix columns as [interpreter index, target index]. */
  readonly ruleCols: readonly (readonly [number, number])[];
  readonly programs: readonly { readonly text: string; readonly scenario: string }[];
  /** Family-matrix cell key → `family · start method · interpreter`. */
  readonly cellTitles: Readonly<Record<string, string>>;
  readonly cases: readonly PageCase[];
  /** Columns of the "By scenario" view, as indexes into `targets`. */
  readonly scenTargets: readonly number[];
  readonly scens: readonly PageScenario[];
}

const WARNING = /\b[A-Z][A-Za-z]*Warning\b/;
const LEAK = /leaked|resource_tracker/;

/** stderr lines that are Python warnings, and resource-tracker leak reports. */
export function warningsAndLeaks(c: CaseResult): { warn: string[]; leaks: string[] } {
  const err = c.observation?.stderr;
  if (!err) return { warn: [], leaks: [] };
  const lines = `${err.head}\n${err.tail}`.split('\n');
  const uniq = (xs: string[]) => [...new Set(xs)].slice(0, 20);
  return { warn: uniq(lines.filter((l) => WARNING.test(l) && !LEAK.test(l))), leaks: uniq(lines.filter((l) => LEAK.test(l))) };
}

function endText(c: CaseResult): string {
  const end = c.observation?.end;
  if (!end) return 'not run';
  if (end.kind === 'exited') return `exited ${end.code}`;
  if (end.kind === 'signaled') return `killed by ${end.signal}`;
  return `hang (${end.how} after ${end.afterMs} ms: ${end.reason})`;
}

/** The page data of a report; programs are rendered once per distinct (scenario, target). */
export function pageData(report: RunReport, m: Matrix, rules: RuleMatrix, program: RenderProgram, view: ScenarioView = { targets: [], rows: [] }): PageData {
  const pythons = m.cols;
  const targets = [...new Set([...report.targets, ...report.cases.map((c) => c.target)])];
  const families = [...new Set(report.cases.map((c) => c.family))].sort();
  const ruleIds = rules.rows.map((r) => r.rule.id);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const cellOf = new Map<string, string>();
  for (const [key, cases] of m.cells) for (const c of cases) cellOf.set(c.id, key);
  const programs: { text: string; scenario: string }[] = [];
  const programIndex = new Map<string, number>();
  const cases = report.cases.map((c): PageCase => {
    const shown = c.minimal?.scenario ?? c.scenario;
    const key = `${scenarioHash(shown)}\u0000${c.target}`;
    let prog = programIndex.get(key);
    if (prog === undefined) {
      prog = programs.length;
      programs.push({ text: safeProgram(program, c), scenario: JSON.stringify(shown, null, 1) });
      programIndex.set(key, prog);
    }
    const cr = caseRules(c);
    const idx = (pred: (x: (typeof cr)[number]) => boolean) => cr.filter(pred).map((x) => ruleIndex.get(x.rule) ?? -1).filter((i) => i >= 0);
    const { warn, leaks } = warningsAndLeaks(c);
    const observedNotes = c.observation?.notes ?? {};
    return {
      id: c.id,
      p: pythons.indexOf(c.python),
      t: targets.indexOf(c.target),
      f: families.indexOf(c.family),
      c: cellOf.get(c.id) ?? '',
      v: c.verdict.kind,
      m: startMethodOf(c.scenario),
      ms: Math.round(c.durationMs),
      r: idx(() => true),
      rd: idx((x) => x.departs),
      rk: idx((x) => x.decisive),
      reason: c.verdict.reason,
      rate: c.failureRate !== null ? formatRate(c.failureRate) : null,
      end: endText(c),
      procs: processRows(c).map((r) => [r.label, r.expected, r.rules.join(', '), r.observed, r.detail ?? ''] as const),
      notes: Object.entries(c.expectation.notes).map(([k, accept]) => [k, accept.join(' | '), observedNotes[k] ?? '(not printed)'] as const),
      err: stderrTail(c, needsRepro(c.verdict.kind) ? 40 : 12),
      stk: stackLines(c.observation),
      warn,
      leaks,
      prog,
      repro: c.repro,
      shrunk: c.minimal ? `minimal counterexample after ${c.minimal.shrinks} shrink steps (${c.minimal.runs} runs); observed there: ${c.minimal.verdict.kind}` : null,
    };
  });
  const cellTitles: Record<string, string> = {};
  for (const key of m.cells.keys()) {
    const [ri = 0, ci = 0] = key.split('-').map(Number);
    const r = m.rows[ri];
    cellTitles[key] = `${r?.family ?? ''} · ${r?.method ?? ''} · ${interpreterName(report, m.cols[ci] ?? '')}`;
  }
  const caseIndex = new Map(report.cases.map((c, i) => [c, i]));
  const scenTargets = view.targets.map((t) => targets.indexOf(t));
  const scens = view.rows.map((r): PageScenario => ({
    p: pythons.indexOf(r.python),
    f: families.indexOf(r.family),
    m: r.method,
    h: r.hash,
    x: view.targets.map((t) => (r.cells.get(t) ?? []).map((c) => caseIndex.get(c) ?? -1).filter((i) => i >= 0)),
    d: r.differs,
  }));
  return {
    reportFile: 'report.json',
    cellTitles,
    interpreters: pythons.map((path) => ({ path, name: interpreterName(report, path) })),
    targets,
    families,
    verdicts: [...VERDICTS],
    severity: [...SEVERITY],
    rules: ruleIds,
    ruleCols: rules.columns.map((col) => [pythons.indexOf(col.python), targets.indexOf(col.target)] as const),
    programs,
    cases,
    scenTargets,
    scens,
  };
}

/** The program text, or why there is none (a target that cannot express the scenario was skipped, not run). */
function safeProgram(program: RenderProgram, c: CaseResult): string {
  try {
    return program(c);
  } catch (e) {
    return `# no program: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`;
  }
}

/** JSON safe inside `<script type="application/json">`: no `<`, `>`, `&` or line separators survive literally. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
