import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mergeReports, readReport, writeReports } from '../../report/index.js';
import { renderRepro } from '../../run/repro.js';
import { exitCodeOf, summaryTable, totalsLine } from '../run/summary.js';
import { parseVerbArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';

/** `mpconform merge`: shard reports of one run (same seed) into one report, every format regenerated. */
export const mergeVerb: Command = {
  name: 'merge',
  summary: 'merge the report.json files of shards into one report (all formats regenerated)',
  usage: `usage: mpconform merge DIR_OR_REPORT.json... --report-dir OUT [--json]

Reads each shard's report.json (a directory or the file itself), checks they belong to the same
run (same seed), unions their cases and writes report.json, junit.xml, summary.md, index.html and
the repros into OUT.

  --report-dir OUT   where the merged report goes (required)
  --json             print the merged totals as JSON
  -h, --help         this text

Exit 0 when the merged run has no fail, flaky or unexpected-pass case, 1 otherwise, 2 on bad input.`,
  async run(argv, ctx) {
    const { values, positionals } = parseVerbArgs('merge', argv, { 'report-dir': { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('merge: expected at least one shard report (see mpconform merge --help)');
    if (values['report-dir'] === undefined) throw new UsageError('merge: --report-dir OUT is required');
    const files = positionals.map((p) => (existsSync(p) && statSync(p).isDirectory() ? join(p, 'report.json') : p));
    const reports = [];
    for (const f of files) reports.push(await readReport(f));
    const merged = mergeReports(reports);
    const out = resolve(values['report-dir']);
    const { report } = await writeReports(merged, out, { renderRepro, renderProgram: renderRepro });
    if (values.json) ctx.out(JSON.stringify({ reportDir: out, complete: report.complete, totals: report.totals }, null, 2));
    else ctx.out(`${summaryTable(report)}\n\n${totalsLine(report)}\nreport: ${join(out, 'index.html')}`);
    return exitCodeOf(report);
  },
};
