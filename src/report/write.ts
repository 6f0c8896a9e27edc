import { join } from 'node:path';
import type { CaseResult, RunReport } from '../run/types.js';
import { ensureDir, writeFileAtomic } from './atomic.js';
import { indexHtml } from './html.js';
import { junitXml } from './junit.js';
import { summaryMarkdown } from './markdown.js';
import { reproFile, reproPaths, stubRenderRepro, type RenderRepro } from './repro.js';

/** Options for {@link writeReports}. */
export interface WriteReportsOptions {
  /** Program text of a case (src/render/); default: the scenario JSON as a comment. */
  readonly renderRepro?: RenderRepro;
  /** Failures detailed in summary.md (default 50). */
  readonly maxSummaryFailures?: number;
}

/** What {@link writeReports} wrote. */
export interface WrittenReports {
  /** The report as written to report.json (repro paths filled in). */
  readonly report: RunReport;
  /** Absolute or `dir`-joined paths, in the order written. */
  readonly files: readonly string[];
}

/**
 * Writes report.json, junit.xml, summary.md, index.html and repro/*.py into `dir`, each atomically.
 * report.json goes last, so its presence means the set is whole. Throws ReportDirError
 * (`E_REPORT_DIR`) when `dir` cannot be written; files already there stay intact.
 */
export async function writeReports(input: RunReport, dir: string, opts: WriteReportsOptions = {}): Promise<WrittenReports> {
  const render = opts.renderRepro ?? stubRenderRepro;
  await ensureDir(dir);
  const paths = reproPaths(input.cases);
  const cases: CaseResult[] = input.cases.map((c) => ({ ...c, repro: paths.get(c.id) ?? c.repro }));
  const report: RunReport = { ...input, cases };
  const files: string[] = [];
  const put = async (rel: string, text: string): Promise<void> => {
    const path = join(dir, rel);
    await writeFileAtomic(path, text);
    files.push(path);
  };
  const programs = new Map<string, string>();
  for (const c of cases) {
    const rel = paths.get(c.id);
    if (rel === undefined) continue;
    const text = reproFile(report, c, render);
    programs.set(c.id, text);
    await put(rel, text);
  }
  await put('junit.xml', junitXml(report));
  await put('summary.md', summaryMarkdown(report, { repros: programs, maxFailures: opts.maxSummaryFailures ?? 50 }));
  await put('index.html', indexHtml(report));
  await put('report.json', `${JSON.stringify(report, null, 2)}\n`);
  return { report, files };
}
