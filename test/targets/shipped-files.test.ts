/**
 * The files shipped for pool-library authors: schema/target.schema.json agrees with the data-file
 * loader on the example, and every expectations/<target>.json parses, is the default for its
 * target and cites the library's source.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { LIBRARY_IDS } from '../../src/contracts/libraries.js';
import { parseDeviations } from '../../src/deviations/index.js';
import { expectationFiles, shippedExpectations } from '../../src/targets/expectations.js';
import { parseTargetFile } from '../../src/targets/file/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'target.schema.json'), 'utf8')) as object;
const example = JSON.parse(readFileSync(join(ROOT, 'examples', 'tinypool', 'mpconform-target.json'), 'utf8')) as Record<string, unknown>;

describe('schema/target.schema.json', () => {
  const validate = new Ajv2020({ strict: false }).compile(schema);
  it('accepts the example, as the loader does', () => {
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(parseTargetFile(example, 'x.json').id).toBe('tinypool');
  });
  const bad: [string, (o: Record<string, unknown>) => void][] = [
    ['free Python', (o) => { (o['context'] as Record<string, unknown>)['get'] = "tinypool.get_context('spawn'); import os"; }],
    ['a string literal argument', (o) => { (o['startMethod'] as Record<string, unknown>)['set'] = "tinypool.set_start_method('x')"; }],
    ['an unknown key', (o) => { o['extra'] = 1; }],
    ['a missing key', (o) => { delete o['imports']; }],
    ['an import with a statement', (o) => { o['imports'] = ['import os; os.system("x")']; }],
    ['an unknown feature', (o) => { o['lacks'] = ['threads']; }],
    ['version 2', (o) => { o['version'] = 2; }],
  ];
  for (const [what, edit] of bad) {
    it(`rejects ${what}, as the loader does`, () => {
      const o = structuredClone(example);
      edit(o);
      expect(validate(o)).toBe(false);
      expect(() => parseTargetFile(o, 'x.json')).toThrow(/^x\.json: /);
    });
  }
});

describe('expectations/', () => {
  const files = readdirSync(join(ROOT, 'expectations')).filter((f) => f.endsWith('.json'));
  it('has a file only for shipped targets, each applied by default for its target and not with --expectations none', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const id = f.replace(/\.json$/, '');
      expect(LIBRARY_IDS).toContain(id);
      expect(shippedExpectations(id)).toBe(join(ROOT, 'expectations', f));
      expect(expectationFiles(null, [id])).toEqual([join(ROOT, 'expectations', f)]);
      expect(expectationFiles('none', [id])).toEqual([]);
      expect(expectationFiles('mine.json', [id])).toEqual(['mine.json']);
    }
    expect(expectationFiles(null, ['multiprocessing'])).toEqual([]);
  });
  for (const f of files) {
    it(`${f} parses, is about its own target only, and gives the library's source line as each reason`, () => {
      const path = join(ROOT, 'expectations', f);
      const d = parseDeviations(readFileSync(path, 'utf8'), path);
      expect(d.deviations.length).toBeGreaterThan(0);
      for (const e of d.deviations) {
        expect(e.target).toBe(f.replace(/\.json$/, ''));
        expect(e.reason).toMatch(/\.py:\d+/);
        expect(e.link).toMatch(/^https:\/\//);
      }
    });
  }
});
