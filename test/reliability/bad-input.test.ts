/**
 * Bad input, table-driven, through the real CLI: each row is one bad input and the exact error code
 * and exit code it gets. Every error is one line on stderr with no stack trace, and a report
 * directory that already holds a report is left untouched by every failing run.
 * docs/reliability.md lists the same rows.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mapPool } from '../../src/run/pool.js';
import { python } from '../support/pythons.js';

const py = python('3.12');
const py27 = '/root/.pyenv/versions/2.7.18/bin/python';
const py36 = '/root/.pyenv/versions/3.6.15/bin/python3';
const scratch = mkdtempSync(join(tmpdir(), 'mpconform-badinput-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const f = (name: string) => join(scratch, name);
const existing = f('existing-report');

function cli(args: readonly string[]) {
  return execa('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    reject: false, cwd: process.cwd(), env: { MPCONFORM_ERROR_CODES: '1' }, maxBuffer: 64 * 1024 * 1024,
  });
}

/** Every file under `dir` with a hash of its content and its mtime. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    out[p] = `${createHash('sha256').update(readFileSync(p)).digest('hex')}@${statSync(p).mtimeMs}`;
  }
  return out;
}

function setup(): void {
  writeFileSync(f('garbage.sh'), '#!/bin/sh\necho "hello \\001 {not json"\n');
  writeFileSync(f('exits.sh'), '#!/bin/sh\nexit 0\n');
  chmodSync(f('garbage.sh'), 0o755);
  chmodSync(f('exits.sh'), 0o755);
  writeFileSync(f('not-executable'), '#!/bin/sh\n');
  writeFileSync(f('malformed.json'), '{"version": 1, "steps": [');
  writeFileSync(f('invalid.json'), JSON.stringify({ version: 1, steps: [{ op: 'frobnicate' }] }));
  writeFileSync(f('exp-key.json'), '{\n  "version": 1,\n  "deviations": [\n    {\n      "target": "billiard",\n      "outcom": "ok",\n      "reason": "x"\n    }\n  ]\n}\n');
  writeFileSync(f('exp-outcome.json'), '{\n  "version": 1,\n  "deviations": [\n    {\n      "target": "billiard",\n      "outcome": "kaboom",\n      "reason": "x"\n    }\n  ]\n}\n');
  writeFileSync(f('exp-broken.json'), '{\n  "version": 1,\n  "deviations": [\n');
  writeFileSync(f('a-file'), 'not a directory\n');
  writeFileSync(f('not-python.py'), 'this is not Python {\n  at all ]\n');
  writeFileSync(f('non-utf8.py'), `import multiprocessing as mp, sys
def child():
    sys.stdout.buffer.write(b'child \\xff\\xfe \\xc3\\x28\\n'); sys.stdout.flush()
if __name__ == '__main__':
    sys.stdout.buffer.write(b'main \\x80\\x81\\n'); sys.stdout.flush()
    sys.stderr.buffer.write(b'err \\xe2\\x28\\xa1\\n'); sys.stderr.flush()
    p = mp.get_context('fork').Process(target=child, name='w1'); p.start(); p.join()
    print('@note w1.exitcode', p.exitcode)
`);
  writeFileSync(f('flood.py'), `import multiprocessing as mp, sys
def flood():
    chunk = b'x' * (1 << 20)
    out = sys.stdout.buffer
    for _ in range(1024):  # 1 GiB
        out.write(chunk)
    out.write(b'\\n')
    out.flush()
if __name__ == '__main__':
    p = mp.get_context('fork').Process(target=flood, name='w1')
    p.start(); p.join()
    print('@note w1.exitcode', p.exitcode)
`);
}

const RUN = ['run', '--family', 'defaults', '--runs', '1', '--seed', '1', '--no-shrink'];

/** One bad input: the arguments, the exit code, the error code and a part of the one line. */
interface Row {
  readonly input: string;
  readonly args: () => string[];
  readonly exit: number;
  readonly code: string;
  readonly line: RegExp;
  readonly skip?: string | false;
}

