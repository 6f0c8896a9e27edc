import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { InterpreterBrokenError, InterpreterMissingError, InterpreterUnsupportedError } from '../../src/errors/interpreter.js';
import { discoverInterpreters, probeInterpreter } from '../../src/interpreters/index.js';
import { python } from '../support/pythons.js';

const scratch = mkdtempSync(join(tmpdir(), 'mpconform-interp-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('probeInterpreter', () => {
  const py = python('3.12');
  test.skipIf(py === null)('facts of CPython 3.12', async () => {
    const f = await probeInterpreter(py!);
    expect(f).toMatchObject({ implementation: 'cpython', version: '3.12.1', versionInfo: [3, 12, 1], platform: 'linux', defaultMethod: 'fork', path: py, source: 'explicit' });
    expect([...f.startMethods].sort()).toEqual(['fork', 'forkserver', 'spawn']);
    expect(f.targets['multiprocessing']).toBe('3.12.1');
    expect(f.targets['concurrent.futures']).toBe('3.12.1');
    expect(f.targets).toHaveProperty('billiard');
    // second call: cached (memory), same facts
    const t0 = Date.now();
    expect(await probeInterpreter(py!, { source: 'pyenv' })).toEqual({ ...f, source: 'pyenv' });
    expect(Date.now() - t0).toBeLessThan(50);
  });

  const pypy = python('pypy');
  test.skipIf(pypy === null)('PyPy is pypy, with its targets', async () => {
    const f = await probeInterpreter(pypy!);
    expect(f.implementation).toBe('pypy');
    expect(f.version).toMatch(/^3\.\d+\.\d+$/);
  });

  test.skipIf(python('3.7') === null)('Python 2.7 and 3.6 are unsupported, naming path and version', async () => {
    for (const [path, v] of [['/root/.pyenv/versions/2.7.18/bin/python', '2.7.18'], ['/root/.pyenv/versions/3.6.15/bin/python3', '3.6.15']] as const) {
      const e = await probeInterpreter(path).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InterpreterUnsupportedError);
      expect((e as Error).message).toBe(`interpreter ${path}: Python ${v} is unsupported (need 3.7 or newer)`);
      expect((e as InterpreterUnsupportedError).code).toBe('E_INTERPRETER_UNSUPPORTED');
    }
  });

  test('missing, directory, not executable, garbage: one-line errors naming the path', async () => {
    const garbage = join(scratch, 'garbage');
    writeFileSync(garbage, '#!/bin/sh\necho hello world\n');
    chmodSync(garbage, 0o755);
    const plain = join(scratch, 'plain');
    writeFileSync(plain, 'x');
    chmodSync(plain, 0o644);
    const cases: [string, new (...a: never[]) => Error, string][] = [
      ['/nonexistent/python3', InterpreterMissingError, 'E_INTERPRETER_MISSING'],
      ['no-such-python-on-path', InterpreterMissingError, 'E_INTERPRETER_MISSING'],
      [scratch, InterpreterBrokenError, 'E_INTERPRETER_BROKEN'],
      [plain, InterpreterBrokenError, 'E_INTERPRETER_BROKEN'],
      [garbage, InterpreterBrokenError, 'E_INTERPRETER_BROKEN'],
    ];
    for (const [path, type, code] of cases) {
      const e = await probeInterpreter(path).catch((x: unknown) => x);
      expect(e, path).toBeInstanceOf(type);
      expect((e as { code: string }).code).toBe(code);
      expect((e as Error).message).toContain(path);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});

describe('discoverInterpreters', () => {
  test.skipIf(python('3.12') === null)('finds pyenv and PATH interpreters once each; lists unsupported ones with the reason', async () => {
    const found = await discoverInterpreters();
    const paths = found.map((d) => d.path);
    expect(paths).toContain('/root/.pyenv/versions/3.12.1/bin/python3');
    expect(new Set(paths).size).toBe(paths.length);
    const py27 = found.find((d) => d.path.includes('2.7.18'));
    expect(py27).toMatchObject({ status: 'unusable', code: 'E_INTERPRETER_UNSUPPORTED' });
    if (python('debian') !== null) expect(found.filter((d) => d.status === 'ok' && d.facts.executable.startsWith('/usr/bin/python3')).length).toBe(1);
    expect(paths.some((p) => p.includes('/shims/'))).toBe(false);
  });
});
