import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InterpreterFacts } from '../model/facts.js';
import { EnvironmentNotFoundError, EnvironmentsInvalidError, environmentPython, environmentsManifest, parseEnvironments, readEnvironments, selectForTargets } from './environments.js';

const facts = (path: string, source: InterpreterFacts['source'], targets: Record<string, string | null>): InterpreterFacts => ({
  path, source, executable: path, implementation: 'cpython', version: '3.12.1', versionInfo: [3, 12, 1], platform: 'linux',
  startMethods: ['fork', 'spawn', 'forkserver'], defaultMethod: 'fork', targets: { multiprocessing: '3.12.1', ...targets },
});

describe('environments manifest', () => {
  it('is found through MPCONFORM_ENVS, else under ~/.cache/mpconform/envs', () => {
    expect(environmentsManifest({ MPCONFORM_ENVS: '/x/envs' })).toBe('/x/envs/manifest.json');
    expect(environmentsManifest({ HOME: '/home/u' })).toBe('/home/u/.cache/mpconform/envs/manifest.json');
  });
  it('is optional: no file, no environments', () => {
    expect(readEnvironments({ MPCONFORM_ENVS: '/nonexistent/mpconform-envs' })).toEqual([]);
  });
  it('is validated field by field', () => {
    expect(() => parseEnvironments({ environments: [{ name: 'a', python: 'rel/python', base: '/b', libraries: {} }] }, 'm.json'))
      .toThrow(new EnvironmentsInvalidError('m.json', 'environments[0].python', 'an absolute path', 'rel/python'));
    expect(() => parseEnvironments({ environments: [{ name: 'a', python: '/p', base: '/b', libraries: { billiard: 4 } }] }, 'm.json'))
      .toThrow(/m\.json: environments\[0\]\.libraries\.billiard: expected a release string or null, got 4/);
    expect(() => parseEnvironments({}, 'm.json')).toThrow(/environments: expected an array/);
  });
  it('resolves env:<name>, and names the known ones when it is not there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpc-envs-'));
    try {
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ environments: [{ name: 'cpython-3.12.1-pyenv', python: '/e/bin/python', base: '/b/python3', libraries: { mpire: '2.10.2' } }] }));
      const env = { MPCONFORM_ENVS: dir };
      expect(environmentPython('env:cpython-3.12.1-pyenv', env)).toBe('/e/bin/python');
      expect(environmentPython('/usr/bin/python3', env)).toBeNull();
      expect(() => environmentPython('env:nope', env)).toThrow(EnvironmentNotFoundError);
      expect(() => environmentPython('env:nope', env)).toThrow(/known: cpython-3\.12\.1-pyenv/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--python all for targets', () => {
  // /usr/bin/python3 stands for a base whose env is a venv of it; realpaths of fake paths are themselves
  const base = facts('/usr/bin/python3', 'path', { billiard: '4.1.0' });
  const plain = facts('/opt/py/3.8/bin/python3', 'pyenv', {});
  const env = facts('/envs/cpython-3.11.2-debian/bin/python', 'env', { billiard: '4.3.2' });
  it('is the plain interpreters for stdlib targets', () => {
    expect(selectForTargets([base, plain, env], ['multiprocessing'], ['billiard']).map((f) => f.path)).toEqual([base.path, plain.path]);
  });
  it('is the interpreters that have a library target (a base stays when no environment of it has the library)', () => {
    expect(selectForTargets([base, plain, env], ['billiard'], ['billiard']).map((f) => f.path)).toEqual([base.path, env.path]);
  });
});
