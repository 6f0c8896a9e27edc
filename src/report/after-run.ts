import { join } from 'node:path';
import type { RunReport } from '../model/report.js';
import { writeFileAtomic } from './atomic.js';
import { diffHtml } from './diff-html.js';
import { diffReports, diffText, type RunDiff } from './diff.js';
import { checkRuleCoverage, ruleCoverage, ruleCoverageLines, type RuleCoverageGate } from './rules.js';

/** What `run` checks after writing its reports: rule coverage (gated with --min-rule-coverage) and the diff against --baseline. */
export interface AfterRunOptions {
  /** --min-rule-coverage FRACTION, or null for no gate. */
  readonly minRuleCoverage: number | null;
  /** The --baseline report and its path, or null. */
  readonly baseline: { readonly report: RunReport; readonly path: string } | null;
  /** Interpreter path → short label for terminal lines. */
  readonly label?: (path: string) => string;
}

/** The checks' outcome: text for stderr, the gate, the diff (diff.html is written into the report dir). */
export interface AfterRun {
  readonly text: string;
  readonly gate: RuleCoverageGate | null;
  readonly diff: RunDiff | null;
}

/** Prints rule coverage, gates it, and diffs against the baseline (writing diff.html next to index.html). */
export async function afterRun(report: RunReport, reportDir: string, opts: AfterRunOptions): Promise<AfterRun> {
  const coverage = ruleCoverage(report);
  const lines = ruleCoverageLines(coverage, opts.label);
  let gate: RuleCoverageGate | null = null;
  if (opts.minRuleCoverage !== null) {
    gate = checkRuleCoverage(coverage, opts.minRuleCoverage);
    lines.push(gate.passed
      ? `rule coverage gate: passed (every interpreter ≥ ${Math.round(gate.min * 100)}% of its applicable rules decisive)`
      : `rule coverage gate: FAILED (below ${Math.round(gate.min * 100)}%: ${gate.short.map((s) => `${(opts.label ?? ((p: string) => p))(s.python)} ${s.decisive}/${s.applicable}`).join(', ')})`);
  }
  let diff: RunDiff | null = null;
  if (opts.baseline) {
    diff = diffReports(opts.baseline.report, report, { baseDir: join(opts.baseline.path, '..'), newDir: reportDir });
    const file = join(reportDir, 'diff.html');
    await writeFileAtomic(file, diffHtml(diff, file));
    lines.push('', diffText(diff, 10), `diff: ${file}`);
  }
  return { text: `${lines.join('\n')}\n`, gate, diff };
}
