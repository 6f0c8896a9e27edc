/**
 * `mpconform replay` as a check (CI, `git bisect run`): exit 1 while the case still disagrees,
 * 0 once it does not. The disagreement is real: a venv whose .pth file makes
 * multiprocessing.set_start_method() always force, so "context has already been set" never comes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { writeReports } from '../../src/report/index.js';
import { buildCases, buildReport } from './fixtures.js';

const BREAK = "import multiprocessing as _m; _s = _m.context._default_context; _o = type(_s).set_start_method; _m.set_start_method = lambda method, force=False, _o=_o, _s=_s: _o(_s, method, True)\n";

function venv(dir: string): string | null {
  try {
    execFileSync('python3', ['-m', 'venv', '--without-pip', dir], { stdio: 'ignore', timeout: 60_000 });
    return join(dir, 'bin', 'python');
  } catch {
    return null;
  }
}

let dir: string;
let broken: string | null = null;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mpconform-replay-exit-'));
  broken = venv(join(dir, 'venv'));
  if (broken) {
    const site = execFileSync(broken, ['-c', 'import site; print(site.getsitepackages()[0])'], { encoding: 'utf8' }).trim();
    await writeFile(join(site, 'mp_broken.pth'), BREAK);
  }
  // the fixture's set-twice case (spawn, then fork without force: context-already-set)
  const twice = buildCases().filter((c) => c.scenario.name === 'set-twice').slice(0, 1).map((c) => ({ ...c, python: 'python3' }));
  await writeReports(buildReport(twice), join(dir, 'r'));
}, 90_000);
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function replay(...argv: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((t) => { out.push(String(t)); return true; });
  try { return { code: await main(['replay', ...argv]), out: out.join('') }; } finally { spy.mockRestore(); }
}

describe('mpconform replay exit status', () => {
  it('exits 1 while the case still disagrees, naming how often and where', async () => {
    if (!broken) return void console.warn('python3 -m venv unavailable: skipped');
    const id = buildCases().find((c) => c.scenario.name === 'set-twice')!.id;
    const r = await replay(join(dir, 'r', 'report.json'), '--case', id, '--python', broken, '--runs', '2');
    expect(r.out).toContain('still disagrees (2 of 2 runs)');
    expect(r.out).toContain('main: expected context-already-set, observed ok');
    expect(r.code).toBe(1);
  }, 120_000);

  it('exits 0 on an interpreter where it agrees', async () => {
    const id = buildCases().find((c) => c.scenario.name === 'set-twice')!.id;
    const r = await replay(join(dir, 'r', 'report.json'), '--case', id);
    expect(r.out).toContain('no longer disagrees (0 of 1 runs)');
    expect(r.code).toBe(0);
  }, 120_000);
});
