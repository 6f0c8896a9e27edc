import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { factsEnv } from '../../src/execute/env.js';
import { parseEvents } from '../../src/contracts/events.js';
import { EVENTS_ENV } from '../../src/contracts/env.js';
import { probeSiteDir } from '../../src/probe/paths.js';
import { run } from './harness.js';
import { REIMPORT_COUNT } from './programs.js';
import { available, python } from '../support/pythons.js';

const scratch = mkdtempSync(join(tmpdir(), 'mpconform-probe-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs main.py directly (no probe), with the same minimal environment the harness uses. */
async function direct(py: string, source: string): Promise<string> {
  const dir = mkdtempSync(join(scratch, 'direct-'));
  writeFileSync(join(dir, 'main.py'), source);
  const r = await execa(py, ['main.py'], { cwd: dir, env: factsEnv(), extendEnv: false, reject: false });
  return String(r.stdout);
}

const sorted = (text: string): string[] => text.split('\n').filter((l) => l !== '').sort();

const { present, missing } = available(['3.7', '3.8', '3.10', '3.11', '3.12', '3.13', 'pypy']);
describe.skipIf(present.length === 0)(`the probe does not change behaviour (${present.map(([m]) => m).join(', ')}${missing.length ? `; missing ${missing.join(', ')}` : ''})`, () => {
  test('spawn and forkserver children re-import main as __mp_main__ exactly as without the probe', async () => {
    await Promise.all(present.map(async ([m, py]) => {
      const [plain, probed] = await Promise.all([direct(py, REIMPORT_COUNT), run(py, REIMPORT_COUNT)]);
      const lines = sorted(plain);
      expect(lines.filter((l) => l === 'top __mp_main__').length, m).toBe(2); // spawn + forkserver
      expect(sorted(probed.o.stdout.head), m).toEqual(lines);
      expect(probed.o.stderr.totalBytes, m).toBe(0);
      // and the probe saw all three children, named, with their start methods
      const kids = probed.o.processes.filter((p) => p.name?.startsWith('w-'));
      expect(kids.map((p) => `${p.name}:${p.startMethod}:${p.outcome}`).sort(), m).toEqual(['w-fork:fork:ok', 'w-forkserver:forkserver:ok', 'w-spawn:spawn:ok']);
      expect(probed.o.processes.some((p) => p.role === 'forkserver'), m).toBe(true);
    }));
  });
});

describe('the probe chains to the sitecustomize it shadows', () => {
  const py = python('3.12');
  test.skipIf(py === null)('a sitecustomize later on sys.path still runs, after the probe is set up', async () => {
    const other = join(scratch, 'other');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'sitecustomize.py'), "print('OTHER-SITECUSTOMIZE')\n");
    const events = join(scratch, 'events.jsonl');
    const r = await execa(py!, ['-c', 'import sitecustomize; print(sitecustomize.__file__)'], {
      env: { ...factsEnv(), PYTHONPATH: `${probeSiteDir()}:${other}`, [EVENTS_ENV]: events }, extendEnv: false,
    });
    expect(String(r.stdout).split('\n')).toEqual(['OTHER-SITECUSTOMIZE', join(other, 'sitecustomize.py')]);
    expect(parseEvents(readFileSync(events, 'utf8')).map((e) => e.ev)).toEqual(['start', 'exit']);
  });

  test.skipIf(py === null)('with no sitecustomize to chain, the probe adds only itself and two built-in modules to sys.modules (importlib is not imported)', async () => {
    const code = "import sys; print(' '.join(sorted(sys.modules)))";
    const names = async (env: Record<string, string>): Promise<string[]> => String((await execa(py!, ['-c', code], { env: { ...factsEnv(), ...env }, extendEnv: false })).stdout).split(' ');
    const bare = await names({});
    const probed = await names({ PYTHONPATH: probeSiteDir(), [EVENTS_ENV]: join(scratch, 'modules.jsonl') });
    expect(bare).not.toContain('sitecustomize'); // this interpreter has none of its own
    expect(probed.filter((m) => !bare.includes(m)).sort()).toEqual(['atexit', 'faulthandler', 'sitecustomize']);
  });

  const debian = python('debian');
  test.skipIf(debian === null)("Debian's own /usr/lib/python3.X/sitecustomize.py is still loaded", async () => {
    const r = await execa(debian!, ['-c', 'import sitecustomize; print(sitecustomize.__file__)'], {
      env: { ...factsEnv(), PYTHONPATH: probeSiteDir(), [EVENTS_ENV]: join(scratch, 'debian.jsonl') }, extendEnv: false,
    });
    expect(String(r.stdout)).toMatch(/^\/usr\/lib\/python3\.\d+\/sitecustomize\.py$/);
  });
});
