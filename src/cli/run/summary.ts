import type { CaseResult, RunReport } from '../../model/report.js';
import { interpreterLabels } from '../../run/ids.js';

/** The final table: interpreter × family with verdict counts (plain text, fixed-width). */
export function summaryTable(report: RunReport): string {
  const labels = interpreterLabels(report.interpreters);
  const rows = new Map<string, CaseResult[]>();
  for (const c of report.cases) {
    const key = `${labels.get(c.python) ?? c.python}\t${c.family}`;
    rows.set(key, [...(rows.get(key) ?? []), c]);
  }
  const header = ['python', 'family', 'pass', 'fail', 'xfail', 'xpass', 'flaky', 'skip', 'unspec'];
  const lines = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, cases]) => {
    const n = (k: string) => String(cases.filter((c) => c.verdict.kind === k).length);
    return [...key.split('\t'), n('pass'), n('fail'), n('expected-fail'), n('unexpected-pass'), n('flaky'), n('skipped'), n('unspecified')];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: readonly string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [fmt(header), ...lines.map(fmt)].join('\n');
}

/** One line of totals, e.g. `120 cases: 110 pass, 3 fail, …`. */
export function totalsLine(report: RunReport): string {
  const t = report.totals;
  const parts = (['pass', 'fail', 'expected-fail', 'unexpected-pass', 'flaky', 'skipped', 'unspecified'] as const)
    .filter((k) => k === 'pass' || k === 'fail' || t[k] > 0)
    .map((k) => `${t[k]} ${k}`);
  return `${t.cases} cases: ${parts.join(', ')}${report.complete ? '' : ' (INCOMPLETE: interrupted)'}`;
}

/** Exit status of a finished run: 1 on any fail, unexpected-pass or flaky case, else 0. */
export function exitCodeOf(report: RunReport): 0 | 1 {
  const t = report.totals;
  return t.fail + t['unexpected-pass'] + t.flaky > 0 ? 1 : 0;
}
