import { readFileSync } from 'node:fs';
import { probeInterpreter } from '../../interpreters/index.js';
import { readReport } from '../../report/index.js';
import type { Scenario } from '../../scenario/types.js';
import { describeMismatches } from '../../verdict/judge.js';
import { evaluateScenario } from '../../run/evaluate.js';
import { OptionError } from '../../options/errors.js';
import { scenarioFromRepro } from '../../run/repro.js';

/** What to replay: a case of a report, or a repro file. */
export interface ReplayRequest {
  readonly file: string;
  readonly caseId: string | null;
  readonly python: string | null;
  readonly target: string | null;
  readonly runs: number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** The replay's answer: how often the case still disagrees, and the last disagreement's lines. */
export interface ReplayResult {
  readonly caseId: string | null;
  readonly python: string;
  readonly target: string;
  readonly runs: number;
  readonly disagreements: number;
  readonly lines: readonly string[];
}

async function locate(req: ReplayRequest): Promise<{ scenario: Scenario; python: string; target: string }> {
  if (req.file.endsWith('.json')) {
    const report = await readReport(req.file);
    if (req.caseId === null) throw new OptionError(`replay ${req.file}: --case ID is required for a report (it has ${report.cases.length} cases)`);
    const c = report.cases.find((x) => x.id === req.caseId);
    if (!c) throw new OptionError(`replay: no case ${JSON.stringify(req.caseId)} in ${req.file}`);
    return { scenario: c.minimal?.scenario ?? c.scenario, python: req.python ?? c.python, target: req.target ?? c.target };
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
  return { scenario, python: req.python, target: req.target ?? 'multiprocessing' };
}

/** Re-runs one case `runs` times on its interpreter (fresh runs, no cache) and counts disagreements. */
export async function replay(req: ReplayRequest): Promise<ReplayResult> {
  const { scenario, python, target } = await locate(req);
  const facts = await probeInterpreter(python);
  let disagreements = 0;
  let lines: string[] = [];
  for (let i = 0; i < req.runs && !req.signal?.aborted; i++) {
    const e = await evaluateScenario(scenario, { facts, target, timeoutMs: req.timeoutMs, signal: req.signal });
    if (e.verdict.kind === 'fail') {
      disagreements++;
      lines = describeMismatches(e.verdict);
    }
  }
  return { caseId: req.caseId, python, target, runs: req.runs, disagreements, lines };
}
