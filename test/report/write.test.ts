import { chmod, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportDirError, writeReports } from '../../src/report/index.js';
import { buildReport, PYPY, XSS } from './fixtures.js';

let base: string;
beforeAll(async () => { base = await mkdtemp(join(tmpdir(), 'mpconform-report-test-')); });
afterAll(async () => { await rm(base, { recursive: true, force: true }); });

describe('writeReports', () => {
  it('writes every format and one repro per fail / flaky / unexpected-pass case', async () => {
    const dir = join(base, 'run1', 'nested');
    const seen: string[] = [];
    const { report, files } = await writeReports(buildReport(), dir, { renderRepro: (c) => { seen.push(c.id); return `import multiprocessing\nprint(${JSON.stringify(c.scenario.steps.length)})\n`; } });
    const names = (await readdir(dir)).sort();
    expect(names).toEqual(['index.html', 'junit.xml', 'report.json', 'repro', 'summary.md']);
    const repros = (await readdir(join(dir, 'repro'))).sort();
    expect(repros).toHaveLength(4);
    expect(repros.every((r) => /^[A-Za-z0-9._-]+\.py$/.test(r))).toBe(true);
    expect(files.at(-1)).toBe(join(dir, 'report.json'));
    expect(seen).toHaveLength(4);
    // report.json carries the repro paths it wrote
    const json = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as typeof report;
    const withRepro = json.cases.filter((c) => c.repro !== null);
    expect(withRepro.map((c) => c.verdict.kind).sort()).toEqual(['fail', 'fail', 'flaky', 'unexpected-pass']);
    for (const c of withRepro) expect(repros).toContain(c.repro!.replace('repro/', ''));
  });

  it('heads each repro with case, interpreter, target, seed, expected (with rules) and observed; renders the minimal', async () => {
    const dir = join(base, 'run2');
    const { report } = await writeReports(buildReport(), dir);
    const failing = report.cases.find((c) => c.python === PYPY && c.verdict.kind === 'fail')!;
    const text = await readFile(join(dir, failing.repro!), 'utf8');
    expect(text).toContain(`# case:        ${failing.id}`);
    expect(text).toContain(`# interpreter: ${PYPY} (pypy 3.9.18, linux)`);
    expect(text).toContain('# target:      multiprocessing');
    expect(text).toContain('# seed:        42');
    expect(text).toContain('#   main: context-already-set  [set-start-method-once]  ->  ok');
    expect(text).toContain('# shrunk:      minimal counterexample after 3 shrink steps (7 runs)');
    // default renderer: the scenario as comments, then a stub that exits
    expect(text).toMatch(/# \{\n#   "version": 1,/);
    // every header/comment line stays a comment even with newlines in messages
    const boot = report.cases.find((c) => c.id.startsWith('bootstrapping') && c.verdict.kind === 'fail')!;
    const lines = (await readFile(join(dir, boot.repro!), 'utf8')).split('\n');
    expect(lines.filter((l) => !l.startsWith('#') && l.trim() !== '')).toEqual([expect.stringMatching(/^raise SystemExit/)]);
  });

  it('leaves no temp files behind', async () => {
    const dir = join(base, 'run3');
    await writeReports(buildReport(), dir);
    const all = [...(await readdir(dir)), ...(await readdir(join(dir, 'repro')))];
    expect(all.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fails with E_REPORT_DIR naming the path when the dir cannot be created', async () => {
    const file = join(base, 'x-file');
    await writeFile(file, 'not a dir');
    const target = join(file, 'sub');
    const err = await writeReports(buildReport(), target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReportDirError);
    expect((err as ReportDirError).code).toBe('E_REPORT_DIR');
    expect((err as Error).message).toContain(target);
    expect((err as Error).message).not.toContain('\n');
  });

  it('keeps what was already there when a later write fails', async () => {
    const dir = join(base, 'run4');
    await mkdir(dir);
    await writeFile(join(dir, 'report.json'), '{"previous":true}\n');
    await writeFile(join(dir, 'repro'), 'a file where the repro dir should go');
    const err = await writeReports(buildReport(), dir).catch((e: unknown) => e);
    expect((err as ReportDirError).code).toBe('E_REPORT_DIR');
    expect((err as Error).message).toContain(join(dir, 'repro'));
    expect(await readFile(join(dir, 'report.json'), 'utf8')).toBe('{"previous":true}\n');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fails with E_REPORT_DIR on a directory the OS refuses (read-only; under /proc when running as root)', async () => {
    // mode bits do not bind root, but /proc refuses new directories to everyone
    const asRoot = process.getuid?.() === 0;
    const dir = asRoot ? '/proc/self/mpconform-report' : join(base, 'ro');
    if (!asRoot) {
      await mkdir(dir);
      await chmod(dir, 0o500);
    }
    const err = await writeReports(buildReport(), dir).catch((e: unknown) => e);
    if (!asRoot) await chmod(dir, 0o700);
    expect((err as ReportDirError).code).toBe('E_REPORT_DIR');
    expect((err as ReportDirError).message).toContain(dir);
  });

  it('html and json never carry the raw script tag outside JSON strings', async () => {
    const dir = join(base, 'run5');
    await writeReports(buildReport(), dir);
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    expect(html).not.toContain(XSS);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