const ROWS: Row[] = [
  { input: 'missing interpreter path', args: () => [...RUN, '--python', '/nonexistent/python3', '--report-dir', existing], exit: 2, code: 'E_INTERPRETER_MISSING', line: /interpreter \/nonexistent\/python3: no such file/ },
  { input: 'a directory as interpreter', args: () => [...RUN, '--python', scratch, '--report-dir', existing], exit: 2, code: 'E_INTERPRETER_BROKEN', line: /is a directory/ },
  { input: 'an interpreter that is not executable', args: () => [...RUN, '--python', f('not-executable'), '--report-dir', existing], exit: 2, code: 'E_INTERPRETER_BROKEN', line: /not executable/ },
  { input: 'Python 2.7', args: () => [...RUN, '--python', py27, '--report-dir', existing], exit: 2, code: 'E_INTERPRETER_UNSUPPORTED', line: /Python 2\.7\.18 is unsupported \(need 3\.7 or newer\)/, skip: !statOk(py27) && `${py27} missing` },
  { input: 'Python 3.6', args: () => [...RUN, '--python', py36, '--report-dir', existing], exit: 2, code: 'E_INTERPRETER_UNSUPPORTED', line: /Python 3\.6\.15 is unsupported/, skip: !statOk(py36) && `${py36} missing` },
  { input: 'an "interpreter" that prints garbage', args: () => [...RUN, '--python', f('garbage.sh'), '--report-dir', existing], exit: 2, code: 'E_INTERPRETER_BROKEN', line: /does not behave like Python \(exit 0, printed "hello/ },
  { input: 'an "interpreter" that exits at once', args: () => [...RUN, '--python', f('exits.sh'), '--report-dir', existing], exit: 2, code: 'E_INTERPRETER_BROKEN', line: /does not behave like Python \(exit 0\)/ },
  { input: 'unknown target', args: () => [...RUN, '--python', py!, '--target', 'nope', '--report-dir', existing], exit: 2, code: 'E_UNKNOWN_TARGET', line: /unknown target "nope" \(expected one of multiprocessing, /, skip: py === null && 'no 3.12' },
  { input: 'target not installed for the interpreter', args: () => [...RUN, '--python', py!, '--target', 'billiard', '--report-dir', existing], exit: 2, code: 'E_BAD_OPTION', line: /--target billiard: not importable on any selected interpreter/, skip: py === null && 'no 3.12' },
  { input: 'malformed scenario JSON (predict)', args: () => ['predict', f('malformed.json'), '--python-version', '3.11.4', '--platform', 'linux'], exit: 2, code: 'E_USAGE', line: /cannot read .*malformed\.json as JSON/ },
  { input: 'schema-invalid scenario JSON (predict)', args: () => ['predict', f('invalid.json'), '--python-version', '3.11.4', '--platform', 'linux'], exit: 2, code: 'E_SCENARIO_INVALID', line: /Invalid scenario at \$\.steps\[0\]\.op: expected one of .* received "frobnicate"/ },
  { input: 'expectations: unknown key', args: () => [...RUN, '--python', py!, '--expectations', f('exp-key.json'), '--report-dir', existing], exit: 2, code: 'E_EXPECTATIONS_INVALID', line: /exp-key\.json:4: deviation #1: unknown key "outcom"/, skip: py === null && 'no 3.12' },
  { input: 'expectations: unknown outcome', args: () => [...RUN, '--python', py!, '--expectations', f('exp-outcome.json'), '--report-dir', existing], exit: 2, code: 'E_EXPECTATIONS_INVALID', line: /exp-outcome\.json:4: deviation #1: unknown outcome id "kaboom"/, skip: py === null && 'no 3.12' },
  { input: 'expectations: not JSON', args: () => [...RUN, '--python', py!, '--expectations', f('exp-broken.json'), '--report-dir', existing], exit: 2, code: 'E_EXPECTATIONS_INVALID', line: /exp-broken\.json/, skip: py === null && 'no 3.12' },
  { input: 'report dir the kernel refuses (under /proc, where a recursive mkdir would loop)', args: () => [...RUN, '--python', py!, '--report-dir', '/proc/self/mpconform/reports'], exit: 2, code: 'E_REPORT_DIR', line: /cannot write report to \/proc\/self\/mpconform\/reports: ENOENT/, skip: py === null && 'no 3.12' },
  { input: 'unwritable report dir (under a regular file)', args: () => [...RUN, '--python', py!, '--report-dir', join(f('a-file'), 'reports')], exit: 2, code: 'E_REPORT_DIR', line: /cannot write report to .*a-file\/reports: ENOTDIR/, skip: py === null && 'no 3.12' },
  { input: '--shard 3/2', args: () => [...RUN, '--shard', '3/2', '--report-dir', existing], exit: 2, code: 'E_BAD_OPTION', line: /--shard expects i\/n with 1 <= i <= n \(e\.g\. 1\/4\), got "3\/2"/ },
  { input: '--jobs 0', args: () => [...RUN, '--jobs', '0', '--report-dir', existing], exit: 2, code: 'E_BAD_OPTION', line: /--jobs expects an integer from 1 to 256, got "0"/ },
  { input: 'negative timeout (--timeout=-1)', args: () => [...RUN, '--timeout=-1', '--report-dir', existing], exit: 2, code: 'E_BAD_OPTION', line: /--timeout expects a number of seconds greater than 0, got "-1"/ },
  { input: 'negative timeout (--timeout -1)', args: () => [...RUN, '--timeout', '-1', '--report-dir', existing], exit: 2, code: 'E_BAD_OPTION', line: /--timeout expects a number of seconds greater than 0, got "-1"/ },
  { input: 'observe: negative timeout', args: () => ['observe', f('flood.py'), '--timeout=-5'], exit: 2, code: 'E_USAGE', line: /observe: --timeout must be a positive number of seconds, got "-5"/ },
];

function statOk(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

describe('bad input through the real CLI: one line, the exact code, exit 2, nothing already written is lost', () => {
  let before: Record<string, string> = {};
  const results = new Map<string, Awaited<ReturnType<typeof cli>>>();

  beforeAll(async () => {
    setup();
    // a real earlier report in the directory the failing runs are pointed at
    mkdirSync(existing, { recursive: true });
    const earlier = py === null ? null : await cli([...RUN, '--python', py, '--report-dir', existing]);
    if (earlier === null || earlier.exitCode !== 0) writeFileSync(join(existing, 'report.json'), '{"earlier": true}\n');
    before = snapshot(existing);
    const rows = ROWS.filter((r) => !r.skip);
    await mapPool(rows, 4, async (r) => { results.set(r.input, await cli(r.args())); });
  });

  test.each(ROWS.map((r) => [r.input, r] as const))('%s', (_name, row) => {
    if (row.skip) {
      console.log(`[reliability] skipped "${row.input}": ${row.skip}`);
      return;
    }
    const r = results.get(row.input)!;
    const lines = String(r.stderr).split('\n').filter((l) => l !== '' && !l.startsWith('npm warn'));
    expect(r.exitCode, String(r.stderr)).toBe(row.exit);
    expect(lines, 'exactly one line on stderr').toHaveLength(1);
    expect(lines[0]).toMatch(/^mpconform: /);
    expect(lines[0]).toMatch(row.line);
    expect(lines[0]!.endsWith(` [${row.code}]`), lines[0]).toBe(true);
    expect(String(r.stderr)).not.toMatch(/\n\s+at /);
    expect(String(r.stdout)).toBe('');
  });

  test('the report directory that already held a report is untouched by all of those failures', () => {
    expect(Object.keys(before).length).toBeGreaterThan(0);
    expect(snapshot(existing)).toEqual(before);
  });
});

interface ObservedJson { observation: { processes: { label: string | null; outcome: string }[]; stdout: { head: string; tail: string; totalBytes: number; omittedBytes: number }; stderr: { head: string }; notes: Record<string, string>; end: { kind: string } } }

describe.skipIf(py === null)('hostile programs under `observe`: a verdict, exit 0 (3.12)', () => {
  test('a child that floods 1 GiB of output: memory stays bounded, outcome still given', async () => {
    const child = cli(['observe', f('flood.py'), '--python', py!, '--json']);
    let maxRss = 0;
    const poll = setInterval(() => {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'latin1'))?.[1] ?? 0);
        maxRss = Math.max(maxRss, kb * 1024);
      } catch {
        // exited
      }
    }, 20);
    const r = await child;
    clearInterval(poll);
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const o = (JSON.parse(String(r.stdout)) as ObservedJson).observation;
    console.log(`[reliability] 1 GiB flood: ${o.stdout.totalBytes} bytes seen, CLI max RSS ${Math.round(maxRss / 1048576)} MiB`);
    expect(o.stdout.totalBytes).toBeGreaterThan(1024 * 1024 * 1024);
    expect(o.stdout.omittedBytes).toBeGreaterThan(1000 * 1024 * 1024);
    expect(o.notes['w1.exitcode']).toBe('0');
    expect(o.processes.filter((p) => p.label !== null).map((p) => `${p.label}:${p.outcome}`)).toEqual(['main:ok', 'w1:ok']);
    expect(maxRss).toBeGreaterThan(0);
    expect(maxRss).toBeLessThan(400 * 1024 * 1024);
  });

  test('non-UTF-8 output on stdout and stderr: replaced, not fatal', async () => {
    const r = await cli(['observe', f('non-utf8.py'), '--python', py!, '--json']);
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const o = (JSON.parse(String(r.stdout)) as ObservedJson).observation;
    expect(o.stdout.head).toContain('main \ufffd\ufffd\n');
    expect(o.stdout.head).toContain('child \ufffd\ufffd \ufffd(\n');
    expect(o.stderr.head).toContain('err \ufffd(\ufffd\n');
    expect(o.notes['w1.exitcode']).toBe('0');
    const text = await cli(['observe', f('non-utf8.py'), '--python', py!]);
    expect(text.exitCode).toBe(0);
    expect(String(text.stdout)).toMatch(/main {2}pid \d+ {2}→ ok/);
  });

  test('a file that is not Python: SyntaxError classified, exit 0', async () => {
    const r = await cli(['observe', f('not-python.py'), '--python', py!, '--json']);
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const o = (JSON.parse(String(r.stdout)) as ObservedJson).observation;
    expect(o.end.kind).toBe('exited');
    expect(o.processes[0]).toMatchObject({ label: 'main', outcome: 'exception:SyntaxError' });
  });
});
