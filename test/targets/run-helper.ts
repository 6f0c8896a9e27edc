/** Renders a scenario for a dialect, runs it on Debian's python3 and returns its `@note` lines. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
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

/** Notes and exit code of one real run. */
export interface RunResult {
  readonly notes: Record<string, string>;
  readonly exitCode: number | undefined;
  readonly stderr: string;
}

/** Renders and runs the scenario (fresh tmp dir, 25 s limit). */
export async function runRendered(scenario: Scenario, dialect: Dialect): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mpc-target-'));
  try {
    const file = join(dir, 'prog.py');
    writeFileSync(file, renderScenario(scenario, dialect));
    const r = await execa(PYTHON, [file], { cwd: dir, reject: false, timeout: 25_000, stdin: 'ignore', env: { PYTHONWARNINGS: 'ignore' } });
    const notes: Record<string, string> = {};
    for (const line of String(r.stdout).split('\n')) {
      const m = /^@note (\S+) (.*)$/.exec(line);
      if (m?.[1] !== undefined) notes[m[1]] = m[2] ?? '';
    }
    return { notes, exitCode: r.exitCode, stderr: String(r.stderr) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
