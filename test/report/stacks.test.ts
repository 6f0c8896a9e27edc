/**
 * A hung case carries each Python process's stacks: the repro header and the page's case view
 * say where every process waits, and report.json with stacks is valid.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import type { CaseResult } from '../../src/model/report.js';
import { processStacks } from '../../src/observe/stacks.js';
import { reportSchema, reproFile, stubRenderRepro } from '../../src/report/index.js';
import { stackLines } from '../../src/report/repro.js';
import { buildCases, buildReport } from './fixtures.js';

const MAIN = `Thread 0x00007f2a1b7fe700 (most recent call first):
  File "/usr/lib/python3/dist-packages/billiard/pool.py", line 563 in body
  File "/usr/lib/python3.11/threading.py", line 975 in run

Current thread 0x00007f2a1c9a1740 (most recent call first):
  File "/usr/lib/python3.11/threading.py", line 320 in wait
  File "/usr/lib/python3/dist-packages/billiard/pool.py", line 1779 in wait
  File "/tmp/mpconform-x1/main.py", line 12 in <module>
`;
const WORKER = `Current thread 0x00007f2a1c9a1740 (most recent call first):
  File "/usr/lib/python3/dist-packages/billiard/synchronize.py", line 115 in __enter__
  File "/usr/lib/python3/dist-packages/billiard/pool.py", line 444 in _recv
`;

function hung(): CaseResult {
  const c = buildCases()[0]!;
  const labels = new Map([[4, 'main'], [12, 'pool']]);
  const stacks = processStacks([{ pid: 4, text: MAIN }, { pid: 12, text: WORKER }], (pid) => labels.get(pid) ?? null);
  return {
    ...c,
    verdict: { kind: 'fail', reason: null, mismatches: [] },
    observation: { ...c.observation!, end: { kind: 'hang', how: 'quiescence', hangBy: 'quiescence', reason: 'all 7 processes of the tree blocked for 1000 ms', afterMs: 2100 }, stacks },
  };
}

describe('stacks of a hung case', () => {
  test('the repro header says what recognised the hang and where each process waits', () => {
    const c = hung();
    const text = reproFile(buildReport([c]), c, stubRenderRepro);
    expect(text).toContain('# hang: recognised by quiescence after 2100 ms');
    expect(text).toContain('# where it hangs:');
    expect(text).toContain('#   main (pid 4): billiard/pool.py line 1779 in `wait`, waiting in threading.py line 320 in `wait`');
    expect(text).toContain('thread 2: billiard/pool.py line 563 in `body`');
    expect(text).toContain('#   pool (pid 12): billiard/pool.py line 444 in `_recv`, waiting in billiard/synchronize.py line 115 in `__enter__`');
  });

  test('no stacks, no lines; a run that did not hang has none', () => {
    expect(stackLines(buildCases()[0]!.observation)).toEqual([]);
    expect(stackLines(null)).toEqual([]);
  });

  test('report.json with stacks and hangBy is valid', () => {
    const report = JSON.parse(JSON.stringify(buildReport([hung()])));
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(reportSchema());
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });
});
