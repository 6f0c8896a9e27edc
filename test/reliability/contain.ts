/**
 * Counting what a run left, without other tests' noise: the commands run in a private mount
 * namespace (`unshare -m`) with a fresh tmpfs on /dev/shm and a fresh TMPDIR, so every /dev/shm
 * entry and every temp dir counted afterwards is theirs (other engineers' concurrent tests write to
 * the host's /dev/shm and /tmp). Processes left are found on the host by what ties them to the
 * run: a TMPDIR or a working directory under the fresh TMPDIR (a clean-environment daemon keeps
 * its cwd), or a marker argument.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { execa } from 'execa';

/** What was left after the commands ended. */
export interface Left {
  /** Entries of the private /dev/shm when the commands had ended. */
  readonly shm: string[];
  /** Entries left in the fresh TMPDIR (mpconform-* run dirs, staging dirs...; tsx's own cache aside). */
  readonly tmp: string[];
  /** Live host processes tied to the run (pids with their command lines). */
  readonly processes: string[];
}

export interface Contained {
  readonly stdout: string;
  readonly stderr: string;
  /** The wrapper's own exit code (the script decides what it reports). */
  readonly exitCode: number | undefined;
  readonly left: Left;
  readonly tmpdir: string;
}

const CLI = 'node --import tsx src/cli/main.ts';

/** The command that starts the CLI from the repo (for scripts). */
export const MPCONFORM = CLI;

function tiedProcesses(tmpdir: string, marker: string | undefined): string[] {
  const out: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z') continue;
      const env = readFileSync(`/proc/${name}/environ`, 'latin1');
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'latin1').split('\0').join(' ').trim();
      let cwd = '';
      try {
        cwd = readlinkSync(`/proc/${name}/cwd`);
      } catch {
        // not ours to read
      }
      if (env.includes(`TMPDIR=${tmpdir}`) || cwd.startsWith(tmpdir) || (marker !== undefined && cmd.includes(marker))) out.push(`${name}: ${cmd.slice(0, 120)}`);
    } catch {
      // gone
    }
  }
  return out;
}

/**
 * Runs `script` (bash) in a private mount namespace with its own /dev/shm and TMPDIR, then
 * reports what was left. `$MPCONFORM` in the script starts the CLI; `marker` is an extra string
 * whose presence in a command line ties a process to the run (e.g. a sleep's unique duration).
 * Whatever is found left is killed and removed after counting (so one failure does not pollute
 * the next test).
 */
export async function contained(script: string, opts: { env?: Record<string, string>; timeoutMs?: number; marker?: string } = {}): Promise<Contained> {
  const tmpdir = `/tmp/mpconform-rel-${randomBytes(5).toString('hex')}`;
  mkdirSync(tmpdir);
  const wrapper = `set -u
mount -t tmpfs -o mode=1777,size=256m reliability-shm /dev/shm || exit 97
export TMPDIR=${tmpdir}
MPCONFORM="${CLI}"
${script}
echo "@@SHM $(ls -A /dev/shm | tr '\\n' ' ')"`;
  const r = await execa('unshare', ['-m', '--propagation', 'private', 'bash', '-c', wrapper], {
    reject: false, cwd: process.cwd(), env: { ...opts.env }, extendEnv: true, timeout: opts.timeoutMs ?? 300_000, maxBuffer: 256 * 1024 * 1024,
  });
  const stdout = String(r.stdout);
  const shmLine = stdout.split('\n').find((l) => l.startsWith('@@SHM')) ?? '@@SHM';
  const shm = shmLine.slice(5).trim().split(' ').filter(Boolean);
  // a moment for SIGKILLed processes to be reaped before they are counted
  await new Promise((res) => setTimeout(res, 300));
  const processes = tiedProcesses(tmpdir, opts.marker);
  let tmp: string[] = [];
  try {
    // tsx-<uid>: tsx's compile cache (the CLI runs from source here), not the run's
    tmp = readdirSync(tmpdir).filter((n) => !/^tsx-\d+$/.test(n));
  } catch {
    tmp = [];
  }
  for (const p of processes) {
    try {
      process.kill(Number(p.split(':')[0]), 'SIGKILL');
    } catch {
      // gone
    }
  }
  rmSync(tmpdir, { recursive: true, force: true });
  return { stdout: stdout.split('\n').filter((l) => !l.startsWith('@@SHM')).join('\n'), stderr: String(r.stderr), exitCode: r.exitCode, left: { shm, tmp, processes }, tmpdir };
}
