/**
 * One error base: every error class in src/ extends MpconformError (src/errors), directly or
 * through another of ours, so the CLI can recognise them by `instanceof`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { describeError } from '../../src/cli/errors.js';
import { MpconformError } from '../../src/errors/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? listTs(p) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('errors', () => {
  test('every error class in src/ extends MpconformError', () => {
    const parent = new Map<string, { base: string; file: string }>();
    for (const file of listTs(join(ROOT, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/class\s+(\w+)(?:<[^>]*>)?\s+extends\s+(\w+)/g)) {
        parent.set(m[1]!, { base: m[2]!, file: relative(ROOT, file) });
      }
    }
    const reaches = (name: string, seen = new Set<string>()): boolean => {
      if (name === 'MpconformError') return true;
      const p = parent.get(name);
      if (p === undefined || seen.has(name)) return false;
      seen.add(name);
      return reaches(p.base, seen);
    };
    const errors = [...parent].filter(([name, p]) => name !== 'MpconformError' && (name.endsWith('Error') || p.base.endsWith('Error')));
    expect(errors.length).toBeGreaterThan(10);
    expect(errors.filter(([name]) => !reaches(name)).map(([name, p]) => `${p.file}: ${name} extends ${p.base}`)).toEqual([]);
  });

  test('the CLI recognises them by instanceof: ours exit 2 with the one line, anything else is internal', () => {
    expect(describeError(new MpconformError('E_USAGE', 'bad'))).toEqual({ code: 2, line: expect.stringMatching(/^mpconform: bad/) });
    expect(describeError(new MpconformError('E_CANCELLED', 'run cancelled')).code).toBe(130);
    const foreign = Object.assign(new Error('looks like ours'), { code: 'E_LOOKALIKE' });
    expect(describeError(foreign)).toEqual({ code: 3, line: 'mpconform: internal error: looks like ours' });
  });
});
