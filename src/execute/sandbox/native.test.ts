import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { which } from '../../fsutil/which.js';
import { nativeLauncher, nativeLauncherPath } from './native.js';

const compiler = ['cc', 'gcc', 'clang'].some((c) => which(c) !== null);
const root = process.getuid?.() === 0;

describe('the compiled launcher', () => {
  let cache: string;
  let saved: NodeJS.ProcessEnv;
  beforeEach(() => {
    saved = { ...process.env };
    cache = mkdtempSync(join(tmpdir(), 'mpconform-native-test-'));
    process.env['XDG_CACHE_HOME'] = cache;
  });
  afterEach(() => {
    process.env = saved;
    rmSync(cache, { recursive: true, force: true });
  });

  test('without a C compiler on PATH there is none (the Python launcher runs instead)', () => {
    process.env['PATH'] = join(cache, 'empty');
    expect(nativeLauncher()).toBeNull();
  });

  test.skipIf(!compiler)('is compiled once into the cache, keyed by its source', () => {
    const made = nativeLauncher();
    expect(made).toBe(nativeLauncherPath());
    expect(made!.startsWith(join(cache, 'mpconform', 'sandbox-init'))).toBe(true);
    // a second call finds it and compiles nothing: no compiler is needed any more
    process.env['PATH'] = join(cache, 'empty');
    expect(nativeLauncher()).toBe(made);
  });

  test.skipIf(!compiler || !root)('relays the exit code and the signal, and writes init before main into the info file', () => {
    const exe = nativeLauncher()!;
    const info = join(cache, 'info');
    const a = spawnSync(exe, [info, 'sh', '-c', 'test "$$" -gt 1 && test -z "$(ls -A /dev/shm)" && exit 7'], { encoding: 'utf8' });
    expect(a.status, a.stderr).toBe(7);
    const lines = readFileSync(info, 'latin1').trim().split('\n');
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['init', 'main']);
    expect(lines[1]).toBe('main 2'); // the program is the namespace's second process
    for (const sig of ['SEGV', 'KILL']) {
      const b = spawnSync(exe, [join(cache, `info-${sig}`), 'sh', '-c', `kill -${sig} $$`]);
      expect(b.signal).toBe(`SIG${sig}`);
    }
    const c = spawnSync(exe, [join(cache, 'info-c'), join(cache, 'no-such-program')], { encoding: 'utf8' });
    expect(c.status).toBe(127);
    expect(c.stderr).toContain('mpconform sandbox: cannot execute');
  });
});
