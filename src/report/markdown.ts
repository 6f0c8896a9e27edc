import type { CaseResult, RunReport } from '../run/types.js';
import { VERDICTS } from '../verdict/types.js';
import { escapeMd as md, mdFence } from './escape.js';
import { interpreterName, needsRepro } from './describe.js';
import { processRows, stderrTail } from './process-rows.js';
import { formatRate } from './repro.js';

/** Options for {@link summaryMarkdown}. */
export interface SummaryOptions {
  /** Repro program text per case id (inlined under each failure). */
  readonly repros: ReadonlyMap<string, string>;
  /** At most this many failures are detailed (a GitHub step summary is capped at 1 MiB). */
  readonly maxFailures: number;
}

/** A Markdown summary fit for `$GITHUB_STEP_SUMMARY`: totals, interpreter × family table, failures, coverage. */
export function summaryMarkdown(report: RunReport, opts: SummaryOptions): string {
  const t = report.totals;
  const out: string[] = [
    `## mpconform run ${md(report.runId)}${report.complete ? '' : ' (interrupted: partial results)'}`,
    '',
    `**${t.cases} cases** — ${VERDICTS.map((k) => `${k}: ${t[k]}`).join(' · ')} — seed \`${report.seed}\`${report.shard ? ` — shard ${report.shard.index}/${report.shard.count}` : ''}`,
    '',
    ...matrix(report),
    '',
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
