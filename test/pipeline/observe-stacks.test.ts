/**
 * `mpconform observe` on a hung program prints every Python process's stack (label, pid, top
 * frames, most recent call first), as data: a real deadlocked child under the CLI, and the
 * formatter on stacks with several threads, a deep stack and control characters.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { LOCK_TWICE } from '../../bench/deadlocks.js';
import { formatObservation, MAX_FRAMES } from '../../src/cli/format/observation.js';
import type { InterpreterFacts } from '../../src/model/facts.js';
import type { Observation } from '../../src/model/observation.js';
import { processStacks } from '../../src/observe/stacks.js';
import { python } from '../support/pythons.js';

const scratch = mkdtempSync(join(tmpdir(), 'mpconform-observe-stacks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const cli = (args: string[]) => execa('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { reject: false, cwd: process.cwd() });
const py = python('3.12') ?? python('debian');

describe('observe prints a hung tree\'s stacks', () => {
  test.skipIf(py === null)('a child that acquires its lock twice: its frame in work_1, the parent in join', async () => {
    const file = join(scratch, 'lock_twice.py');
    writeFileSync(file, LOCK_TWICE);
    // no --quiescence: the wall-clock limit ends it, and the stacks are taken before the tree is killed
    const r = await cli(['observe', file, '--python', py!, '--timeout', '10']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: hang \(timeout: /);
    expect(r.stdout).toContain('stacks (most recent call first');
    // LOCK_TWICE: line 5 is the second o0.acquire(), line 13 is p1.join()
    expect(r.stdout).toMatch(/^ {2}w1 {2}pid \d+: main\.py line 5 in `work_1`$/m);
    expect(r.stdout).toMatch(/^ {4}main\.py line 5 in work_1$/m);
    expect(r.stdout).toMatch(/^ {2}main {2}pid \d+: main\.py line 13 in `<module>`, waiting in multiprocessing\/popen_fork\.py line \d+ in `\w+`$/m);
    expect(r.stdout).not.toMatch(/sitecustomize\.py line/);
  });
});

const FACTS = { implementation: 'cpython', version: '3.12.1', path: '/usr/bin/python3' } as InterpreterFacts;
const deep = Array.from({ length: MAX_FRAMES + 3 }, (_, i) => `  File "/tmp/mpconform-x/main.py", line ${i + 1} in f${i}`).join('\n');
const DUMP = `Thread 0x00007f2a1b7fe700 (most recent call first):
  File "/usr/lib/python3.11/threading.py", line 320 in wait
  File "/tmp/mpconform-x/main.py", line 7 in bad\x1b]0;pwned\x07name

Current thread 0x00007f2a1c9a1740 (most recent call first):
${deep}
`;

function hung(stacks: Observation['stacks']): Observation {
  const none = { head: '', tail: '', omittedBytes: 0, totalBytes: 0 };
  return {
    end: { kind: 'hang', how: 'quiescence', hangBy: 'quiescence', reason: 'all 2 processes of the tree blocked for 1000 ms', afterMs: 1200 },
    processes: [{ label: 'main', role: 'main', name: null, pid: 4, ppid: 1, startMethod: null, outcome: 'hang', exitcode: -15, exception: null }],
    notes: {}, stdout: none, stderr: none, durationMs: 1300, ...(stacks !== undefined ? { stacks } : {}),
  };
}

describe('formatObservation: stacks', () => {
  test('threads main first, each with its summary and frames; a deep stack counts what it leaves out; escapes are data', () => {
    const text = formatObservation('x.py', FACTS, hung(processStacks([{ pid: 4, text: DUMP }], () => 'main')));
    const lines = text.split('\n');
    const at = lines.indexOf('  main  pid 4');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('    thread 1 (0x00007f2a1c9a1740, main): main.py line 1 in `f0`');
    expect(lines[at + 2]).toBe('      main.py line 1 in f0');
    expect(lines[at + 1 + MAX_FRAMES]).toBe(`      main.py line ${MAX_FRAMES} in f${MAX_FRAMES - 1}`);
    expect(lines[at + 2 + MAX_FRAMES]).toBe('      … 3 older frames');
    expect(lines[at + 3 + MAX_FRAMES]).toMatch(/^ {4}thread 2 \(0x00007f2a1b7fe700\): main\.py line 7 in `bad\\x1b\]0;pwned\\x07name`, waiting in threading\.py line 320 in `wait`$/);
    expect(text).not.toMatch(/[\x1b\x07]/);
  });

  test('a hang without stacks says so; a run that ended never prints stacks', () => {
    expect(formatObservation('x.py', FACTS, hung(undefined))).toContain('stacks: none taken');
    const ok = { ...hung(undefined), end: { kind: 'exited', code: 0 } } as const;
    expect(formatObservation('x.py', FACTS, ok)).not.toContain('stacks');
  });
});
