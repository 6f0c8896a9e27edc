import { join } from 'node:path';
import type { CaseResult, RunReport } from '../model/report.js';
import { writeFilesAtomic } from './atomic.js';
import { indexHtml } from './html.js';
import { junitXml } from './junit.js';
import { summaryMarkdown } from './markdown.js';
import { reproFile, reproPaths, stubRenderRepro, type RenderRepro } from './repro.js';
import { ruleSections } from './rules.js';

/**
 * Options for {@link writeReports}.
 *
 * @public
 */
export interface WriteReportsOptions {
  /** Program text of a case (src/render/); default: the scenario JSON as a comment. */
  readonly renderRepro?: RenderRepro;
  /** Program text shown in index.html's case views (default: the repro text for cases with one, else the scenario as a comment). */
  readonly renderProgram?: RenderRepro;
  /** Failures detailed in summary.md (default 50). */
  readonly maxSummaryFailures?: number;
}

/**
 * What {@link writeReports} wrote.
 *
 * @public
 */
export interface WrittenReports {
  /** The report as written to report.json (repro paths filled in). */
  readonly report: RunReport;
  /** Absolute or `dir`-joined paths, in the order written. */
  readonly files: readonly string[];
}

/**
 * Writes report.json, junit.xml, summary.md, index.html and repro/*.py into `dir`, all or nothing:
 * every file is written in full to a staging directory first, then all are renamed into place,
 * report.json last (src/report/atomic.ts). A write that fails (ENOSPC) changes nothing in `dir`. Throws ReportDirError
 * (`E_REPORT_DIR`) when `dir` cannot be written; files already there stay intact.
 *
 * @public
 */
export async function writeReports(input: RunReport, dir: string, opts: WriteReportsOptions = {}): Promise<WrittenReports> {
  const render = opts.renderRepro ?? stubRenderRepro;
  const paths = reproPaths(input.cases);
  const cases: CaseResult[] = input.cases.map((c) => ({ ...c, repro: paths.get(c.id) ?? c.repro }));
  const report: RunReport = { ...input, cases };
  const set: [string, string][] = [];
  const programs = new Map<string, string>();
  for (const c of cases) {
    const rel = paths.get(c.id);
    if (rel === undefined) continue;
    const text = reproFile(report, c, render);
    programs.set(c.id, text);
    set.push([rel, text]);
  }
  const rules = ruleSections(report);
  set.push(['junit.xml', junitXml(report)]);
  set.push(['summary.md', summaryMarkdown(report, { repros: programs, maxFailures: opts.maxSummaryFailures ?? 50, rules })]);
  set.push(['index.html', indexHtml(report, { rules, program: opts.renderProgram ?? ((c) => programs.get(c.id) ?? stubRenderRepro(c)) })]);
  set.push(['report.json', `${JSON.stringify({ ...report, ...rules }, null, 2)}\n`]);
  // all staged first, then renamed into place: a full disk leaves the previous set untouched
  const files = await writeFilesAtomic(dir, set);
  return { report, files };
}
