import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InterpreterFacts } from '../../src/model/facts.js';
import type { Scenario } from '../../src/scenario/types.js';
import { evaluateScenario, type Evaluation } from '../../src/run/evaluate.js';
import { renderScenario } from '../../src/render/index.js';
import { dialectFor } from '../../src/targets/index.js';
import { describeMismatches } from '../../src/verdict/judge.js';
import { coverageCells } from '../../scenarios/index.js';
import { SCENARIO_MARK } from '../../src/run/repro.js';
import type { FamilyStats } from './stats.js';

/** Where property failures write their repros. */
export const PROPERTY_REPRO_DIR = join('reports', 'properties');

let counter = 0;

/** Writes a runnable repro with the expected and observed outcomes in its header; returns its path. */
export function writeRepro(family: string, scenario: Scenario, facts: InterpreterFacts, target: string, lines: readonly string[]): string {
  const dir = join(PROPERTY_REPRO_DIR, family);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${facts.version}-${process.pid}-${++counter}.py`);
  const header = [`property ${family} on ${facts.path} (${facts.version}), target ${target}`, ...lines, `${SCENARIO_MARK}${JSON.stringify(scenario)}`];
  writeFileSync(file, renderScenario(scenario, dialectFor(target), { header }));
  return file;
}

/**
 * Evaluates a scenario and throws when the observation leaves the expectation (observation ⊆
 * expectation, per process). The thrown message lists each mismatch and the repro path.
 */
export async function assertConforms(scenario: Scenario, facts: InterpreterFacts, stats: FamilyStats, target = 'multiprocessing'): Promise<Evaluation> {
  const e = await evaluateScenario(scenario, { facts, target, timeoutMs: 30_000 });
  stats.add(e.verdict.kind, coverageCells(scenario));
  if (e.verdict.kind === 'fail') {
    const lines = describeMismatches(e.verdict);
    const file = writeRepro(stats.family, scenario, facts, target, lines.map((l) => `expected/observed: ${l}`));
    throw new Error(`${lines.join('\n')}\nrepro: ${file} (run: ${facts.path} ${file})`);
  }
  return e;
}
