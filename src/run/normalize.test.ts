// The engine's programmatic entries check what a JavaScript caller passes, before anything runs.
import { describe, expect, it } from 'vitest';
import { corpus } from '../../scenarios/index.js';
import { OptionError } from '../options/errors.js';
import { FAMILIES } from './families.js';
import { normalizeConformanceInput, normalizeRunScenarioOptions, RUN_LIMITS } from './normalize.js';
import type { ConformanceInput } from './options.js';
import { runConformance } from './run.js';
import { runScenario } from './scenario.js';

const facts = { path: '/usr/bin/python3', executable: '/usr/bin/python3', version: '3.11.2', implementation: 'cpython', platform: 'linux' };
const input = {
  runId: 'r', toolVersion: '0', interpreters: [facts], targets: ['multiprocessing'], families: [FAMILIES[0]],
  runs: 1, seed: 1, jobs: 1, timeoutMs: 1000, shard: null, reruns: 0, shrink: false,
};

describe('normalizeRunScenarioOptions', () => {
  it('fills in the defaults', () => {
    expect(normalizeRunScenarioOptions({ python: 'python3' })).toEqual({
      python: 'python3', target: 'multiprocessing', oracleTarget: undefined, timeoutMs: 30_000, signal: undefined, deviations: undefined, family: 'custom',
    });
  });

  it.each([
    [undefined, 'runScenario: options must be an object, got undefined'],
    [{}, 'runScenario: python expects an interpreter path or name, or facts from probeInterpreter(), got undefined'],
    [{ python: 'python3', timeoutMs: -1 }, 'runScenario: timeoutMs expects an integer from 1 to 86400000, got -1'],
    [{ python: 'python3', timeoutMs: '30' }, 'runScenario: timeoutMs expects an integer from 1 to 86400000, got "30"'],
    [{ python: 'python3', target: 42 }, 'runScenario: target expects a target id or a Dialect object, got number'],
    [{ python: 'python3', signal: {} }, 'runScenario: signal expects an AbortSignal, got an object'],
    [{ python: 'python3', deviations: 'x.json' }, 'runScenario: deviations expects a parsed deviations file (readDeviationsFile) or its entries'],
  ])('refuses %j', (options, message) => {
    expect(() => normalizeRunScenarioOptions(options)).toThrow(new OptionError(message));
  });

  it('runScenario rejects bad options before probing anything', async () => {
    await expect(runScenario(corpus[0]!.scenario, { python: '/nonexistent/python', timeoutMs: 0 })).rejects.toThrow(OptionError);
  });
});

describe('normalizeConformanceInput', () => {
  it('accepts a full input and fills in the optional fields', () => {
    const n = normalizeConformanceInput(input);
    expect(n.shrinkBudgetMs).toBe(30_000);
    expect(n.runs).toBe(1);
  });

  it.each([
    [{ ...input, jobs: 0 }, `runConformance: jobs expects an integer from 1 to ${RUN_LIMITS.jobs.max}, got 0`],
    [{ ...input, runs: 1.5 }, 'runConformance: runs expects an integer from 0 to 100000, got 1.5'],
    [{ ...input, interpreters: [] }, 'runConformance: interpreters expects a non-empty array, got an array'],
    [{ ...input, interpreters: ['python3'] }, 'runConformance: interpreters[0] expects facts from probeInterpreter()'],
    [{ ...input, families: ['general'] }, "runConformance: families[0] expects a Family (FAMILIES, or { name, summary, kind: 'generated', arb } / { kind: 'fixed', scenarios })"],
    [{ ...input, shard: { index: 3, count: 2 } }, 'runConformance: shard expects null or { index, count } with 1 <= index <= count'],
    [{ ...input, adjust: 'no' }, 'runConformance: adjust expects a function, got "no"'],
  ])('refuses %#', (bad, message) => {
    expect(() => normalizeConformanceInput(bad)).toThrow(new OptionError(message));
  });

  it('runConformance rejects a bad input before running anything', async () => {
    // a JavaScript caller's malformed input, as TypeScript would not let it through
    await expect(runConformance({ ...input, seed: Number.NaN } as unknown as ConformanceInput)).rejects.toThrow(OptionError);
  });
});
