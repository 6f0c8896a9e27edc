import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { python } from '../support/pythons.js';
import { FORK_WORKS } from './programs.js';

const scratch = mkdtempSync(join(tmpdir(), 'mpconform-cli-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const cli = (args: string[]) => execa('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { reject: false, cwd: process.cwd() });

describe('mpconform CLI', () => {
  test('--help lists the verbs; <verb> --help prints usage; exit 0', async () => {
    const [top, verb] = await Promise.all([cli(['--help']), cli(['observe', '--help'])]);
    expect(top.exitCode).toBe(0);
    expect(top.stdout).toMatch(/observe\s+run a Python program/);
    expect(top.stdout).toMatch(/pythons\s+list interpreters/);
    expect(verb.exitCode).toBe(0);
    expect(verb.stdout).toMatch(/^usage: mpconform observe FILE\.py/);
  });

  test('bad usage and bad input: exit 2, one line on stderr, no stack trace', async () => {
    const results = await Promise.all([
      cli(['frobnicate']),
      cli(['observe']),
      cli(['observe', join(scratch, 'missing.py')]),
      cli(['observe', '--bogus', 'x.py']),
      cli(['observe', __filename, '--python', '/nonexistent/python3']),
      cli(['observe', __filename, '--timeout', '-1']),
      cli(['pythons', '--python', '/root/.pyenv/versions/2.7.18/bin/python']),
    ]);
    for (const r of results) {
      expect(r.exitCode, r.stderr).toBe(2);
      expect(r.stderr.split('\n').filter((l) => !l.startsWith('npm warn')).length, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/^mpconform: /);
    }
  });

  const py = python('3.12');
  test.skipIf(py === null)('observe prints a readable tree, or JSON with --json', async () => {
    const file = join(scratch, 'works.py');
    writeFileSync(file, FORK_WORKS);
    const [text, json] = await Promise.all([cli(['observe', file, '--python', py!]), cli(['observe', file, '--python', py!, '--json'])]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/main {2}pid \d+ {2}→ ok/);
    expect(text.stdout).toMatch(/ {4}w1 {2}pid \d+ {2}child {2}fork {2}→ ok/);
    expect(text.stdout).toMatch(/ {6}w1\.g {2}pid \d+ {2}grandchild {2}fork {2}→ ok/);
    expect(text.stdout).toContain('w1.global = changed');
    const parsed = JSON.parse(json.stdout) as { observation: { processes: { label: string | null; outcome: string }[] }; python: { version: string } };
    expect(parsed.python.version).toBe('3.12.1');
    expect(parsed.observation.processes.filter((p) => p.label !== null).map((p) => `${p.label}:${p.outcome}`)).toEqual(['main:ok', 'w1:ok', 'w1.g:ok']);
  });

  test.skipIf(py === null)('pythons --python P --json', async () => {
    const r = await cli(['pythons', '--python', py!, '--json']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([{ status: 'ok', path: py, facts: { version: '3.12.1' } }]);
  });
});
