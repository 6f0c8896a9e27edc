/**
 * The defects found by trying the harness adversarially, each reproduced with a real program, a
 * real interpreter and a real signal through the real CLI, and what the fix guarantees: one line
 * and exit 2 for bad input (nothing already written changed), 130/143 for signals, bounded time
 * and memory for hostile programs, nothing left behind.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { runFactsScript } from '../../src/interpreters/probe.js';
import { python } from '../support/pythons.js';
import { descendants, tokenOf } from './leakcheck.js';
import * as P from './programs.js';

const py = python('3.12') ?? python('3.11');
const scratch = mkdtempSync(join(tmpdir(), 'mpconform-defects-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const f = (name: string): string => join(scratch, name);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function cli(args: readonly string[], env: Record<string, string> = {}) {
  return execa('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    reject: false, cwd: process.cwd(), env: { MPCONFORM_ERROR_CODES: '1', ...env }, maxBuffer: 64 * 1024 * 1024,
  });
}

/** Live processes whose command line contains `marker` (a unique sleep duration). */
function withMarker(marker: string): number[] {
  const out: number[] = [];
  for (const n of readdirSync('/proc')) {
    if (!/^\d+$/.test(n)) continue;
    try {
      const stat = readFileSync(`/proc/${n}/stat`, 'latin1');
      if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z') continue;
      if (readFileSync(`/proc/${n}/cmdline`, 'latin1').split('\0').includes(marker)) out.push(Number(n));
    } catch {
      // gone
    }
  }
  return out;
}

function oneLine(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '' && !l.startsWith('npm warn'));
}

const marker = (): string => `${300 + Math.floor(Math.random() * 1000)}.${randomBytes(2).readUInt16BE(0)}`;

describe('a --python that hangs: the facts probe is bounded and ends everything it started', () => {
  const hanging = (m: string): string => {
    const file = f(`hang-${m}.sh`);
    writeFileSync(file, `#!/bin/sh\nsleep ${m}\n`);
    chmodSync(file, 0o755);
    return file;
  };

  test('timeout: the whole group is killed and the probe does not wait on the pipe the grandchild held', async () => {
    const m = marker();
    const t0 = Date.now();
    const r = await runFactsScript(hanging(m), 1_000);
    const took = Date.now() - t0;
    console.log(`[reliability] hanging --python, facts timeout 1 s: answered in ${took} ms, sleep left: ${withMarker(m).length}`);
    expect(r.timedOut).toBe(true);
    expect(took).toBeLessThan(3_000);
    expect(withMarker(m)).toEqual([]);
  });

  test.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('one %s during the probe: exit %i at once, no sleep left', async (sig, code) => {
    const m = marker();
    const child = cli(['observe', f('hang-target.py'), '--python', hanging(m)]);
    writeFileSync(f('hang-target.py'), 'print(1)\n');
    const t0 = Date.now();
    while (withMarker(m).length === 0 && Date.now() - t0 < 15_000) await sleep(50);
    expect(withMarker(m).length, 'the hanging interpreter was started').toBeGreaterThan(0);
    const sent = Date.now();
    child.kill(sig);
    const r = await child;
    console.log(`[reliability] hanging --python, one ${sig}: exit ${r.exitCode} after ${Date.now() - sent} ms`);
    expect(r.exitCode, String(r.stderr)).toBe(code);
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(oneLine(String(r.stderr))).toHaveLength(1);
    await sleep(100);
    expect(withMarker(m)).toEqual([]);
  });
});

