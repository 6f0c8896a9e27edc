/**
 * SIGINT and SIGTERM sent to a real `mpconform run` in the middle of a run: the children are ended,
 * the partial report is written and marked incomplete, the exit code is 130 / 143.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { python } from '../support/pythons.js';
import { holdingsOf, leftOver } from './leakcheck.js';

const py = python('3.12') ?? python('3.13') ?? python('3.11');
const scratch = mkdtempSync(join(tmpdir(), 'mpconform-signals-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(py === null)(`an interrupted run (${py ?? 'no CPython 3.11+ found'})`, () => {
  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s in the middle: children ended, partial report marked incomplete, exit %i', async (sig, code) => {
    const dir = join(scratch, sig);
    const child = execa('node', ['--import', 'tsx', 'src/cli/main.ts', 'run', '--python', py!, '--family', 'guard-bootstrapping',
      '--runs', '400', '--jobs', '2', '--seed', '11', '--no-shrink', '--timeout', '30', '--report-dir', dir], { reject: false, cwd: process.cwd() });
    const pid = child.pid!;
    // wait until cases are running, then keep a record of what the trees hold (tokens, dirs, /dev/shm)
    const held = holdingsOf(pid);
    const t0 = Date.now();
    while (Date.now() - t0 < 20_000) {
      holdingsOf(pid, held);
      if (held.tokens.size >= 3 && held.pids.size > 0) break;
      await sleep(25);
    }
    expect(held.tokens.size, 'cases were running before the signal').toBeGreaterThan(0);
    holdingsOf(pid, held);
    process.kill(pid, sig);
    const r = await child;
    expect(r.exitCode, r.stderr).toBe(code);
    expect(r.stderr).toContain(`mpconform: ${sig}: stopping, ending children and writing the partial report`);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { complete: boolean; cases: unknown[]; totals: { cases: number } };
    expect(report.complete).toBe(false);
    expect(report.cases.length).toBeLessThan(400);
    expect(report.totals.cases).toBe(report.cases.length);
    expect(existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'summary.md')) && existsSync(join(dir, 'junit.xml'))).toBe(true);
    const left = leftOver(held);
    console.log(`[reliability] ${sig}: ${report.cases.length} cases in the partial report; trees seen ${held.tokens.size}, temp dirs ${held.dirs.size}, /dev/shm entries held ${held.shm.size}; left: ${JSON.stringify(left)}`);
    expect(left).toEqual({ processes: [], dirs: [], shm: [] });
  });
});
