import type { CaseResult, RunReport } from '../model/report.js';
import { VERDICTS } from '../model/verdict.js';
import { escapeMd as md, mdFence } from './escape.js';
import { interpreterName, libraryReleases, needsRepro } from './describe.js';
import { processRows, stderrTail } from './process-rows.js';
import { formatRate } from './repro.js';
import { buildRuleMatrix, ruleCoverage, NEVER_TEXT, type RuleMatrix, type InterpreterRuleCoverage } from './rules.js';

/**
 * Options for {@link summaryMarkdown}.
 *
 * @public
 */
export interface SummaryOptions {
  /** Repro program text per case id (inlined under each failure). */
  readonly repros: ReadonlyMap<string, string>;
  /** At most this many failures are detailed (a GitHub step summary is capped at 1 MiB). */
  readonly maxFailures: number;
  /** The rule sections, when already computed (else computed here). */
  readonly rules?: { readonly byRule: RuleMatrix; readonly ruleCoverage: readonly InterpreterRuleCoverage[] };
}

/**
 * A Markdown summary fit for `$GITHUB_STEP_SUMMARY`: totals, interpreter × family table, failures, coverage.
 *
 * @public
 */
export function summaryMarkdown(report: RunReport, opts: SummaryOptions): string {
  const t = report.totals;
  const out: string[] = [
    `## mpconform run ${md(report.runId)}${report.complete ? '' : ' (interrupted: partial results)'}`,
    '',
    `**${t.cases} cases** — ${VERDICTS.map((k) => `${k}: ${t[k]}`).join(' · ')} — seed \`${report.seed}\`${report.shard ? ` — shard ${report.shard.index}/${report.shard.count}` : ''}`,
    '',
    ...matrix(report),
    '',
    ...releases(report),
    ...byRule(report, opts.rules?.byRule ?? buildRuleMatrix(report)),
    ...coverageByRule(opts.rules?.ruleCoverage ?? ruleCoverage(report), report),
  ];
  const failing = report.cases.filter((c) => needsRepro(c.verdict.kind));
  if (failing.length > 0) out.push(`### Failures (${failing.length})`, '');
  for (const c of failing.slice(0, opts.maxFailures)) out.push(...failure(report, c, opts.repros.get(c.id)), '');
  if (failing.length > opts.maxFailures) out.push(`… and ${failing.length - opts.maxFailures} more: see report.json and repro/.`, '');
  const cells = Object.entries(report.coverage).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  out.push('### Coverage', '');
  if (cells.length === 0) out.push('(no coverage recorded)');
  else out.push('| cell | samples |', '| --- | ---: |', ...cells.map(([k, n]) => `| ${md(k)} | ${n} |`));
  return `${out.join('\n')}\n`;
}

/** Which release of each library ran on which interpreter (nothing for stdlib-only runs). */
function releases(report: RunReport): string[] {
  const rows = report.interpreters.map((i) => [i.path, libraryReleases(report, i.path)] as const).filter(([, r]) => r !== '');
  if (rows.length === 0) return [];
  return ['| interpreter | library releases |', '| --- | --- |', ...rows.map(([p, r]) => `| ${md(interpreterName(report, p))} ${md(`(${p})`)} | ${md(r)} |`), ''];
}

function matrix(report: RunReport): string[] {
  const rows = new Map<string, CaseResult[]>();
  for (const c of report.cases) {
    const key = `${c.python}\u0000${c.family}`;
    rows.set(key, [...(rows.get(key) ?? []), c]);
  }
  const lines = [`| interpreter | family | ${VERDICTS.join(' | ')} |`, `| --- | --- | ${VERDICTS.map(() => '---:').join(' | ')} |`];
  const order = report.interpreters.map((i) => i.path);
  const rank = (cs: readonly CaseResult[]): [number, string] => [order.indexOf(cs[0]?.python ?? ''), cs[0]?.family ?? ''];
  const sorted = [...rows.values()].sort((a, b) => rank(a)[0] - rank(b)[0] || (rank(a)[1] < rank(b)[1] ? -1 : 1));
  for (const cases of sorted) {
    const c0 = cases[0];
    if (!c0) continue;
    const counts = VERDICTS.map((k) => cases.filter((c) => c.verdict.kind === k).length);
    lines.push(`| ${md(interpreterName(report, c0.python))} ${md(`(${c0.python})`)} | ${md(c0.family)} | ${counts.join(' | ')} |`);
  }
  return lines;
}

