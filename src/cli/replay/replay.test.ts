/**
 * `mpconform replay` of a data-file target's case: the report records the data file
 * (`targetFiles`), replay loads the same file (examples/tinypool's) and runs the case with it;
 * a missing file, an unrecorded one, or a library that does not import is one line and exit 2.
 * tinypool sits on sys.path of a fresh venv (a .pth file: what `pip install -e` amounts to).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../main.js';
import { writeReports } from '../../report/index.js';
import { reportSchema } from '../../report/read.js';
import { SCENARIO_MARK } from '../../run/repro.js';
import type { CaseResult } from '../../model/report.js';
import type { Scenario } from '../../scenario/types.js';
import { buildReport } from '../../../test/report/fixtures.js';
import { python, pythonFacts } from '../../../test/support/pythons.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const TINYPOOL = join(ROOT, 'examples', 'tinypool', 'mpconform-target.json');
/** spawn, then fork without force: the stdlib raises "context has already been set"; tinypool switches (main ends ok). */
const TWICE: Scenario = { version: 1, name: 'set-twice', steps: [
  { op: 'set-start-method', at: 'main', method: 'spawn', force: false },
  { op: 'set-start-method', at: 'main', method: 'fork', force: false },
] };
const ID = 'context-set-once-0@3.12/tinypool';

function tinypoolCase(py: string): CaseResult {
  return {
    id: ID, family: 'context-set-once', target: 'tinypool', python: py, scenario: TWICE,
    expectation: { processes: [{ label: 'main', kind: 'outcomes', accept: ['context-already-set'], rules: ['ctx.already-set'] }], notes: {}, rules: ['ctx.already-set'] },
    observation: null, verdict: { kind: 'fail', reason: null, mismatches: [{ label: 'main', expected: ['context-already-set'], observed: 'ok', rules: ['ctx.already-set'] }] },
    durationMs: 100, repro: null, failureRate: null, minimal: null,
  };
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((t) => { out.push(String(t)); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((t) => { err.push(String(t)); return true; });
  try {
    return { code: await main(argv), out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const base = python('3.12');
const debian = pythonFacts('debian')?.path ?? null;

describe.skipIf(base === null)(`replay of a data-file target's case${base === null ? ' (skipped: no CPython 3.12 found)' : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mpc-replay-file-'));
  let venvPython = '';
  /** A report of the tinypool case: `targetFiles` as the run records it (or as given). */
  const reportWith = async (name: string, targetFiles: Record<string, string> | null): Promise<string> => {
    const report = { ...buildReport([tinypoolCase(venvPython)]), targets: ['tinypool'], ...(targetFiles ? { targetFiles } : {}) };
    await writeReports(report, join(dir, name));
    return join(dir, name, 'report.json');
  };

  beforeAll(() => {
    const venv = join(dir, 'venv');
    execFileSync(base!, ['-m', 'venv', '--without-pip', venv]);
    venvPython = join(venv, 'bin', 'python');
    const site = execFileSync(venvPython, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).trim();
    writeFileSync(join(site, 'tinypool.pth'), `${join(ROOT, 'examples', 'tinypool')}\n`);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('report.json can record the data files (schema field targetFiles)', () => {
    const props = (reportSchema() as { properties: Record<string, unknown> }).properties;
    expect('targetFiles' in props, 'schema/report.schema.json has no targetFiles: the run cannot record its data files').toBe(true);
  });

  it('loads the data file the report records and runs the case with it: tinypool still disagrees', async () => {
    const report = await reportWith('recorded', { tinypool: TINYPOOL });
    const r = await cli('replay', report, '--case', ID);
    expect(r.err).toBe('');
    expect(r.out).toContain(`still disagrees (1 of 1 run) on ${venvPython}, target tinypool (${TINYPOOL})`);
    expect(r.out).toContain('main: expected context-already-set, observed ok');
    expect(r.code).toBe(1);
    const j = await cli('replay', report, '--case', ID, '--json');
    expect(JSON.parse(j.out)).toMatchObject({ target: 'tinypool', targetFile: TINYPOOL, disagreements: 1 });
  }, 120_000);

  it('a recorded data file that is gone: one line naming its path, exit 2', async () => {
    const gone = join(dir, 'moved-away', 'mpconform-target.json');
    const r = await cli('replay', await reportWith('gone', { tinypool: gone }), '--case', ID);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toEqual([`mpconform: replay: the data file of target tinypool (case ${ID}) is missing: ${gone}; pass --target PATH to use another copy`]);
  }, 60_000);

  it('a recorded file that now describes another target: one line, exit 2', async () => {
    const other = join(dir, 'other.json');
    const o = JSON.parse(execFileSync('cat', [TINYPOOL], { encoding: 'utf8' })) as Record<string, unknown>;
    writeFileSync(other, JSON.stringify({ ...o, id: 'otherpool' }));
    const r = await cli('replay', await reportWith('other', { tinypool: other }), '--case', ID);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([`mpconform: replay: ${other} describes target otherpool, not tinypool (case ${ID}); pass --target PATH to use another file`]);
  }, 60_000);

  it('a report that records no data file for the target: one line suggesting --target, exit 2', async () => {
    const report = await reportWith('unrecorded', null);
    const r = await cli('replay', report, '--case', ID);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([`mpconform: replay: case ${ID} ran on target tinypool, which is no shipped target, and ${report} records no data file for it; pass --target PATH/mpconform-target.json`]);
  }, 60_000);

  it('--target FILE loads that data file instead (a report written before files were recorded)', async () => {
    const r = await cli('replay', await reportWith('override', null), '--case', ID, '--target', TINYPOOL, '--runs', '2');
    expect(r.out).toContain(`still disagrees (2 of 2 runs) on ${venvPython}, target tinypool (${TINYPOOL})`);
    expect(r.code).toBe(1);
  }, 120_000);

  it('--target FILE that is missing or invalid: one line naming it, exit 2', async () => {
    const report = await reportWith('bad-override', null);
    const missing = join(dir, 'nope.json');
    const r = await cli('replay', report, '--case', ID, '--target', missing);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([`mpconform: --target ${missing}: cannot read (ENOENT)`]);
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, '{"version": 1');
    const b = await cli('replay', report, '--case', ID, '--target', invalid);
    expect(b.code).toBe(2);
    expect(b.err.trim().split('\n')).toHaveLength(1);
    expect(b.err).toContain(`${invalid}: (file): expected JSON`);
  }, 60_000);

  it('a repro file with --target FILE replays on tinypool too', async () => {
    const repro = join(dir, 'repro.py');
    writeFileSync(repro, `# ${SCENARIO_MARK}${JSON.stringify(TWICE)}\nprint("the program itself is not run: replay renders the scenario again")\n`);
    const r = await cli('replay', repro, '--python', venvPython, '--target', TINYPOOL);
    expect(r.out).toContain(`still disagrees (1 of 1 run) on ${venvPython}, target tinypool (${TINYPOOL})`);
    expect(r.code).toBe(1);
  }, 120_000);

  it.skipIf(debian === null)('an interpreter where the library does not import: one line, exit 2 (not a ModuleNotFoundError "disagreement")', async () => {
    const r = await cli('replay', await reportWith('no-import', null), '--case', ID, '--target', TINYPOOL, '--python', debian!);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(new RegExp(`^mpconform: replay: tinypool: module tinypool does not import on ${debian!.replace(/[.]/g, '\\.')} \\(3\\.`));
  }, 60_000);
});
