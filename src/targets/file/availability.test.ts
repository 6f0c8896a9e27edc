/**
 * A data-file target whose module does not import on some of the selected interpreters: its
 * cases there are skipped with the reason, the run goes on on the others, and only a module that
 * imports nowhere is an error (one line, exit 2) — `mpconform run --python all` as a new user
 * runs it, with discovery confined to a fake pyenv root holding a venv that has tinypool.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InterpreterFacts } from '../../model/facts.js';
import type { Scenario } from '../../scenario/types.js';
import { TargetNotImportableError } from '../../interpreters/importable.js';
import { evaluateScenario } from '../../run/evaluate.js';
import { moduleImports, targetFilesOn } from '../../cli/run/targets.js';
import { dialectFor, type Dialect } from '../index.js';
import { selectTargets } from './select.js';
import { INTERPRETERS } from '../../../test/report/fixtures.js';
import { python, pythonFacts } from '../../../test/support/pythons.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const TINYPOOL = join(ROOT, 'examples', 'tinypool', 'mpconform-target.json');
const TWICE: Scenario = { version: 1, steps: [
  { op: 'set-start-method', at: 'main', method: 'spawn', force: false },
  { op: 'set-start-method', at: 'main', method: 'fork', force: false },
] };
const [A, B, C] = INTERPRETERS as [InterpreterFacts, InterpreterFacts, InterpreterFacts];
const only = (...paths: string[]) => async (f: InterpreterFacts) => paths.includes(f.path);

describe('targetFilesOn: where a data-file target imports', () => {
  it('skips its cases, with the reason, on the interpreters where its module does not import', async () => {
    const selected = selectTargets(['multiprocessing', TINYPOOL]);
    const r = await targetFilesOn(selected, [A, B, C], only(A.path, B.path));
    expect(r.targets[0]).toBe('multiprocessing');
    const d = r.targets[1] as Dialect;
    expect(d).not.toBe(selected.targets[1]);
    expect(d.id).toBe('tinypool');
    expect(d.unsupported(TWICE, C)).toBe(`tinypool: module tinypool does not import on ${C.path} (${C.version}) (install the library into that interpreter or its venv)`);
    expect(d.unsupported(TWICE, A)).toBeNull();
    // its own lacks still hold where it imports
    expect(d.unsupported({ version: 1, steps: [{ op: 'start', at: 'main', id: 0, worker: 'executor-submit', ctx: 'spawn', pass: [], action: 'use', target: 'function', grandchild: null }] }, A)).toMatch(/^tinypool: lacks executor/);
    // repros render with the registered id, which now is the wrapped dialect
    expect(dialectFor('tinypool')).toBe(d);
    expect(r.notices).toEqual([`--target ${TINYPOOL}: module tinypool does not import on ${C.path} (${C.version}): its cases there are skipped (install the library into that interpreter or its venv)`]);
  });

  it('a skipped interpreter runs nothing: the case is skipped before any program starts', async () => {
    const r = await targetFilesOn(selectTargets([TINYPOOL]), [A, C], only(A.path));
    const e = await evaluateScenario(TWICE, { facts: C, target: r.targets[0]!, timeoutMs: 1000 });
    expect(e.verdict.kind).toBe('skipped');
    expect(e.verdict.reason).toContain('module tinypool does not import on');
    expect(e.observation).toBeNull();
    expect(e.program).toBeNull();
  });

  it('changes nothing when the module imports everywhere', async () => {
    const selected = selectTargets([TINYPOOL]);
    const r = await targetFilesOn(selected, [A, B], only(A.path, B.path));
    expect(r.targets).toEqual(selected.targets);
    expect(r.notices).toEqual([]);
  });

  it('is an error (one line, E_BAD_OPTION: exit 2) only when it imports on no selected interpreter', async () => {
    const err = await targetFilesOn(selectTargets([TINYPOOL]), [A, C], only()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TargetNotImportableError);
    expect((err as Error).message).toBe(`--target ${TINYPOOL}: module tinypool does not import on ${A.path} (${A.version}), ${C.path} (${C.version}) (install the library into that interpreter or its venv)`);
    expect((err as TargetNotImportableError).code).toBe('E_BAD_OPTION');
  });

  const debian = pythonFacts('debian');
  it.skipIf(debian === null)('probes with the environment programs run in', async () => {
    expect(await moduleImports(debian!, 'multiprocessing')).toBe(true);
    expect(await moduleImports(debian!, 'tinypool')).toBe(false);
    await expect(moduleImports(debian!, 'os; print(1)')).rejects.toThrow(/not a dotted module name/);
  });
});

/** `mpconform run` with discovery confined: a fake pyenv root, PATH=/usr/bin, no builds, no uv, no environments. */
function runCli(args: string[], pyenvRoot: string, empty: string): ReturnType<typeof spawnSync> {
  const env = {
    HOME: process.env['HOME'] ?? '/root', PATH: '/usr/bin', PYENV_ROOT: pyenvRoot,
    MPCONFORM_CPYTHON_CACHE: empty, MPCONFORM_ENVS: empty, XDG_DATA_HOME: empty,
  };
  return spawnSync('npx', ['tsx', join(ROOT, 'src/cli/main.ts'), 'run', ...args], { encoding: 'utf8', cwd: ROOT, env, timeout: 280_000 });
}

