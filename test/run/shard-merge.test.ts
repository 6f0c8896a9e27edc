// `run --shard 1/2` + `run --shard 2/2`, merged, must equal the unsharded run, case by case.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { pythonsOf } from '../support/pythons.js';
import type { RunReport } from '../../src/model/report.js';

const run = promisify(execFile);
const cli = ['--import', 'tsx', join(import.meta.dirname, '../../src/cli/main.ts')];
const dir = mkdtempSync(join(tmpdir(), 'mpconform-shard-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function mpconform(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const r = await run(process.execPath, [...cli, ...args], { env: { ...process.env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stderr: err.stderr ?? String(e) };
  }
}

const verdicts = (file: string) => {
  const r = JSON.parse(readFileSync(file, 'utf8')) as RunReport;
  return Object.fromEntries(r.cases.map((c) => [c.id, c.verdict.kind]));
};

// two interpreters on both sides of 3.11.5, where the fork-context SemLock check arrived
const pythons = pythonsOf(['3.10', '3.12', '3.11', '3.13']).slice(0, 2);

describe.skipIf(pythons.length === 0)(`sharding on ${pythons.map((p) => p.label).join(', ') || 'no interpreter — skipped: none found'}`, () => {
  test('shard 1/2 + shard 2/2, merged, equals the unsharded run', async () => {
    const common = ['run', ...pythons.flatMap((p) => ['--python', p.facts.path]), '--family', 'defaults', '--family', 'globals', '--runs', '3', '--seed', '99', '--jobs', '2', '--no-shrink'];
    const [whole, a, b] = await Promise.all([
      mpconform([...common, '--report-dir', join(dir, 'whole')]),
      mpconform([...common, '--shard', '1/2', '--report-dir', join(dir, 's1')]),
      mpconform([...common, '--shard', '2/2', '--report-dir', join(dir, 's2')]),
    ]);
    expect([whole.code, a.code, b.code], `${whole.stderr}\n${a.stderr}\n${b.stderr}`).toEqual([0, 0, 0]);
    const merged = await mpconform(['merge', join(dir, 's1'), join(dir, 's2'), '--report-dir', join(dir, 'merged')]);
    expect(merged.code, merged.stderr).toBe(0);
    const all = verdicts(join(dir, 'whole', 'report.json'));
    const s1 = verdicts(join(dir, 's1', 'report.json'));
    const s2 = verdicts(join(dir, 's2', 'report.json'));
    expect(Object.keys(s1).filter((id) => id in s2)).toEqual([]);
    expect(Object.keys(all).length).toBe(pythons.length * 6);
    expect(verdicts(join(dir, 'merged', 'report.json'))).toEqual(all);
    const report = JSON.parse(readFileSync(join(dir, 'merged', 'report.json'), 'utf8')) as RunReport;
    expect(report.complete).toBe(true);
  });

  test('--shard without --seed is refused with one line and exit 2', async () => {
    const r = await mpconform(['run', '--python', pythons[0]!.facts.path, '--shard', '1/2']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('mpconform:'))).toEqual(['mpconform: --shard needs an explicit --seed, so that every shard generates the same cases']);
  });
});