describe.skipIf(py === null)(`hostile programs under observe (${py ?? 'no CPython 3.11+'})`, () => {
  test('a 64 MiB line without a newline in the events file: no false hang, bounded time and memory', async () => {
    writeFileSync(f('huge-line.py'), P.hugeEventLine(64));
    const child = cli(['observe', f('huge-line.py'), '--python', py!, '--timeout', '5', '--json']);
    let maxRss = 0;
    const poll = setInterval(() => {
      try {
        maxRss = Math.max(maxRss, Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'latin1'))?.[1] ?? 0) * 1024);
      } catch {
        // exited
      }
    }, 20);
    const t0 = Date.now();
    const r = await child;
    clearInterval(poll);
    const took = Date.now() - t0;
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const o = (JSON.parse(String(r.stdout)) as { observation: { end: { kind: string }; processes: { label: string | null; outcome: string }[]; notes: Record<string, string> } }).observation;
    console.log(`[reliability] 64 MiB event line: observe took ${took} ms, CLI max RSS ${Math.round(maxRss / 1048576)} MiB, end ${o.end.kind}`);
    expect(o.end.kind).toBe('exited');
    expect(o.processes[0]).toMatchObject({ label: 'main', outcome: 'ok' });
    expect(o.notes['wrote']).toBe('64');
    expect(took).toBeLessThan(20_000);
    expect(maxRss).toBeLessThan(300 * 1024 * 1024);
  });

  test('terminal escapes in process names, exception messages and notes never reach the terminal raw', async () => {
    writeFileSync(f('escapes.py'), P.TERMINAL_ESCAPES);
    const r = await cli(['observe', f('escapes.py'), '--python', py!]);
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const out = String(r.stdout);
    // eslint-disable-next-line no-control-regex
    expect(out.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g)).toBeNull();
    expect(out).toContain('\\x1b[31m');
    expect(out).toContain('evil\\x1b[2Jname\\x07');
    expect(out).toMatch(/esc = \\x1b\[1mbold/);
  });

  test.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s to observe of a running tree: exit %i', async (sig, code) => {
    const up = f(`up-${sig}`);
    writeFileSync(f('sleeps.py'), `import time\nopen(${JSON.stringify(up)}, 'w').close()\ntime.sleep(60)\n`);
    const child = cli(['observe', f('sleeps.py'), '--python', py!]);
    const t0 = Date.now();
    while (!existsSync(up) && Date.now() - t0 < 30_000) await sleep(50);
    expect(existsSync(up), 'the program was running').toBe(true);
    child.kill(sig);
    const r = await child;
    expect(r.exitCode, String(r.stderr)).toBe(code);
    expect(oneLine(String(r.stderr))).toHaveLength(1);
  });

  test('SIGTERM to replay: exit 143', async () => {
    const { corpus } = await import('../../scenarios/index.js');
    const { renderScenario } = await import('../../src/render/index.js');
    const { dialectFor } = await import('../../src/targets/index.js');
    const { SCENARIO_MARK } = await import('../../src/run/repro.js');
    const s = corpus[0]!.scenario;
    writeFileSync(f('repro.py'), renderScenario(s, dialectFor('multiprocessing'), { header: [`${SCENARIO_MARK}${JSON.stringify(s)}`] }));
    const child = cli(['replay', f('repro.py'), '--python', py!, '--runs', '200']);
    const t0 = Date.now();
    while (!descendants(child.pid!).some((pid) => tokenOf(pid) !== null) && Date.now() - t0 < 30_000) await sleep(50);
    child.kill('SIGTERM');
    const r = await child;
    expect(r.exitCode, String(r.stderr)).toBe(143);
  });
});

describe.skipIf(py === null)('a venv is not its base interpreter (facts cache key)', () => {
  test.each([['base first', false], ['venv first', true]] as const)('%s: each runs with its own sys.prefix', async (_name, venvFirst) => {
    const venv = f(`venv-${venvFirst ? 'a' : 'b'}`);
    await execa(py!, ['-m', 'venv', '--without-pip', venv]);
    const cache = f(`cache-${venvFirst ? 'a' : 'b'}`);
    writeFileSync(f('prefix.py'), 'import sys\nprint("@note prefix", sys.prefix)\n');
    const observeWith = async (python: string): Promise<{ prefix: string; executable: string }> => {
      const r = await cli(['observe', f('prefix.py'), '--python', python, '--json'], { XDG_CACHE_HOME: cache });
      expect(r.exitCode, String(r.stderr)).toBe(0);
      const j = JSON.parse(String(r.stdout)) as { python: { executable: string }; observation: { notes: Record<string, string> } };
      return { prefix: j.observation.notes['prefix']!, executable: j.python.executable };
    };
    const venvPython = join(venv, 'bin', 'python');
    const order = venvFirst ? [venvPython, py!] : [py!, venvPython];
    const [first, second] = [await observeWith(order[0]!), await observeWith(order[1]!)];
    const [v, b] = venvFirst ? [first, second] : [second, first];
    expect(v.prefix).toBe(venv);
    expect(v.executable).toBe(venvPython);
    expect(b.prefix).not.toBe(venv);
    expect(b.executable).not.toContain(venv);
  });
});

