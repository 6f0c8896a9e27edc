import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { candidates, cpythonCacheDir } from './discover.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fakeBinary(path: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
}

describe('candidates: the CPython build cache', () => {
  it('lists <cache>/<X.Y.Z>/bin/python3.Y of complete builds only, in version-directory order', () => {
    const home = mkdtempSync(join(tmpdir(), 'mpc-discover-'));
    dirs.push(home);
    const cache = join(home, 'builds');
    fakeBinary(join(cache, '3.13.15', 'bin', 'python3.13'));
    fakeBinary(join(cache, '3.13.5', 'bin', 'python3.13'));
    mkdirSync(join(cache, '3.14.0', 'bin'), { recursive: true }); // a build still under way: no binary yet
    fakeBinary(join(cache, 'src', 'bin', 'python3.13')); // not a version directory
    const env = { HOME: home, PATH: '', MPCONFORM_CPYTHON_CACHE: cache };
    expect(candidates(env)).toEqual([
      { path: join(cache, '3.13.15', 'bin', 'python3.13'), source: 'build' },
      { path: join(cache, '3.13.5', 'bin', 'python3.13'), source: 'build' },
    ]);
  });

  it('defaults to ~/.cache/mpconform/cpython', () => {
    expect(cpythonCacheDir({ HOME: '/home/u' })).toBe(join('/home/u', '.cache', 'mpconform', 'cpython'));
    expect(cpythonCacheDir({ HOME: '/home/u', MPCONFORM_CPYTHON_CACHE: '' })).toBe(join('/home/u', '.cache', 'mpconform', 'cpython'));
    expect(cpythonCacheDir({ HOME: '/home/u', MPCONFORM_CPYTHON_CACHE: '/x' })).toBe('/x');
  });
});
