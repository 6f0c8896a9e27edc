/**
 * Detection power: interpreters with one documented behaviour of multiprocessing broken must fail the
 * corpus. Each mutant is CPython 3.12's own multiprocessing with one statement replaced, copied into
 * a venv and put first on sys.path by a .pth file there (the venv's python is what spawn children
 * and the forkserver run, so the whole tree runs the mutant). The oracle does not know: it predicts
 * the documented behaviour, and the run must disagree where the rule decides.
 */
import { execa } from 'execa';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus } from '../../scenarios/index.js';
import { probeInterpreter } from '../../src/interpreters/index.js';
import { runConformance } from '../../src/run/run.js';
import { pythonFacts } from '../support/pythons.js';

const BASE = pythonFacts('3.12');

interface Mutant {
  readonly name: string;
  readonly file: string;
  /** The statement as 3.12's source has it, and what replaces it. */
  readonly from: string;
  readonly to: string;
  /** A rule the failing cases' expectations must name. */
  readonly rule: string;
}

// Lib/multiprocessing (3.12.1): context.py DefaultContext.set_start_method, spawn.py prepare, synchronize.py SemLock.__getstate__
const MUTANTS: readonly Mutant[] = [
  { name: 'set_start_method never says "context has already been set"', file: 'context.py', from: "raise RuntimeError('context has already been set')", to: 'pass', rule: 'ctx.already-set' },
  { name: 'a spawn child does not re-run the main script', file: 'spawn.py', from: "_fixup_main_from_path(data['init_main_from_path'])", to: 'pass', rule: 'spawn.rerun-main' },
  { name: 'a fork-context SemLock pickles for a spawn child', file: 'synchronize.py', from: 'if self._is_fork_ctx:', to: 'if False:', rule: 'semlock.fork-context-error' },
];

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A venv of the base interpreter whose `import multiprocessing` is the mutant. */
async function mutantPython(m: Mutant): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mpconform-mutant-'));
  dirs.push(dir);
  await execa(BASE!.executable, ['-m', 'venv', '--without-pip', join(dir, 'venv')]);
  const stdlib = (await execa(BASE!.executable, ['-c', 'import multiprocessing, os; print(os.path.dirname(multiprocessing.__file__))'])).stdout.trim();
  const shadow = join(dir, 'shadow', 'multiprocessing');
  cpSync(stdlib, shadow, { recursive: true, filter: (src) => !src.includes('__pycache__') });
  const file = join(shadow, m.file);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(m.from)) throw new Error(`${m.file} of ${BASE!.version} has no ${JSON.stringify(m.from)}`);
  writeFileSync(file, text.replace(m.from, m.to));
  const site = (await execa(join(dir, 'venv', 'bin', 'python'), ['-c', 'import site; print(site.getsitepackages()[0])'])).stdout.trim();
  writeFileSync(join(site, 'mutant.pth'), `import sys; sys.path.insert(0, ${JSON.stringify(join(dir, 'shadow'))})\n`);
  return join(dir, 'venv', 'bin', 'python');
}

describe.skipIf(BASE === null)(`broken interpreters fail the corpus${BASE === null ? ' (skipped: no CPython 3.12 found)' : ''}`, () => {
  for (const m of MUTANTS) {
    it(m.name, { timeout: 300_000 }, async () => {
      const path = await mutantPython(m);
      const facts = await probeInterpreter(path);
      // the mutant is what the tree imports
      const where = (await execa(path, ['-c', 'import multiprocessing; print(multiprocessing.__file__)'])).stdout;
      expect(where).toContain('shadow');
      const report = await runConformance({
        runId: 'mutant', toolVersion: '0', interpreters: [facts], targets: ['multiprocessing'],
        families: [{ name: 'corpus', summary: '', kind: 'fixed', scenarios: corpus.map((c) => c.scenario) }],
        runs: 1, seed: 1, jobs: 2, timeoutMs: 30_000, shard: null, reruns: 0, shrink: false,
      });
      const failed = report.cases.filter((c) => c.verdict.kind === 'fail');
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.some((c) => c.expectation.processes.some((p) => p.rules.includes(m.rule)))).toBe(true);
    });
  }
  it('the unbroken copy passes the same corpus (the mutation, not the venv, is what fails)', { timeout: 300_000 }, async () => {
    const path = await mutantPython({ name: 'none', file: 'context.py', from: 'class BaseContext', to: 'class BaseContext', rule: '' });
    const report = await runConformance({
      runId: 'unbroken', toolVersion: '0', interpreters: [await probeInterpreter(path)], targets: ['multiprocessing'],
      families: [{ name: 'corpus', summary: '', kind: 'fixed', scenarios: corpus.map((c) => c.scenario) }],
      runs: 1, seed: 1, jobs: 2, timeoutMs: 30_000, shard: null, reruns: 0, shrink: false,
    });
    expect(report.cases.filter((c) => c.verdict.kind !== 'pass').map((c) => `${c.id}: ${c.verdict.kind}`)).toEqual([]);
  });
});
