import { describe, expect, test } from 'vitest';
import type { Observation } from '../model/observation.js';
import { ObservationCache } from './cache.js';
import { hangSignature } from './reruns.js';
import type { Evaluation } from './evaluate.js';

const text = { head: '', tail: '', omittedBytes: 0, totalBytes: 0 };
const obs = (end: Observation['end'], where: string[] = []): Observation => ({
  end, processes: [], notes: {}, stdout: text, stderr: text, durationMs: 1,
  ...(where.length ? { stacks: [{ pid: 4, label: 'main', threads: [], where }] } : {}),
});
const timeout: Observation['end'] = { kind: 'hang', how: 'timeout', hangBy: 'timeout', reason: 'no exit within 30000 ms', afterMs: 30_000 };
const evaluation = (o: Observation): Evaluation => ({ expectation: { processes: [], notes: {}, rules: [] }, observation: o, verdict: { kind: 'fail', reason: null, mismatches: [] }, program: 'x', cached: false });

describe('hangs are not waited on twice', () => {
  test('a hang noted from a fresh run serves a later lookup of the same program; other runs are not noted', async () => {
    const cache = new ObservationCache();
    cache.noteHang('k', obs(timeout));
    cache.noteHang('e', obs({ kind: 'exited', code: 0 }));
    let ran = 0;
    const make = async (): Promise<Observation> => { ran++; return obs({ kind: 'exited', code: 0 }); };
    const hit = cache.get('k', make);
    expect(hit.hit).toBe(true);
    expect((await hit.value).end).toEqual(timeout);
    expect(cache.get('e', make).hit).toBe(false);
    expect(ran).toBe(1);
    expect(cache.hangHits).toBe(1);
  });

  test('a hang signature: what recognised it and where each process waited; none without a hang', () => {
    const a = hangSignature(evaluation(obs(timeout, ['main.py line 5 in `work_1`'])));
    expect(a).toBe(hangSignature(evaluation(obs({ ...timeout, afterMs: 30_001 }, ['main.py line 5 in `work_1`']))));
    expect(a).not.toBe(hangSignature(evaluation(obs(timeout, ['main.py line 6 in `work_1`']))));
    expect(a).not.toBe(hangSignature(evaluation(obs({ ...timeout, how: 'quiescence', hangBy: 'quiescence' }, ['main.py line 5 in `work_1`']))));
    expect(hangSignature(evaluation(obs({ kind: 'exited', code: 1 })))).toBeNull();
  });
});
