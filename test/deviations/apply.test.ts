/** applyDeviations: expected-fail, unexpected-pass, and cases left alone. */
import { describe, expect, it } from 'vitest';
import { applyDeviations, featuresOf, parseDeviations } from '../../src/deviations/index.js';
import { FACTS, SPAWN_POOL_QUEUE, failing, makeCase } from './fixtures.js';

const file = (when: string, outcome = 'exception:TypeError', target = 'billiard'): ReturnType<typeof parseDeviations> =>
  parseDeviations(JSON.stringify({ version: 1, deviations: [{ target, when: JSON.parse(when), outcome, reason: 'because', link: 'https://example.org/1' }] }), 'd.json');

describe('featuresOf', () => {
  it('derives methods, workers, objects, channels and guard placement', () => {
    expect(featuresOf(SPAWN_POOL_QUEUE)).toMatchObject({
      startMethods: ['spawn'], contexts: ['spawn'], workers: ['pool-map'], objectKinds: ['Queue'], channels: ['task-arg'],
      guard: 'full', unguardedOps: [], targetForms: ['function'], actions: ['use'], grandchild: false,
    });
  });
});

describe('applyDeviations', () => {
  const matching = '{ "startMethod": "spawn", "worker": "pool-map", "objectKind": "Queue", "channel": "task-arg", "label": "main", "python": ">=3.11", "platform": "linux" }';

  it('turns an explained failure into expected-fail with the reason', () => {
    const r = applyDeviations(failing('exception:TypeError'), file(matching).deviations, FACTS);
    expect(r.verdict.kind).toBe('expected-fail');
    expect(r.verdict.reason).toBe('because (https://example.org/1)');
  });

  it.each([
    ['another outcome', failing('hang'), matching],
    ['another target', failing('exception:TypeError', 'pebble'), matching],
    ['another python', failing('exception:TypeError'), matching.replace('>=3.11', '<3.11')],
    ['another worker', failing('exception:TypeError'), matching.replace('"pool-map"', '"executor-map"')],
    ['another label', failing('exception:TypeError'), matching.replace('"main"', '"pool"')],
  ])('leaves a failure alone for %s', (_n, c, when) => {
    expect(applyDeviations(c, file(when).deviations, FACTS).verdict.kind).toBe('fail');
  });

  it('needs every mismatch explained', () => {
    const c = makeCase({ kind: 'fail', main: 'exception:TypeError', mismatches: [
      { label: 'main', expected: ['ok'], observed: 'exception:TypeError', rules: [] },
      { label: 'pool', expected: ['ok'], observed: 'hang', rules: [] },
    ] });
    expect(applyDeviations(c, file(matching).deviations, FACTS).verdict.kind).toBe('fail');
  });

  it('explains a note mismatch by note and value', () => {
    const c = makeCase({ kind: 'fail', main: 'ok', notes: { 'w1.exitcode': '0' }, mismatches: [{ label: 'note w1.exitcode', expected: ['1'], observed: '0', rules: [] }] });
    const d = parseDeviations('{"version":1,"deviations":[{"target":"billiard","note":"w1.exitcode","value":"0","reason":"r"}]}', 'd.json');
    expect(applyDeviations(c, d.deviations, FACTS).verdict.kind).toBe('expected-fail');
  });

  it('flags a pass whose declared deviation no longer happens, naming the line', () => {
    const r = applyDeviations(makeCase({ kind: 'pass', main: 'inheritance-only' }), file(matching).deviations, FACTS);
    expect(r.verdict.kind).toBe('unexpected-pass');
    expect(r.verdict.reason).toMatch(/no longer happens: because .*\[line 1\]/);
  });

  it('keeps a pass when the deviation happened and the oracle accepted it', () => {
    expect(applyDeviations(makeCase({ kind: 'pass', main: 'exception:TypeError' }), file(matching).deviations, FACTS).verdict.kind).toBe('pass');
  });

  it('leaves skipped and unspecified cases alone', () => {
    expect(applyDeviations(makeCase({ kind: 'skipped', main: 'ok' }), file(matching).deviations, FACTS).verdict.kind).toBe('skipped');
  });
});
