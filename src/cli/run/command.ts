import { accessSync, constants } from 'node:fs';
import { ensureDirSync } from '../../fsutil/ensure-dir.js';
import { join, resolve } from 'node:path';
import { writeReports, ReportDirError, readReport } from '../../report/index.js';
import { checkCreatableDir, unwritableReason } from '../../report/atomic.js';
import { afterRun } from '../../report/after-run.js';
import { interpreterLabels } from '../../run/ids.js';
import { coverageCells } from '../../../scenarios/index.js';
import { toolVersion } from '../../version.js';
import { selectFamilies } from '../../run/families.js';
import { OptionError } from '../../options/errors.js';
import { parseRunFlags, type RunFlags } from './flags.js';
import { resolvePythons } from '../../interpreters/resolve.js';
import { runConformance } from '../../run/run.js';
import { Progress } from './progress.js';
import { exitCodeOf, summaryTable, totalsLine } from './summary.js';
import { renderRepro } from '../../run/repro.js';
import { loadDeviations, deviationAdjuster, writeStartingDeviations } from './expectations.js';
import { checkTargets, shippedTargetNotices, targetFilesOn } from './targets.js';
import { checkCoverage } from './coverage-gate.js';
import { LIBRARY_IDS } from '../../contracts/libraries.js';
import { selectTargets, targetFilesRecord } from '../../targets/file/select.js';
import { expectationFiles } from '../../targets/expectations.js';
import type { DeviationsFile } from '../../deviations/index.js';
import type { CaseResult } from '../../model/report.js';
import { stubRenderRepro } from '../../report/repro.js';

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
  // data-file targets (src/targets/file/) load here, eagerly; shipped targets bring their expectations/<id>.json
  const selected = selectTargets(settings.targets);
  const loaded = expectationFiles(settings.expectations, settings.targets).map(loadDeviations);
  const deviations: DeviationsFile | null = loaded.length === 0 ? null
    : { version: 1, file: loaded.map((d) => d.file).join(', '), deviations: loaded.flatMap((d) => d.deviations) };
  const runId = `s${settings.seed}`;
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const shardPart = settings.shard ? `-shard${settings.shard.index}of${settings.shard.count}` : '';
  const reportDir = resolve(settings.reportDir ?? join('reports', `${stamp}-${runId}${shardPart}`));
  // checked now, created only once every other input is known good (no empty NEW dir left by a bad --python)
  checkCreatableDir(reportDir);
  const unwritable = settings.updateExpectations ? unwritableReason(settings.updateExpectations) : null;
  if (unwritable !== null) throw new OptionError(`--update-expectations ${settings.updateExpectations}: cannot write: ${unwritable}`);
  const baseline = settings.baseline ? { report: await readReport(settings.baseline), path: settings.baseline } : null;
  const ids = selected.targets.filter((t): t is string => typeof t === 'string');
  const interpreters = await resolvePythons(settings.pythons, { targets: settings.targets, knownTargets: LIBRARY_IDS });
  checkTargets(ids, interpreters);
  // a data-file target whose module does not import on some interpreters is skipped there, with the reason
  const runnable = await targetFilesOn(selected, interpreters);
  try {
    ensureDirSync(reportDir);
    accessSync(reportDir, constants.W_OK);
  } catch (e) {
    throw new ReportDirError(reportDir, e);
  }

  let announced = false;
  const onAbort = () => {
    if (announced) return;
    announced = true;
    io.stderr(`\nmpconform: ${String(signal.reason)}: stopping, ending children and writing the partial report…\n`);
  };
  signal.addEventListener('abort', onAbort);
  const sink = { isTTY: io.stderrIsTTY && !process.env['CI'], write: io.stderr };
  let progress = null as Progress | null;
  try {
    for (const line of [...shippedTargetNotices(ids, interpreters), ...runnable.notices]) io.stderr(`mpconform: ${line}\n`);
    io.stderr(`mpconform run ${runId}: ${families.length} families × ${settings.runs} runs × ${interpreters.length} interpreters × ${settings.targets.length} targets, ${settings.jobs} jobs${settings.shard ? `, shard ${settings.shard.index}/${settings.shard.count}` : ''}\n`);
    const ran = await runConformance({
      runId,
      toolVersion: toolVersion(),
      interpreters,
      targets: runnable.targets,
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
      onProgress: (event) => {
        if (event.kind === 'start') progress = new Progress(sink, event.total);
        else progress?.tick(event.result.verdict.kind, event.result.observation?.end.kind === 'hang');
      },
      adjust: deviations ? deviationAdjuster(deviations, interpreters) : undefined,
      coverage: (spec) => coverageCells(spec.scenario),
    });
    progress?.finish();
    // report.json records where the data-file targets came from, for `mpconform replay`
    const report = selected.files.length > 0 ? { ...ran, targetFiles: targetFilesRecord(selected.files) } : ran;
    // a skipped case (the target lacks what its scenario needs) has no program in the target's spelling
    const renderProgram = (c: CaseResult) => (c.verdict.kind === 'skipped' ? stubRenderRepro(c) : renderRepro(c));
    const written = await writeReports(report, reportDir, { renderRepro, renderProgram });
    if (settings.updateExpectations) writeStartingDeviations(settings.updateExpectations, written.report.cases, interpreters);
    io.stderr(`\n${summaryTable(written.report)}\n\n${totalsLine(written.report)}\n`);
    for (const c of written.report.cases.filter((x) => x.repro)) io.stderr(`  ${c.verdict.kind}: ${c.id} → ${join(reportDir, c.repro ?? '')}\n`);
    const gate = checkCoverage(families, settings.seed, settings.runs);
    io.stderr(gate.kind === 'passed' ? `coverage gate: passed (${gate.runs} general scenarios)\n`
      : gate.kind === 'failed' ? `coverage gate: FAILED: ${gate.shortfall.map((s) => `${s.cell} ${s.got}/${s.min}`).join(', ')}\n`
      : `coverage gate: not judged (${gate.reason})\n`);
    const labels = interpreterLabels(written.report.interpreters);
    const after = await afterRun(written.report, reportDir, { minRuleCoverage: settings.minRuleCoverage, baseline, label: (p) => labels.get(p) ?? p });
    io.stderr(after.text);
    io.stderr(`report: ${join(reportDir, 'index.html')}\n`);
    if (settings.json) {
      io.stdout(`${JSON.stringify({ runId, seed: settings.seed, reportDir, complete: written.report.complete, totals: written.report.totals, coverageGate: gate, ruleCoverageGate: after.gate, newFailures: after.diff?.newFailures ?? null }, null, 2)}\n`);
    }
    if (signal.aborted) return signal.reason === 'SIGTERM' ? 143 : 130;
    // with --baseline only new failures fail the run (known ones are in the baseline already)
    const conformance = after.diff ? (after.diff.newFailures > 0 ? 1 : 0) : exitCodeOf(written.report);
    return gate.kind === 'failed' || after.gate?.passed === false ? 1 : conformance;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
