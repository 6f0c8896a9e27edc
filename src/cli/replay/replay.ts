import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { probeInterpreter } from '../../interpreters/index.js';
import { readReport } from '../../report/index.js';
import type { RunReport } from '../../model/report.js';
import type { Scenario } from '../../scenario/types.js';
import { describeMismatches } from '../../verdict/judge.js';
import { evaluateScenario, targetId } from '../../run/evaluate.js';
import { OptionError } from '../../options/errors.js';
import { scenarioFromRepro } from '../../run/repro.js';
import { libraryOf } from '../../contracts/libraries.js';
import { dialectFor, type Dialect } from '../../targets/index.js';
import { isTargetFile, loadTargetFile, TargetFileUnreadableError, type TargetFile } from '../../targets/file/index.js';
import { notImportableReason } from '../../targets/file/availability.js';
import { moduleImports, type ImportsOn } from '../run/targets.js';

/** What to replay: a case of a report, or a repro file. */
export interface ReplayRequest {
  readonly file: string;
  readonly caseId: string | null;
  readonly python: string | null;
  /** A shipped target id or a data file (`./mpconform-target.json`); null: the case's own. */
  readonly target: string | null;
  readonly runs: number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** How a data-file target's module is checked on the interpreter (default: `python -c "import …"`). */
  readonly importsOn?: ImportsOn;
}

/** The replay's answer: how often the case still disagrees, and the last disagreement's lines. */
export interface ReplayResult {
  readonly caseId: string | null;
  readonly python: string;
  readonly target: string;
  /** The data file a data-file target was loaded from (absolute), else null. */
  readonly targetFile: string | null;
  readonly runs: number;
  readonly disagreements: number;
  readonly lines: readonly string[];
}

/** What replay runs on: a shipped id, or a data-file target loaded from its file. */
type Target = { readonly kind: 'id'; readonly id: string } | { readonly kind: 'file'; readonly file: TargetFile };

/** report.json's record of the run's data-file targets: id → path (src/targets/file/select.ts, `targetFilesRecord`). */
function recordedFiles(report: RunReport): Readonly<Record<string, string>> {
  const files = (report as RunReport & { readonly targetFiles?: Readonly<Record<string, string>> }).targetFiles;
  return files ?? {};
}

/** A `--target` value: a data file is loaded (one line naming it when it cannot be), an id must have a dialect. */
function targetFromOption(value: string): Target {
  if (isTargetFile(value)) return { kind: 'file', file: loadTargetFile(value) };
  dialectFor(value);
  return { kind: 'id', id: value };
}

/** The case's own target: a shipped id, or the data file report.json recorded for it. */
function targetOfCase(report: RunReport, reportFile: string, caseId: string, target: string): Target {
  if (libraryOf(target) !== undefined) return { kind: 'id', id: target };
  const recorded = recordedFiles(report)[target];
  if (recorded === undefined) {
    throw new OptionError(`replay: case ${caseId} ran on target ${target}, which is no shipped target, and ${reportFile} records no data file for it; pass --target PATH/mpconform-target.json`);
  }
  const path = isAbsolute(recorded) ? recorded : resolve(dirname(reportFile), recorded);
  let file: TargetFile;
  try {
    file = loadTargetFile(path);
  } catch (e) {
    if (!(e instanceof TargetFileUnreadableError)) throw e;
    throw new OptionError(`replay: the data file of target ${target} (case ${caseId}) is ${e.reason === 'ENOENT' ? 'missing' : `unreadable (${e.reason})`}: ${path}; pass --target PATH to use another copy`);
  }
  if (file.id !== target) throw new OptionError(`replay: ${path} describes target ${file.id}, not ${target} (case ${caseId}); pass --target PATH to use another file`);
  return { kind: 'file', file };
}

async function locate(req: ReplayRequest): Promise<{ scenario: Scenario; python: string; target: Target }> {
  if (req.file.endsWith('.json')) {
    const report = await readReport(req.file);
    if (req.caseId === null) throw new OptionError(`replay ${req.file}: --case ID is required for a report (it has ${report.cases.length} cases)`);
    const c = report.cases.find((x) => x.id === req.caseId);
    if (!c) throw new OptionError(`replay: no case ${JSON.stringify(req.caseId)} in ${req.file}`);
    const target = req.target !== null ? targetFromOption(req.target) : targetOfCase(report, req.file, c.id, c.target);
    return { scenario: c.minimal?.scenario ?? c.scenario, python: req.python ?? c.python, target };
  }
  let text: string;
  try {
    text = readFileSync(req.file, 'utf8');
  } catch (e) {
    throw new OptionError(`replay: cannot read ${req.file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const scenario = scenarioFromRepro(text);
  if (scenario === null) throw new OptionError(`replay: ${req.file} is not an mpconform repro (no scenario header); use 'mpconform observe' for other programs`);
  if (req.python === null) throw new OptionError('replay: --python is required for a repro file');
  return { scenario, python: req.python, target: targetFromOption(req.target ?? 'multiprocessing') };
}

/** Re-runs one case `runs` times on its interpreter (fresh runs, no cache) and counts disagreements. */
export async function replay(req: ReplayRequest): Promise<ReplayResult> {
  const { scenario, python, target } = await locate(req);
  const facts = await probeInterpreter(python);
  let run: string | Dialect = target.kind === 'id' ? target.id : target.file.dialect;
  if (target.kind === 'file') {
    // as `run` does: a library that does not import would only show up as a ModuleNotFoundError "disagreement"
    const t = target.file;
    if (!(await (req.importsOn ?? moduleImports)(facts, t.module))) throw new OptionError(`replay: ${notImportableReason(t.id, t.module, facts)}`);
    run = t.dialect;
  }
  let disagreements = 0;
  let lines: string[] = [];
  for (let i = 0; i < req.runs && !req.signal?.aborted; i++) {
    const e = await evaluateScenario(scenario, { facts, target: run, timeoutMs: req.timeoutMs, signal: req.signal });
    if (e.verdict.kind === 'fail') {
      disagreements++;
      lines = describeMismatches(e.verdict);
    }
  }
  return { caseId: req.caseId, python, target: targetId(run), targetFile: target.kind === 'file' ? resolve(target.file.file) : null, runs: req.runs, disagreements, lines };
}