const base = python('3.12');
const debianPath = pythonFacts('debian')?.path ?? null;
describe.skipIf(base === null || debianPath === null)(`run --python all with a data-file target${base === null || debianPath === null ? ' (skipped: needs CPython 3.12 and /usr/bin/python3)' : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mpc-target-avail-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const empty = join(dir, 'empty');
  mkdirSync(empty);

  it('runs where tinypool imports, skips the interpreters where it does not (with the reason), exits on the verdicts', { timeout: 300_000 }, () => {
    const root = join(dir, 'pyenv');
    const venv = join(root, 'versions', 'tiny');
    execFileSync(base!, ['-m', 'venv', '--without-pip', venv]);
    const site = execFileSync(join(venv, 'bin', 'python'), ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).trim();
    writeFileSync(join(site, 'tinypool.pth'), `${join(ROOT, 'examples', 'tinypool')}\n`);
    const report = join(dir, 'report');
    const r = runCli(['--python', 'all', '--target', TINYPOOL, '--family', 'context-set-once', '--runs', '4', '--seed', '3', '--jobs', '2', '--no-shrink', '--reruns', '0', '--report-dir', report], root, empty);
    const stderr = String(r.stderr);
    // tinypool departs on context-set-once (it switches methods instead of raising; seed 3 samples that, as in
    // test/targets/file-target.test.ts): a fail, not a bad-input 2
    expect(r.status, stderr).toBe(1);
    const notice = stderr.split('\n').find((l) => l.includes('does not import on'));
    expect(notice).toBeDefined();
    expect(notice).toMatch(new RegExp(`^mpconform: --target ${TINYPOOL.replace(/[.]/g, '\\.')}: module tinypool does not import on .*${debianPath!.replace(/[.]/g, '\\.')} \\(3\\.\\d+\\.\\d+\\).*: its cases there are skipped`));
    const json = JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')) as {
      interpreters: { path: string }[]; targetFiles?: Record<string, string>;
      cases: { python: string; verdict: { kind: string; reason: string | null } }[];
    };
    const venvPython = join(venv, 'bin', 'python3');
    expect(json.interpreters.map((i) => i.path)).toContain(venvPython);
    expect(json.interpreters.map((i) => i.path)).toContain(debianPath);
    const on = (p: string) => json.cases.filter((c) => c.python === p);
    expect(on(venvPython).length).toBe(4);
    expect(on(venvPython).some((c) => c.verdict.kind === 'fail')).toBe(true);
    for (const c of json.cases.filter((x) => x.python !== venvPython)) {
      expect(c.verdict.kind).toBe('skipped');
      expect(c.verdict.reason).toMatch(/^tinypool: module tinypool does not import on /);
    }
    expect(on(debianPath!).length).toBe(4);
    expect(json.targetFiles).toEqual({ tinypool: TINYPOOL });
  });

  it('exits 2 with one line when no interpreter can import it', { timeout: 300_000 }, () => {
    const root = join(dir, 'pyenv-without');
    mkdirSync(join(root, 'versions'), { recursive: true });
    const report = join(dir, 'report-none');
    const r = runCli(['--python', 'all', '--target', TINYPOOL, '--family', 'context-set-once', '--runs', '1', '--report-dir', report], root, empty);
    expect(r.status).toBe(2);
    const lines = String(r.stderr).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^mpconform: --target ${TINYPOOL.replace(/[.]/g, '\\.')}: module tinypool does not import on .*${debianPath!.replace(/[.]/g, '\\.')} `));
  });
});
