// A library's own Dialect object runs through the whole engine (no fork of mpconform needed).
import { expect, test } from 'vitest';
import { corpus } from '../../scenarios/index.js';
import { runConformance } from '../../src/run/run.js';
import { moduleDialect } from '../../src/targets/index.js';
import { pythonsOf } from '../support/pythons.js';

const python = pythonsOf(['3.12', '3.11', '3.10', '3.13'])[0];

test.skipIf(!python)(`runConformance with a Dialect object on ${python?.label ?? 'no interpreter — skipped: none found'}`, async () => {
  // "ourmp": the stdlib under another id, as a drop-in library would describe itself
  const ourmp = moduleDialect({ id: 'ourmp', module: 'multiprocessing', executor: true });
  const scenarios = corpus.filter((c) => ['set-start-method-twice', 'get-context-nope'].includes(c.name)).map((c) => c.scenario);
  const report = await runConformance({
    runId: 'custom', toolVersion: '0', interpreters: [python!.facts], targets: [ourmp],
    families: [{ name: 'corpus', summary: '', kind: 'fixed', scenarios }],
    runs: 1, seed: 1, jobs: 2, timeoutMs: 30_000, shard: null, reruns: 0, shrink: false,
  });
  expect(report.targets).toEqual(['ourmp']);
  expect(report.cases.map((c) => [c.target, c.verdict.kind])).toEqual([['ourmp', 'pass'], ['ourmp', 'pass']]);
  expect(report.cases[0]!.expectation.processes.length).toBeGreaterThan(0);
});
