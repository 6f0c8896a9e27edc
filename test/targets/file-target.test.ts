/**
 * Data-file targets (src/targets/file/): strict validation with field / expected / received, and
 * tinypool (examples/tinypool) caught through its data file alone, run as a new user would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTargetFile, TargetFileInvalidError, loadTargetFile } from '../../src/targets/file/index.js';
import { renderScenario } from '../../src/render/index.js';
import { python } from '../support/pythons.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TINYPOOL = join(ROOT, 'examples', 'tinypool', 'mpconform-target.json');
const base = (): Record<string, unknown> => JSON.parse(readFileSync(TINYPOOL, 'utf8')) as Record<string, unknown>;

function errorOf(raw: unknown): TargetFileInvalidError {
  try {
    parseTargetFile(raw, 'mpconform-target.json');
  } catch (e) {
    if (e instanceof TargetFileInvalidError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('data-file target validation', () => {
  it('accepts the tinypool file and renders its spellings', () => {
    const t = loadTargetFile(TINYPOOL);
    expect(t.id).toBe('tinypool');
    const d = t.dialect;
    expect(d.getContext('spawn')).toBe("tinypool.get_context('spawn')");
    expect(d.setStartMethod('fork', true)).toBe("tinypool.set_start_method('fork', force=True)");
    expect(d.getStartMethod(false)).toBe('tinypool.get_start_method(allow_none=False)');
    expect(d.poolClass('ctx_spawn')).toBe('functools.partial(tinypool.Pool, context=ctx_spawn)');
    expect(d.processClass('ctx_fork')).toBe('ctx_fork.Process');
    expect(d.object('Semaphore', 'tinypool')).toBe('tinypool.Semaphore(2)');
    expect(d.manager('ctx_spawn')).toBe('ctx_spawn.Manager()');
    expect(d.sharedMemory()).toBe('shared_memory.SharedMemory(create=True, size=16)');
    expect(d.imports({ executor: false, sharedMemory: true })).toEqual(['import functools', 'import tinypool', 'import atexit', 'from multiprocessing import shared_memory']);
    const s = renderScenario({ version: 1, steps: [{ op: 'start', at: 'main', id: 0, worker: 'pool-map', ctx: 'spawn', pass: [], action: 'use', target: 'function', grandchild: null }] }, d);
    expect(s).toContain('import tinypool');
    expect(s).toContain("ctx_spawn = tinypool.get_context('spawn')");
    expect(s).toContain('with functools.partial(tinypool.Pool, context=ctx_spawn)(2) as pool0:');
    expect(d.unsupported({ version: 1, steps: [{ op: 'start', at: 'main', id: 0, worker: 'executor-submit', ctx: 'spawn', pass: [], action: 'use', target: 'function', grandchild: null }] })).toMatch(/^tinypool: lacks executor \(declared in /);
  });

  const bad: [string, (o: Record<string, unknown>) => void, string, string, string][] = [
    ['free Python in a template', (o) => { (o['context'] as Record<string, unknown>)['get'] = "__import__('os').system('x')"; }, 'context.get', 'not a dunder name or a builtin that evaluates code', `"__import__('os').system('x')"`],
    ['an expression as a callee', (o) => { (o['create'] as Record<string, unknown>)['object'] = '{ctx}.{kind}[0]'; }, 'create.object', 'a callee of identifiers joined by dots (no free Python)', '"{ctx}.{kind}[0]"'],
    ['an argument that is a string of Python', (o) => { (o['context'] as Record<string, unknown>)['get'] = "tinypool.get_context('spawn')"; }, 'context.get', 'arguments that are placeholders, small integers, True/False/None or dotted names (no free Python)', `"tinypool.get_context('spawn')"`],
    ['an argument that is an expression', (o) => { (o['startMethod'] as Record<string, unknown>)['set'] = 'tinypool.set_start_method({method}, force=1+1)'; }, 'startMethod.set', 'arguments that are placeholders', '"tinypool.set_start_method({method}, force=1+1)"'],
    ['a placeholder the field does not allow', (o) => { (o['startMethod'] as Record<string, unknown>)['get'] = 'tinypool.get_start_method({method})'; }, 'startMethod.get', 'placeholders allowed here: {allowNone}', '"tinypool.get_start_method({method})"'],
    ['an unknown placeholder', (o) => { (o['context'] as Record<string, unknown>)['get'] = 'tinypool.get_context({name})'; }, 'context.get', 'a known placeholder', '"tinypool.get_context({name})"'],
    ['an import with a statement after it', (o) => { o['imports'] = ['import tinypool; import os']; }, 'imports[0]', '"import a.b [as c]"', '"import tinypool; import os"'],
    ['an unknown key', (o) => { o['spawn'] = 'x'; }, 'spawn', 'no such key', '"x"'],
    ['a missing required key', (o) => { delete o['module']; }, 'module', 'this required key', 'nothing'],
    ['a shipped id', (o) => { o['id'] = 'billiard'; }, 'id', "an id other than the shipped targets'", '"billiard"'],
    ['an unknown feature in lacks', (o) => { o['lacks'] = ['threads']; }, 'lacks[0]', 'one of process, pool, executor, shared-memory', '"threads"'],
    ['a lacked feature still described', (o) => { o['lacks'] = ['executor', 'pool']; }, 'start.pool', 'nothing, since lacks has "pool"', '{"callee":"tinypool.Pool","contextKeyword":"context"}'],
    ['a call where a callee is expected', (o) => { (o['start'] as Record<string, unknown>)['process'] = '{ctx}.Process(daemon=True)'; }, 'start.process', 'a callee without a call', '"{ctx}.Process(daemon=True)"'],
    ['a wrong version', (o) => { o['version'] = 2; }, 'version', '1', '2'],
  ];
  for (const [what, edit, field, expected, received] of bad) {
    it(`rejects ${what}: names the field, the expected and the received value on one line`, () => {
      const o = base();
      edit(o);
      const e = errorOf(o);
      expect(e.code).toBe('E_TARGET_INVALID');
      expect(e.field).toBe(field);
      expect(e.message).toContain(`mpconform-target.json: ${field}: expected `);
      expect(e.message).toContain(expected);
      expect(e.message).toContain(`got ${received}`);
      expect(e.message).not.toContain('\n');
    });
  }

  it('the CLI exits 2 with that one line', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpc-target-'));
    try {
      const o = base();
      (o['create'] as Record<string, unknown>)['manager'] = 'os.system("rm")';
      writeFileSync(join(dir, 't.json'), JSON.stringify(o));
      const r = spawnSync('npx', ['tsx', join(ROOT, 'src/cli/main.ts'), 'run', '--target', join(dir, 't.json'), '--report-dir', join(dir, 'r')], { encoding: 'utf8', cwd: ROOT });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('t.json: create.manager: expected a callee without a call (mpconform adds the arguments) (e.g. {ctx}.Manager)');
      expect(r.stderr).toContain('got "os.system(\\"rm\\")"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// tinypool on sys.path of a fresh venv (a .pth file: what `pip install -e` amounts to, without PyPI)
const py312 = python('3.12');
describe.skipIf(py312 === null)(`tinypool caught through its data file${py312 === null ? ' (skipped: no CPython 3.12 found)' : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'mpc-tinypool-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('context-set-once fails where tinypool switches methods instead of raising', { timeout: 240_000 }, () => {
    const venv = join(dir, 'venv');
    execFileSync(py312!, ['-m', 'venv', '--without-pip', venv]);
    const site = execFileSync(join(venv, 'bin', 'python'), ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).trim();
    writeFileSync(join(site, 'tinypool.pth'), `${join(ROOT, 'examples', 'tinypool')}\n`);
    const report = join(dir, 'report');
    const r = spawnSync('npx', ['tsx', join(ROOT, 'src/cli/main.ts'), 'run', '--python', join(venv, 'bin', 'python'), '--target', TINYPOOL,
      '--family', 'context-set-once', '--runs', '4', '--seed', '3', '--jobs', '2', '--no-shrink', '--reruns', '0', '--report-dir', report], { encoding: 'utf8', cwd: ROOT });
    expect(r.status, r.stderr).toBe(1);
    const json = JSON.parse(readFileSync(join(report, 'report.json'), 'utf8')) as { targets: string[]; cases: { verdict: { kind: string; mismatches: { label?: string; expected?: unknown; observed?: unknown }[] }; repro: string | null }[] };
    expect(json.targets).toEqual(['tinypool']);
    const fails = json.cases.filter((c) => c.verdict.kind === 'fail');
    expect(fails.length).toBeGreaterThan(0);
    // the departure itself: the oracle expects the second set_start_method to raise, tinypool's main ends ok
    const repro = readFileSync(join(report, fails[0]!.repro!), 'utf8');
    expect(repro).toMatch(/main: context-already-set .*-> {2}ok/);
    expect(repro).toContain('import tinypool');
    expect(existsSync(join(report, 'index.html'))).toBe(true);
  });
});
