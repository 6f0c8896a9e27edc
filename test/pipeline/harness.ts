import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { executeProgram, findTokenProcesses, type ExecuteOptions, type RawRun } from '../../src/execute/index.js';
import type { Observation, ProcessObservation } from '../../src/model/observation.js';
import { observe } from '../../src/observe/index.js';

/** Runs a program, classifies it, and checks that nothing it started survives (process or temp dir). */
export async function run(python: string, source: string, opts: Partial<ExecuteOptions> = {}): Promise<{ raw: RawRun; o: Observation }> {
  const raw = await executeProgram({ python, source, timeoutMs: 20_000, ...opts });
  expect(findTokenProcesses(raw.token), 'processes carrying the run token after the run').toEqual([]);
  expect(existsSync(raw.workDir), 'temp dir removed').toBe(false);
  return { raw, o: observe(raw) };
}

/** The program's labelled processes (not the resource tracker), as `label → outcome` (several pool workers: all their outcomes). */
export function outcomes(o: Observation): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of o.processes) {
    // the resource tracker is labelled (it is predicted), but these tables are about the program's own processes
    if (p.label === null || p.label === 'resource-tracker') continue;
    out[p.label] = out[p.label] === undefined ? p.outcome : [...new Set([...out[p.label]!.split('|'), p.outcome])].join('|');
  }
  return out;
}

/** The single process with `label` (fails when absent). */
export function proc(o: Observation, label: string): ProcessObservation {
  const p = o.processes.find((x) => x.label === label);
  expect(p, `a process labelled ${label}`).toBeDefined();
  return p!;
}
