import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { siteFor } from './compiled-probe.js';
import { probeSiteDir } from '../probe/paths.js';
import { factsEnv } from './env.js';
import { findTokenProcesses, hasUnaccounted, lastPid } from './kill.js';
import type { ProbeEvent } from '../contracts/events.js';

const PY = ['/root/.pyenv/versions/3.12.1/bin/python3', '/usr/bin/python3', '/usr/bin/pypy3'].find((p) => existsSync(p)) ?? null;
const OLD = ['/root/.pyenv/versions/3.6.15/bin/python3', '/root/.pyenv/versions/2.7.18/bin/python'].find((p) => existsSync(p)) ?? null;
const scratch = mkdtempSync(join(tmpdir(), 'mpconform-compiled-probe-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A private copy of the probe's site dir (so the test may edit it) and a private cache. */
function fixture(): { site: string; base: string } {
  const root = mkdtempSync(join(scratch, 'f-'));
  const site = join(root, 'site');
  mkdirSync(site);
  cpSync(join(probeSiteDir(), 'sitecustomize.py'), join(site, 'sitecustomize.py'));
  return { site, base: join(root, 'cache') };
}

/** Which file Python took sitecustomize's code from (`python -v`). */
async function codeFrom(py: string, dir: string): Promise<string> {
  const r = await execa(py, ['-v', '-c', 'pass'], { env: { ...factsEnv(), PYTHONPATH: dir, MPCONFORM_EVENTS: join(scratch, 'ev.jsonl') }, extendEnv: false });
  return /code object from '?([^'\n]*sitecustomize[^'\n]*)'?/.exec(String(r.stderr))?.[1] ?? '';
}

describe.skipIf(PY === null)(`precompiled probe (${PY})`, () => {
  test('one site dir per interpreter, holding a copy and a .pyc the interpreter really loads', async () => {
    const { site, base } = fixture();
    const dir = await siteFor(PY!, site, base);
    expect(dir.startsWith(base)).toBe(true);
    expect(readFileSync(join(dir, 'sitecustomize.py'), 'utf8')).toBe(readFileSync(join(site, 'sitecustomize.py'), 'utf8'));
    const pycs = readdirSync(join(dir, '__pycache__'));
    expect(pycs).toHaveLength(1);
    expect(await codeFrom(PY!, dir)).toBe(join(dir, '__pycache__', pycs[0]!));
    expect(await siteFor(PY!, site, base)).toBe(dir); // memoized
    expect(readdirSync(base).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  test('an edited probe gets a new directory: the stale .pyc is never used', async () => {
    const { site, base } = fixture();
    const before = await siteFor(PY!, site, base);
    appendFileSync(join(site, 'sitecustomize.py'), '\n_MPCONFORM_TEST_EDIT = 1\n');
    const after = await siteFor(PY!, site, base);
    expect(after).not.toBe(before);
    expect(readFileSync(join(after, 'sitecustomize.py'), 'utf8')).toContain('_MPCONFORM_TEST_EDIT');
    const r = await execa(PY!, ['-c', 'import sitecustomize; print(sitecustomize._MPCONFORM_TEST_EDIT)'], { env: { ...factsEnv(), PYTHONPATH: after }, extendEnv: false });
    expect(String(r.stdout)).toBe('1');
  });

  test('a removed cache dir is made again', async () => {
    const { site, base } = fixture();
    const dir = await siteFor(PY!, site, base);
    rmSync(base, { recursive: true, force: true });
    expect(await siteFor(PY!, site, base)).toBe(dir);
    expect(existsSync(join(dir, 'sitecustomize.py'))).toBe(true);
  });

  test('concurrent requests race to rename into place and agree', async () => {
    const { site, base } = fixture();
    // same process, separate memo keys (the path as given differs): both race to rename into place
    const [a, b] = await Promise.all([siteFor(PY!, site, base), siteFor(`${PY!.replace(/\/([^/]+)$/, '/./$1')}`, site, base)]);
    expect(a).toBe(b);
    expect(readdirSync(base).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  test.skipIf(OLD === null)('an interpreter that cannot compile one falls back to the source site dir', async () => {
    const { site, base } = fixture();
    expect(await siteFor(OLD!, site, base)).toBe(site);
    expect(await siteFor('/nonexistent/python3', site, base)).toBe(site);
  });
});

describe('/proc scans', () => {
  test('the narrowed scan finds a process started after `since`, and not one started before', async () => {
    const token = `t${Date.now()}`;
    const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', MPCONFORM_RUN_TOKEN: token };
    const before = execa('sleep', ['30'], { env, extendEnv: false, reject: false });
    await new Promise((r) => setTimeout(r, 50));
    const since = lastPid();
    expect(since).not.toBeNull();
    const after = execa('sleep', ['30'], { env, extendEnv: false, reject: false, detached: true });
    await new Promise((r) => setTimeout(r, 50));
    try {
      expect(findTokenProcesses(token).sort()).toEqual([before.pid!, after.pid!].sort());
      expect(findTokenProcesses(token, since)).toEqual([after.pid!]);
    } finally {
      before.kill('SIGKILL');
      after.kill('SIGKILL');
      await Promise.all([before, after]);
    }
  });

  test('unaccounted processes: neither an exit event nor an exit code seen by the parent', () => {
    const ev = (e: object): ProbeEvent => ({ t: 0, ...e }) as ProbeEvent;
    const base = [ev({ ev: 'start', pid: 10, ppid: 1, kind: 'main', argv: '', py: '' }), ev({ ev: 'started', pid: 10, child: 11, name: 'w', method: 'fork', target: null, lib: 'multiprocessing' })];
    expect(hasUnaccounted(base, 10)).toBe(true);
    expect(hasUnaccounted([...base, ev({ ev: 'exitcode', pid: 10, child: 11, name: 'w', code: 0 })], 10)).toBe(false);
    expect(hasUnaccounted([...base, ev({ ev: 'exit', pid: 11, how: 'bootstrap', code: 0 })], 10)).toBe(false);
    expect(hasUnaccounted([...base, ev({ ev: 'exit', pid: 11, how: 'bootstrap', code: 0 })], 99)).toBe(true); // main not seen
  });
});
