import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { TOKEN_ENV } from '../../src/contracts/env.js';
import { resetSandboxMode } from '../../src/execute/sandbox/index.js';

/** Pid → parent pid for every live process (a /proc scan). */
export function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.set(Number(name), ppid);
    } catch {
      // gone
    }
  }
  return out;
}

/** Live descendants of `root` (not `root` itself). */
export function descendants(root: number): number[] {
  const pp = parents();
  const out: number[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const p = frontier.pop()!;
    for (const [pid, ppid] of pp) if (ppid === p) { out.push(pid); frontier.push(pid); }
  }
  return out;
}

/** The run token in a process's environment, if any. */
export function tokenOf(pid: number): string | null {
  try {
    const kv = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').find((x) => x.startsWith(`${TOKEN_ENV}=`));
    return kv === undefined ? null : kv.slice(TOKEN_ENV.length + 1);
  } catch {
    return null;
  }
}

/** Every live process carrying one of `tokens` (found anywhere in /proc: setsid() escapees too). */
export function processesWithTokens(tokens: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (const pid of parents().keys()) {
    const t = tokenOf(pid);
    if (t !== null && tokens.has(t) && pid !== process.pid) out.push(pid);
  }
  return out;
}

/** /dev/shm entries a process has mapped (named semaphores and shared memory segments it holds). */
export function shmMappedBy(pid: number): string[] {
  try {
    return [...new Set(readFileSync(`/proc/${pid}/maps`, 'latin1').split('\n')
      .map((l) => /\s(\/dev\/shm\/\S+)/.exec(l)?.[1]).filter((x): x is string => x !== undefined && !x.includes('(deleted)')))];
  } catch {
    return [];
  }
}

/** A process's working directory (our trees run in their own temp dir). */
export function cwdOf(pid: number): string | null {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return null;
  }
}

/** What a tree holds right now: its tokens, temp dirs and /dev/shm entries (to check again after). */
export interface Holdings { readonly tokens: Set<string>; readonly dirs: Set<string>; readonly shm: Set<string>; readonly pids: Set<number> }

/** Snapshot of what the descendants of `root` that carry a run token hold. */
export function holdingsOf(root: number, into: Holdings = { tokens: new Set(), dirs: new Set(), shm: new Set(), pids: new Set() }): Holdings {
  for (const pid of descendants(root)) {
    const t = tokenOf(pid);
    if (t === null) continue;
    into.tokens.add(t);
    into.pids.add(pid);
    const cwd = cwdOf(pid);
    if (cwd !== null && /\/mpconform-[^/]+$/.test(cwd)) into.dirs.add(cwd);
    for (const s of shmMappedBy(pid)) into.shm.add(s);
  }
  return into;
}

/** What of `h` is still there. */
export function leftOver(h: Holdings): { processes: number[]; dirs: string[]; shm: string[] } {
  return {
    processes: processesWithTokens(h.tokens),
    dirs: [...h.dirs].filter((d) => existsSync(d)),
    shm: [...h.shm].filter((s) => existsSync(s)),
  };
}

/** The /dev/shm path of a recorded semaphore / segment name. */
export function shmEntry(kind: 'semaphore' | 'shared_memory', name: string): string {
  const bare = name.replace(/^\//, '');
  return `/dev/shm/${kind === 'semaphore' ? 'sem.' : ''}${bare}`;
}

/** Runs `f` with the sandbox off (MPCONFORM_SANDBOX=off), then restores the mode. */
export async function inTracking<T>(f: () => Promise<T>): Promise<T> {
  const before = process.env['MPCONFORM_SANDBOX'];
  process.env['MPCONFORM_SANDBOX'] = 'off';
  resetSandboxMode();
  try {
    return await f();
  } finally {
    if (before === undefined) delete process.env['MPCONFORM_SANDBOX'];
    else process.env['MPCONFORM_SANDBOX'] = before;
    resetSandboxMode();
  }
}

