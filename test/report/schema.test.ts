import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReport, reportSchema, writeReports, ReportInvalidError } from '../../src/report/index.js';
import { checkSchema } from '../../src/report/schema-check.js';
import { buildReport } from './fixtures.js';

let dir: string;
let written: unknown;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mpconform-schema-test-'));
  await writeReports(buildReport(), dir);
  written = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(reportSchema());

/** Deep copy with one change applied. */
function broken(mutate: (r: any) => void): unknown {
  const copy = structuredClone(written);
  mutate(copy);
  return copy;
}

const BREAKAGES: [string, (r: any) => void, RegExp][] = [
  ['wrong schemaVersion', (r) => { r.schemaVersion = 2; }, /^\/schemaVersion: must be 1/],
  ['missing totals', (r) => { delete r.totals; }, /missing required property "totals"/],
  ['unknown verdict', (r) => { r.cases[2].verdict.kind = 'meh'; }, /^\/cases\/2\/verdict\/kind: must be one of/],
  ['bad outcome id', (r) => { r.cases[0].observation.processes[0].outcome = 'exploded'; }, /^\/cases\/0\/observation\/processes\/0\/outcome: "exploded" does not match/],
  ['bad step field', (r) => { r.cases[0].scenario.steps[0].method = 'thread'; }, /^\/cases\/0\/scenario\/steps\/0\/method: must be one of fork, spawn, forkserver/],
  ['typo at top level', (r) => { r.case = []; }, /^\/case: unknown property/],
  ['failure rate above 1', (r) => { r.cases[6].failureRate = 3; }, /^\/cases\/6\/failureRate/],
  ['versionInfo too short', (r) => { r.interpreters[0].versionInfo = [3, 11]; }, /^\/interpreters\/0\/versionInfo: must have at least 3 items/],
];

describe('schema/report.schema.json', () => {
  it('is documented and versioned', () => {
    const s = reportSchema() as { $schema: string; properties: Record<string, { description?: string }> };
    expect(s.$schema).toContain('2020-12');
    for (const [k, v] of Object.entries(s.properties)) expect(v.description, k).toBeTruthy();
  });

  it('accepts a written report (ajv and the built-in checker agree)', () => {
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
    expect(checkSchema(reportSchema(), written)).toBeNull();
  });

  it.each(BREAKAGES)('rejects %s, in ajv and with a pointed message', (_, mutate, message) => {
    const bad = broken(mutate);
    expect(validate(bad)).toBe(false);
    expect(checkSchema(reportSchema(), bad)).toMatch(message);
  });
});

describe('readReport', () => {
  it('reads back what writeReports wrote', async () => {
    const r = await readReport(join(dir, 'report.json'));
    expect(r.totals.cases).toBe(14);
  });

  it('names the file and the first problem', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(broken((r) => { r.cases[2].verdict.kind = 'meh'; })));
    const err = await readReport(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReportInvalidError);
    expect((err as ReportInvalidError).code).toBe('E_REPORT_INVALID');
    expect((err as Error).message).toMatch(new RegExp(`^${file}: not a valid mpconform report \\(schemaVersion 1\\): /cases/2/verdict/kind: must be one of`));
  });

  it('reports non-JSON and missing files in one line', async () => {
    const file = join(dir, 'trunc.json');
    await writeFile(file, '{"schemaVersion": 1, "cases": [');
    await expect(readReport(file)).rejects.toThrow(/trunc\.json: not JSON/);
    await expect(readReport(join(dir, 'nope.json'))).rejects.toThrow(/nope\.json: cannot read: ENOENT/);
  });
});
