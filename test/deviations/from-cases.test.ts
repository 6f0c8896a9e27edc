/** deviationsFromCases: a reviewable starting file, and the round trip through parse + apply. */
import { describe, expect, it } from 'vitest';
import { applyDeviations, deviationsFromCases, formatDeviations, parseDeviations } from '../../src/deviations/index.js';
import type { InterpreterFacts } from '../../src/model/facts.js';
import { FACTS, failing, makeCase } from './fixtures.js';

const PY: InterpreterFacts = {
  ...FACTS, path: '/usr/bin/python3', executable: '/usr/bin/python3', versionInfo: [3, 11, 2], startMethods: ['fork', 'spawn', 'forkserver'],
  defaultMethod: 'fork', targets: {}, source: 'path',
};

describe('deviationsFromCases', () => {
  const cases = [failing('exception:TypeError'), failing('exception:TypeError'), failing('hang', 'pebble'), makeCase({ kind: 'pass', main: 'ok' })];

  it('groups failures by feature with TODO reasons', () => {
    const doc = deviationsFromCases(cases, [PY]);
    expect(doc.deviations).toHaveLength(2);
    expect(doc.deviations[0]).toEqual({
      target: 'billiard', outcome: 'exception:TypeError', reason: 'TODO: explain',
      when: { worker: ['pool-map'], startMethod: ['spawn'], objectKind: ['Queue'], channel: ['task-arg'], targetForm: ['function'], guard: ['full'], family: ['general'], label: ['main'], python: '>=3.11,<3.12' },
    });
  });

  it('round-trips: the drafted file parses and turns every drafted failure into expected-fail', () => {
    const text = formatDeviations(deviationsFromCases(cases, [PY]));
    const parsed = parseDeviations(text, 'draft.json');
    expect(parsed.deviations.map((d) => d.line)).toEqual([4, 36]);
    for (const c of cases.slice(0, 3)) expect(applyDeviations(c, parsed.deviations, FACTS).verdict.kind).toBe('expected-fail');
    expect(formatDeviations(deviationsFromCases(cases, [PY]))).toBe(text);
  });
});
