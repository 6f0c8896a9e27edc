/**
 * Test support: compile or run rendered programs on real interpreters, many per invocation
 * (used by the render law tests). The interpreters come from test/support/pythons.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { python } from './pythons.js';

/**
 * The oldest and newest interpreters the law tests compile with, and one to run with; when there
 * is none, a name that does not exist, so the test skips with it in its title.
 */
export const PY37 = python('3.7') ?? 'CPython 3.7 (none found)';
export const PY313 = python('3.13') ?? 'CPython 3.13 (none found)';
export const PY312 = python('3.12') ?? 'CPython 3.12 (none found)';

/** Whether an interpreter path exists (tests skip with a visible reason when it does not). */
export function hasPython(path: string): boolean {
  return existsSync(path);
}

const COMPILE_ALL = [
  'import json, sys',
  'bad = []',
  'for path in sys.argv[1:]:',
  '    with open(path, "rb") as f:',
  '        src = f.read()',
  '    try:',
  '        compile(src, path, "exec", dont_inherit=True)',
  '    except SyntaxError as e:',
  '        bad.append([path, str(e)])',
  'print(json.dumps(bad))',
].join('\n');

/** Compiles every program with one interpreter invocation; returns `[index, error]` for failures. */
export function compileAll(python: string, programs: readonly string[]): [number, string][] {
  const dir = mkdtempSync(join(tmpdir(), 'mpconform-compile-'));
  try {
    const files = programs.map((p, i) => {
      const file = join(dir, `p${i}.py`);
      writeFileSync(file, p);
      return file;
    });
    const r = spawnSync(python, ['-c', COMPILE_ALL, ...files], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${python} failed: ${r.stderr}`);
    const bad = JSON.parse(r.stdout) as [string, string][];
    return bad.map(([file, err]) => [files.indexOf(file), err]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one program in a fresh directory; returns its exit status and output. */
export function runProgram(python: string, program: string, timeoutMs = 20_000): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mpconform-run-'));
  try {
    const file = join(dir, 'scenario.py');
    writeFileSync(file, program);
    const r = spawnSync(python, [file], { cwd: dir, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Parses `@note KEY VALUE` lines (last value wins). */
export function notesOf(stdout: string): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const m = /^@note (\S+) (.*)$/.exec(line);
    if (m) notes[m[1] as string] = m[2] as string;
  }
  return notes;
}
