/**
 * Flakiness and determinism: a disagreement is re-run before it is reported; one that comes and
 * goes is `flaky` with its rate; the same seed gives the same verdicts, with 1 job or 8 jobs on a
 * loaded machine with hangs mixed in.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { probeInterpreter } from '../../src/interpreters/probe.js';
import { evaluateSettled } from '../../src/run/reruns.js';
import type { Scenario } from '../../src/scenario/types.js';
import { python } from '../support/pythons.js';

const py310 = python('3.10');
const py312 = python('3.12');
const scratch = mkdtempSync(join(tmpdir(), 'mpconform-flaky-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fork-context Lock used by a spawn child: SIGSEGV in the child up to 3.11.4, RuntimeError in the parent from 3.11.5. */
const SEMLOCK: Scenario = { version: 1, steps: [
  { op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'fork' },
  { op: 'start', at: 'main', id: 1, worker: 'process', ctx: 'spawn', pass: [{ obj: 0, via: 'process-arg' }], action: 'use', target: 'function', grandchild: null },
] };

/**
 * A real interpreter whose behaviour comes and goes: a launcher that runs the program on 3.12 or
 * 3.10 by the pattern given (one letter per run), counting its runs. Every process is real.
 */
function launcher(name: string, pattern: string): { path: string; runs: () => number } {
  const count = join(scratch, `${name}.count`);
  writeFileSync(count, '');
  const path = join(scratch, name);
  writeFileSync(path, `#!/bin/sh
case "$1" in main.py) ;; *) exec ${py310} "$@" ;; esac
n=$(wc -c < ${count}); printf x >> ${count}
pattern=${pattern}
c=$(echo "$pattern" | cut -c$((n % \${#pattern} + 1)))
if [ "$c" = "b" ]; then exec ${py312} "$@"; else exec ${py310} "$@"; fi
`);
  chmodSync(path, 0o755);
  return { path, runs: () => readFileSync(count, 'utf8').length };
}

describe.skipIf(py310 === null || py312 === null)('re-running disagreements (3.10 facts; the program runs on 3.10 or 3.12)', () => {
  test('a disagreement every time: re-run K times, then fail (no rate)', async () => {
    const l = launcher('always-bad', 'b');
    const facts = { ...(await probeInterpreter(py310!)), path: l.path, executable: l.path };
    const s = await evaluateSettled(SEMLOCK, { facts, target: 'multiprocessing', timeoutMs: 20_000 }, 2);
    expect(s.evaluation.verdict.kind).toBe('fail');
    expect(s.failureRate).toBeNull();
    expect(l.runs()).toBe(3);
  });

  test('a disagreement that comes and goes: flaky, with its rate', async () => {
    const l = launcher('sometimes-bad', 'bgbg'); // runs: bad, good, bad, good
    const facts = { ...(await probeInterpreter(py310!)), path: l.path, executable: l.path };
    const s = await evaluateSettled(SEMLOCK, { facts, target: 'multiprocessing', timeoutMs: 20_000 }, 3);
    expect(l.runs()).toBe(4);
    expect(s.evaluation.verdict.kind).toBe('flaky');
    expect(s.failureRate).toBe(0.5);
    expect(s.evaluation.verdict.reason).toBe('disagreed in 2 of 4 runs');
  });

  test('agreement on the first run is not re-run', async () => {
    const l = launcher('good', 'g');
    const facts = { ...(await probeInterpreter(py310!)), path: l.path, executable: l.path };
    const s = await evaluateSettled(SEMLOCK, { facts, target: 'multiprocessing', timeoutMs: 20_000 }, 2);
    expect(s.evaluation.verdict.kind).toBe('pass');
    expect(l.runs()).toBe(1);
  });
});

type Report = { complete: boolean; cases: { id: string; verdict: { kind: string }; observation: { end: { kind: string } } | null }[] };

describe.skipIf(py312 === null)('same seed → same verdicts (real CLI, 3.12)', () => {
  test('1 job, then 8 jobs twice at once on 2 cores with hangs mixed in: identical verdicts', async () => {
    const run = async (jobs: number, dir: string): Promise<Report> => {
      const r = await execa('node', ['--import', 'tsx', 'src/cli/main.ts', 'run', '--python', py312!, '--family', 'guard-bootstrapping',
        '--runs', '12', '--seed', '20240607', '--jobs', String(jobs), '--no-shrink', '--report-dir', join(scratch, dir)], { reject: false });
      expect([0, 1], String(r.stderr)).toContain(r.exitCode);
      return JSON.parse(readFileSync(join(scratch, dir, 'report.json'), 'utf8')) as Report;
    };
    const one = await run(1, 'jobs1');
    const [eightA, eightB] = await Promise.all([run(8, 'jobs8a'), run(8, 'jobs8b')]);
    const verdicts = (r: Report) => Object.fromEntries(r.cases.map((c) => [c.id, `${c.verdict.kind}/${c.observation?.end.kind ?? '-'}`]));
    const hangs = one.cases.filter((c) => c.observation?.end.kind === 'hang').length;
    console.log(`[reliability] determinism: ${one.cases.length} cases, ${hangs} hangs; 1 job vs 2×8 jobs`);
    expect(one.complete && eightA.complete && eightB.complete).toBe(true);
    expect(hangs).toBeGreaterThan(0);
    expect(verdicts(eightA)).toEqual(verdicts(one));
    expect(verdicts(eightB)).toEqual(verdicts(one));
  });
});