function failure(report: RunReport, c: CaseResult, program: string | undefined): string[] {
  const rate = c.verdict.kind === 'flaky' && c.failureRate !== null ? ` (fails ${formatRate(c.failureRate)})` : '';
  const out = [
    `#### ${md(c.verdict.kind)}${rate}: ${md(c.id)}`,
    '',
    `${md(interpreterName(report, c.python))} at ${md(c.python)}, target ${md(c.target)}${c.repro ? ` — repro: [${md(c.repro)}](${encodeURI(c.repro)})` : ''}`,
    '',
    '| process | expected | rules | observed |',
    '| --- | --- | --- | --- |',
    ...processRows(c).map((r) => `| ${md(r.label)} | ${md(r.expected)} | ${md(r.rules.join(', '))} | ${md(r.observed)}${r.detail ? ` — ${md(r.detail)}` : ''} |`),
  ];
  if (c.verdict.reason) out.push('', `Reason: ${md(c.verdict.reason)}`);
  const tail = stderrTail(c, 15);
  if (tail.trim()) out.push('', '<details><summary>stderr (tail)</summary>', '', mdFence(tail, 'text'), '', '</details>');
  if (program !== undefined) out.push('', mdFence(program, 'python'));
  return out;
}

/** `CPython 3.12.1 · billiard`-style name of a rule-matrix column. */
function columnName(report: RunReport, col: { python: string; target: string }): string {
  return `${interpreterName(report, col.python)} · ${col.target}`;
}

/** Compact "by rule" table: only rules with a departure; a rule broken everywhere it ran is one line that says so. */
export function byRule(report: RunReport, m: RuleMatrix): string[] {
  // most departing cases first: the rule a library breaks most is the first line
  const departing = (r: RuleMatrix['rows'][number]) => r.cells.reduce((n, c) => n + (c?.depart ?? 0), 0);
  const rows = m.rows.filter((r) => r.departCells > 0).sort((a, b) => departing(b) - departing(a));
  const out = [`### By rule (${rows.length} of ${m.rows.length} exercised rules with departures)`, ''];
  if (rows.length === 0) return [...out, 'Every exercised rule conformed in every case that exercised it.', ''];
  out.push('| rule | statement | holds for | departs on | example |', '| --- | --- | --- | --- | --- |');
  const byId = new Map(report.cases.map((c) => [c.id, c]));
  for (const r of rows) {
    const cells = r.cells.flatMap((cell, i) => (cell && cell.depart > 0 ? [{ cell, col: m.columns[i]! }] : []));
    // a target that departs on every interpreter it ran on is one entry, not one per interpreter
    const everywhere = (t: string) => {
      const mine = cells.filter((x) => x.col.target === t);
      const n = mine.reduce((k, x) => k + x.cell.depart, 0);
      const of = mine.reduce((k, x) => k + x.cell.cases.length, 0);
      return `**${md(t)}** on every interpreter (${mine.length}; ${n} of ${of} cases)`;
    };
    const where = r.brokenEverywhere && r.exercisedCells > 1 && r.brokenBy.length > 1
      ? `**everywhere it ran** (${r.exercisedCells} interpreter × target cells; ${departing(r)} of ${r.cells.reduce((n, c) => n + (c?.cases.length ?? 0), 0)} cases)`
      : [...r.brokenBy.map(everywhere), ...cells.filter((x) => !r.brokenBy.includes(x.col.target)).map(({ cell, col }) => `${md(columnName(report, col))}: ${cell.depart}/${cell.cases.length}`)].join('; ');
    const first = byId.get(cells[0]?.cell.departing[0] ?? '');
    const example = first ? `${md(first.id)}${first.repro ? ` ([repro](${encodeURI(first.repro)}))` : ''}` : '';
    const statement = r.rule.statement.length > 140 ? `${r.rule.statement.slice(0, 137)}…` : r.rule.statement;
    out.push(`| \`${md(r.rule.id)}\` | ${md(statement)} | ${md(r.rule.versions)} | ${where} | ${example} |`);
  }
  out.push('');
  return out;
}

/** Rule coverage per interpreter, with the never-decisive rules and why. */
function coverageByRule(coverage: readonly InterpreterRuleCoverage[], report: RunReport): string[] {
  if (coverage.length === 0) return [];
  const out = ['### Rule coverage', '', 'A rule is decisive in a case when a program that broke it would get a different verdict there (src/report/rules.ts).', '',
    '| interpreter | decisive / applicable | never decisive |', '| --- | ---: | --- |'];
  for (const c of coverage) {
    const never = c.never.map((n) => `\`${md(n.id)}\` (${md(n.why)})`).join(', ') || '—';
    out.push(`| ${md(interpreterName(report, c.python))} | ${c.decisive}/${c.applicable} (${Math.round(c.fraction * 100)}%) | ${never} |`);
  }
  const whys = [...new Set(coverage.flatMap((c) => c.never.map((n) => n.why)))];
  if (whys.length > 0) out.push('', ...whys.map((w) => `- ${md(w)}: ${md(NEVER_TEXT[w])}`));
  out.push('');
  return out;
}
