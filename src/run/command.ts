import { accessSync, constants } from 'node:fs';
import { ensureDirSync } from '../fsutil/ensure-dir.js';
import { join, resolve } from 'node:path';
import { writeReports, ReportDirError } from '../report/index.js';
import { coverageCells } from '../../scenarios/index.js';
import { toolVersion } from '../version.js';
import { selectFamilies } from './families.js';
import { OptionError, parseRunFlags, type RunFlags } from './options.js';
import { resolvePythons } from './resolve.js';
import { runConformance } from './run.js';
import { exitCodeOf, summaryTable, totalsLine } from './summary.js';
import { renderRepro } from './repro.js';
import { loadDeviations, deviationAdjuster, writeStartingDeviations } from './deviations.js';
import { checkTargets } from './targets.js';
import { checkCoverage } from './gate.js';

/** Where the command writes: progress and summaries to stderr, `--json` data to stdout. */
export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrIsTTY: boolean;
}

/**
 * `mpconform run`: validates everything eagerly, runs, writes reports, prints the summary.
 * Returns the exit code (0 all good, 1 conformance failures, 130/143 interrupted); bad input throws.
 */
export async function runCommand(flags: RunFlags, io: CommandIO, signal: AbortSignal): Promise<number> {
  const settings = parseRunFlags(flags);
  if (settings.shard && flags.seed === undefined) {
    throw new OptionError('--shard needs an explicit --seed, so that every shard generates the same cases');
  }
  const families = selectFamilies(settings.families);
  const deviations = settings.expectations ? loadDeviations(settings.expectations) : null;
  const runId = `s${settings.seed}`;
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const shardPart = settings.shard ? `-shard${settings.shard.index}of${settings.shard.count}` : '';
  const reportDir = resolve(settings.reportDir ?? join('reports', `${stamp}-${runId}${shardPart}`));
  try {
    ensureDirSync(reportDir);
    accessSync(reportDir, constants.W_OK);
  } catch (e) {
    throw new ReportDirError(reportDir, e);
  }
  const interpreters = await resolvePythons(settings.pythons);
  checkTargets(settings.targets, interpreters);

  let announced = false;
  const onAbort = () => {
    if (announced) return;
    announced = true;
    io.stderr(`\nmpconform: ${String(signal.reason)}: stopping, ending children and writing the partial report…\n`);
  };
  signal.addEventListener('abort', onAbort);
  try {
    io.stderr(`mpconform run ${runId}: ${families.length} families × ${settings.runs} runs × ${interpreters.length} interpreters × ${settings.targets.length} targets, ${settings.jobs} jobs${settings.shard ? `, shard ${settings.shard.index}/${settings.shard.count}` : ''}\n`);
    const report = await runConformance({
      runId,
      toolVersion: toolVersion(),
      interpreters,
      targets: settings.targets,
      families,
      runs: settings.runs,
      seed: settings.seed,
      jobs: settings.jobs,
      timeoutMs: settings.timeoutMs,
      shard: settings.shard,
      reruns: settings.reruns,
      shrink: settings.shrink,
      shrinkBudgetMs: settings.shrinkBudgetMs,
      signal,
      progress: { isTTY: io.stderrIsTTY && !process.env['CI'], write: io.stderr },
      adjust: deviations ? deviationAdjuster(deviations, interpreters) : undefined,
      coverage: (spec) => coverageCells(spec.scenario),
    });
    const written = await writeReports(report, reportDir, { renderRepro });
    if (settings.updateExpectations) writeStartingDeviations(settings.updateExpectations, written.report.cases, interpreters);
    io.stderr(`\n${summaryTable(written.report)}\n\n${totalsLine(written.report)}\n`);
    for (const c of written.report.cases.filter((x) => x.repro)) io.stderr(`  ${c.verdict.kind}: ${c.id} → ${join(reportDir, c.repro ?? '')}\n`);
    const gate = checkCoverage(families, settings.seed, settings.runs);
    io.stderr(gate.kind === 'passed' ? `coverage gate: passed (${gate.runs} general scenarios)\n`
      : gate.kind === 'failed' ? `coverage gate: FAILED: ${gate.shortfall.map((s) => `${s.cell} ${s.got}/${s.min}`).join(', ')}\n`
      : `coverage gate: not judged (${gate.reason})\n`);
    io.stderr(`report: ${join(reportDir, 'index.html')}\n`);
    if (settings.json) {
      io.stdout(`${JSON.stringify({ runId, seed: settings.seed, reportDir, complete: written.report.complete, totals: written.report.totals, coverageGate: gate }, null, 2)}\n`);
    }
    if (signal.aborted) return signal.reason === 'SIGTERM' ? 143 : 130;
    return gate.kind === 'failed' ? 1 : exitCodeOf(written.report);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
