/** installed.ts: a shipped library target on an interpreter that lacks it is skipped, with the reason. */
import { describe, expect, it } from 'vitest';
import type { InterpreterFacts } from '../model/facts.js';
import { evaluateScenario } from '../run/evaluate.js';
import { shippedTargetNotices } from '../cli/run/targets.js';
import { notInstalledReason } from './installed.js';

const facts = (targets: Record<string, string | null>): InterpreterFacts => ({
  implementation: 'cpython', version: '3.12.1', platform: 'linux', executable: '/x/bin/python3', versionInfo: [3, 12, 1],
  startMethods: ['fork', 'spawn', 'forkserver'], defaultMethod: 'fork', targets, path: '/x/bin/python3', source: 'explicit',
} as InterpreterFacts);

describe('notInstalledReason', () => {
  it('names the library the facts probe found absent; nothing when present or not reported', () => {
    expect(notInstalledReason('billiard', facts({ multiprocessing: '3.12.1', billiard: null }))).toBe('billiard: billiard not installed for /x/bin/python3 (cpython 3.12.1)');
    expect(notInstalledReason('billiard', facts({ billiard: '4.3.2' }))).toBeNull();
    expect(notInstalledReason('billiard', facts({}))).toBeNull();
    expect(notInstalledReason('multiprocessing', facts({ multiprocessing: '3.12.1' }))).toBeNull();
    // the loky target runs joblib's vendored copy (its facts keys: joblib and loky): a missing one is named
    expect(notInstalledReason('loky', facts({ joblib: null, loky: '3.7.0' }))).toMatch(/^loky: joblib not installed/);
  });
  it('skips the case before anything runs, and the run tells the user once per target', async () => {
    const f = facts({ multiprocessing: '3.12.1', billiard: null });
    const e = await evaluateScenario({ version: 1, steps: [] }, { facts: f, target: 'billiard', timeoutMs: 1000 });
    expect(e.verdict).toMatchObject({ kind: 'skipped', reason: expect.stringMatching(/billiard not installed/) });
    expect(e.observation).toBeNull();
    expect(shippedTargetNotices(['billiard', 'multiprocessing'], [f])).toEqual([expect.stringMatching(/^--target billiard: not installed for \/x\/bin\/python3/)]);
  });
});
