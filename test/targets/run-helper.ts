/** Renders a scenario for a dialect, runs it on Debian's python3 and returns its `@note` lines. */
import { spawnSync } from 'node:child_process';
import { runProgram } from '../../src/observe/index.js';
import type { RunEnd } from '../../src/model/observation.js';
import { renderScenario } from '../../src/render/index.js';
import type { Dialect } from '../../src/targets/dialect.js';
import type { Scenario, Step } from '../../src/scenario/types.js';

export const PYTHON = '/usr/bin/python3';

/** Why `module` cannot be used here (null: it imports). */
export function importProblem(module: string): string | null {
  const r = spawnSync(PYTHON, ['-c', `import ${module}`], { encoding: 'utf8', timeout: 20_000 });
  if (r.error) return `${PYTHON} not runnable: ${r.error.message}`;
  return r.status === 0 ? null : `${module} does not import on ${PYTHON}`;
}

/** A start step with defaults (id 1, spawn Process, report-method, function target). */
export function start(o: Partial<Extract<Step, { op: 'start' }>>): Step {
  return { op: 'start', at: 'main', id: 1, worker: 'process', ctx: 'spawn', pass: [], action: 'report-method', target: 'function', grandchild: null, ...o } as Step;
}

/** Notes and how the run ended. */
export interface RunResult {
  readonly notes: Readonly<Record<string, string>>;
  readonly end: RunEnd;
  readonly stderr: string;
}

/**
 * Renders and runs the scenario through the harness's own execute stage (process group, temp dir,
 * hang detection, nothing left behind): a library that hangs after printing its notes (billiard's
 * pool shutdown does, intermittently) ends as a `hang` at the limit, well inside the test timeout.
 */
export async function runRendered(scenario: Scenario, dialect: Dialect, timeoutMs = 15_000): Promise<RunResult> {
  const o = await runProgram({ python: PYTHON, source: renderScenario(scenario, dialect), timeoutMs });
  return { notes: o.notes, end: o.end, stderr: o.stderr.head + o.stderr.tail };
}