describe('bad input: one line, exit 2, nothing created or changed', () => {
  const rows: [string, () => string[], RegExp][] = [
    ['observe --timeout 1e7 (past what Node timers hold)', () => ['observe', f('p.py'), '--timeout', '1e7'], /--timeout must be a positive number of seconds, got "1e7" \(from 0\.001 to 86400\)/],
    ['observe --timeout 0.0001 (rounds to 0 ms)', () => ['observe', f('p.py'), '--timeout', '0.0001'], /--timeout must be a positive number of seconds, got "0\.0001"/],
    ['run --timeout 0.0001', () => ['run', '--family', 'defaults', '--runs', '1', '--timeout', '0.0001', '--report-dir', f('never-1')], /--timeout expects a number of seconds greater than 0, got "0\.0001"/],
    ['run --timeout 1e7', () => ['run', '--family', 'defaults', '--runs', '1', '--timeout', '1e7', '--report-dir', f('never-2')], /--timeout expects a number of seconds greater than 0, got "1e7"/],
    ['observe of a 600 MiB file', () => ['observe', f('600m.py')], /observe: .*600m\.py is 600 MiB; a program must be at most 64 MiB/],
    ['observe of a 3 GiB file', () => ['observe', f('3g.py')], /observe: .*3g\.py is 3072 MiB; a program must be at most 64 MiB/],
    ['a --python printing a malformed facts line', () => ['observe', f('p.py'), '--python', f('malformed-facts.sh')], /printed a malformed facts line/],
    ['--update-expectations to an unwritable path (checked before the run)', () => ['run', '--python', py ?? 'python3', '--family', 'defaults', '--runs', '1', '--update-expectations', join(f('a-file'), 'exp.json'), '--report-dir', f('never-3')], /--update-expectations .*a-file\/exp\.json: cannot write: ENOTDIR/],
    ['run --python /missing --report-dir NEW', () => ['run', '--python', '/nonexistent/python3', '--report-dir', f('never-4')], /interpreter \/nonexistent\/python3: no such file/],
  ];

  test.each(rows)('%s', async (_name, args, line) => {
    writeFileSync(f('p.py'), 'print(1)\n');
    writeFileSync(f('a-file'), 'x\n');
    for (const [name, size] of [['600m.py', 600 * 1048576], ['3g.py', 3 * 1024 * 1048576]] as const) {
      const fd = openSync(f(name), 'w');
      ftruncateSync(fd, size); // sparse: costs no disk
      closeSync(fd);
    }
    writeFileSync(f('malformed-facts.sh'), '#!/bin/sh\necho "MPCONFORM-FACTS {not json"\n');
    chmodSync(f('malformed-facts.sh'), 0o755);
    const t0 = Date.now();
    const r = await cli(args());
    const lines = oneLine(String(r.stderr));
    expect(r.exitCode, String(r.stderr)).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(String(r.stderr)).not.toMatch(/\n\s+at /);
    expect(Date.now() - t0, 'found before any run').toBeLessThan(20_000);
    for (const d of ['never-1', 'never-2', 'never-3', 'never-4']) expect(existsSync(f(d)), `${d} created`).toBe(false);
  });
});

describe('ENOSPC while writing reports (a 1 MiB tmpfs in a private mount namespace): the old set stays whole', () => {
  test('a report set that does not fit leaves the previous one byte-identical and no staging dir', async () => {
    {
      const r = await execa('unshare', ['-m', '--propagation', 'private', 'bash', '-c',
        `mkdir -p ${f('small')} && mount -t tmpfs -o size=1m enospc ${f('small')} && mkdir ${f('small')}/reports && node --import tsx test/reliability/enospc-child.ts ${f('small')}/reports`], { reject: false, cwd: process.cwd() });
      expect(r.exitCode, String(r.stderr)).toBe(0);
      const out = JSON.parse(String(r.stdout)) as { error: string | null; same: boolean; files: string[] };
      console.log(`[reliability] ENOSPC on report write: ${out.error}; previous set unchanged: ${out.same}`);
      expect(out.error).toMatch(/ENOSPC/);
      expect(out.same).toBe(true);
      expect(out.files.filter((x) => x.includes('.mpconform-staging-'))).toEqual([]);
    }
  });
});

