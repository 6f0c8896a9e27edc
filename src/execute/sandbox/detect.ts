import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SETTINGS_ENV } from '../../contracts/env.js';
import { INIT_PY } from './init.js';
import { discardNativeLauncher, nativeLauncher } from './native.js';

/**
 * How a tree is contained:
 * - `namespaces`: its own pid and mount namespaces (util-linux `unshare`), a procfs of its own, a
 *   private tmpfs on /dev/shm and a reaping pid 1 (src/execute/sandbox/init.ts, or its C twin
 *   init-native.ts where a C compiler made it). Ending pid 1 ends
 *   every process of the tree and its /dev/shm, whatever the program did.
 * - `tracking`: no namespaces (not Linux, not root, a runner that forbids them, or
 *   `MPCONFORM_SANDBOX=off`): the tree runs as its own process group and what it leaves is found
 *   and removed by tracking (src/execute/kill.ts, src/execute/ipc.ts).
 */
export type SandboxMode = 'namespaces' | 'tracking';

/**
 * `MPCONFORM_SANDBOX=off` (or `tracking`) forces the fallback; `python` keeps the namespaces but
 * with unshare and the Python launcher (no compiled one: the tests run both); anything else lets
 * detection decide.
 */
export const SANDBOX_ENV = SETTINGS_ENV.sandbox;

/** The unshare flags every sandboxed tree is started with (the check below runs exactly these). */
export const UNSHARE_FLAGS = ['--pid', '--mount', '--propagation', 'private'] as const;

/** The decision, with its reason. */
export interface Detected {
  readonly mode: SandboxMode;
  readonly why: string;
  readonly unshare: string | null;
  /**
   * The interpreter binary that runs the launcher (src/execute/sandbox/init.ts): a real binary,
   * never a shim script (a shim's own forks would make a short-lived process pid 1 of the new
   * namespace, and the namespace would die with it).
   */
  readonly launcher: string | null;
  /** The compiled launcher (src/execute/sandbox/native.ts), which makes the namespaces itself; null: unshare + the Python launcher. */
  readonly native: string | null;
}
let detected: Detected | undefined;

function onPath(name: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(':').concat(['/usr/bin', '/bin'])) {
    if (dir === '') continue;
    try {
      accessSync(`${dir}/${name}`, constants.X_OK);
      return `${dir}/${name}`;
    } catch {
      // not here
    }
  }
  return null;
}

/** sys.executable of the python3 on PATH (resolves pyenv-style shims to the binary). */
function launcherPython(): string | null {
  const py = onPath('python3');
  if (py === null) return null;
  const r = spawnSync(py, ['-E', '-s', '-S', '-c', 'import sys; sys.stdout.write(sys.executable)'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
  const exe = r.status === 0 ? r.stdout.trim() : '';
  return exe.startsWith('/') ? exe : null;
}

/** The command that starts `prog...` in a sandbox, its launcher writing `info`. */
export function sandboxCommand(d: Pick<Detected, 'unshare' | 'launcher' | 'native'>, info: string, prog: readonly string[]): { file: string; args: string[] } {
  if (d.native !== null) return { file: d.native, args: [info, ...prog] };
  return { file: d.unshare!, args: [...UNSHARE_FLAGS, '--', d.launcher!, '-E', '-s', '-S', '-c', INIT_PY, info, ...prog] };
}

/**
 * Tries the sandbox once, exactly as a tree is started: the launcher with the same unshare flags
 * (or the native launcher), a program (sh) that must not be pid 1, must see a procfs of its own
 * namespace and an empty private tmpfs on /dev/shm it can create a semaphore file in; its exit
 * code must come back; and programs killed by SIGSEGV and by SIGKILL must come back as those signals.
 * Bounded (10 s each).
 */
function check(d: Pick<Detected, 'unshare' | 'launcher' | 'native'>): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'mpconform-sandbox-check-'));
  try {
    const script = 'test "$$" -gt 1 && test "$(cut -d" " -f1 /proc/self/stat)" != "" && test -z "$(ls -A /dev/shm)" && : > /dev/shm/sem.mpconform-check && exit 7';
    const run = (name: string, prog: string): ReturnType<typeof spawnSync> => {
      const { file, args } = sandboxCommand(d, join(dir, name), ['sh', '-c', prog]);
      return spawnSync(file, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
    };
    const a = run('a', script);
    if (a.error !== undefined) return a.error.message;
    if (a.status !== 7) return (String(a.stderr).trim().split('\n')[0] ?? '') || `the check exited ${a.status ?? a.signal}`;
    for (const sig of ['SEGV', 'KILL'] as const) {
      const b = run(`b-${sig}`, `kill -${sig} $$`);
      if (b.signal !== `SIG${sig}`) return `a signal did not come back through the launcher (SIG${sig}: ${b.status ?? b.signal})`;
    }
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The mode this process runs trees in, decided once (the check costs ~50 ms) and cached. */
export function sandboxMode(): Detected {
  if (detected !== undefined) return detected;
  const env = (process.env[SANDBOX_ENV] ?? '').trim().toLowerCase();
  const off = (why: string): Detected => ({ mode: 'tracking', why, unshare: null, launcher: null, native: null });
  if (env === 'off' || env === 'tracking' || env === '0' || env === 'false') detected = off(`${SANDBOX_ENV}=${env}`);
  else if (process.platform !== 'linux') detected = off(`no namespaces on ${process.platform}`);
  else {
    // the compiled launcher first (no interpreter start-up per tree), else unshare + the Python one
    const native = env === 'python' ? null : nativeLauncher();
    const nativeFailed = native === null ? null : check({ unshare: null, launcher: null, native });
    if (native !== null && nativeFailed === null) {
      detected = { mode: 'namespaces', why: 'pid + mount namespaces (native launcher)', unshare: null, launcher: null, native };
      return detected;
    }
    // a compiled launcher that fails its check is removed: the next process compiles it afresh
    if (native !== null) discardNativeLauncher(native);
    const nativeWhy = nativeFailed === null ? '' : `; the native launcher failed its check: ${nativeFailed}`;
    const unshare = onPath('unshare');
    const launcher = unshare === null ? null : launcherPython();
    const failed = unshare === null ? 'unshare (util-linux) not found' : launcher === null ? 'no python3 to run the launcher' : check({ unshare, launcher, native: null });
    detected = failed === null ? { mode: 'namespaces', why: `pid + mount namespaces${nativeWhy}`, unshare, launcher, native: null } : off(`namespaces unavailable: ${failed}${nativeWhy}`);
  }
  return detected;
}

/** Forgets the cached decision (tests that flip MPCONFORM_SANDBOX). */
export function resetSandboxMode(): void {
  detected = undefined;
}
