import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProbeEvent } from '../../contracts/events.js';
import { unlinkLeftovers, type IpcLeftover } from '../ipc.js';
import { carriesToken, killGroup, killTokenProcesses, recordedPids } from '../kill.js';
import { parseEvents } from '../../contracts/events.js';
import { TOKEN_ENV } from '../../contracts/env.js';
import { EVENTS_BUDGET } from '../tail.js';
import { isExecutableFile, which } from '../../fsutil/which.js';
import { attachTree, detachTree } from './hooks.js';
import { sandboxCommand, sandboxMode, type SandboxMode } from './detect.js';
import { EVENTS_FILE, removeRunDir, runDirPrefix } from '../workdir.js';

/** The file (in the run's directory) where the launcher says where init and the program are. */
export const SANDBOX_INFO = '.mpconform-sandbox';

/** How one tree is started and, in the namespaces mode, what the harness may ask of it. */
export interface TreeLaunch {
  readonly mode: SandboxMode;
  /** The command to spawn (as its own process group) instead of `python args...`. */
  readonly file: string;
  readonly args: readonly string[];
  /** Call with the spawned process's pid (the process group id). */
  attach(hostPid: number | null): void;
  /** The main program's pid as the tree's own events name it (its pid inside the namespace). */
  treePid(hostPid: number | null): number | null;
  /** Host pid of the namespace's pid 1 (null in the tracking mode or before it was forked). */
  initPid(): number | null;
  /**
   * True once the namespaces' pid 1 was forked (its launcher said so first, before the program
   * ran): no process of the tree can be outside them, and ending pid 1 ends every one, so the
   * tracking mode's search by run token is not needed.
   */
  contained(): boolean;
  /**
   * Host pids of every process of the tree right now: init and its descendants, found through
   * /proc/<pid>/task/<tid>/children on the host (the tree's own events carry namespace pids).
   * Empty in the tracking mode (there the group id and the token find the tree).
   */
  hostPids(): number[];
  /**
   * What the tree left in /dev/shm. Namespaces: the entries of its private tmpfs, seen just
   * before init was killed (they vanish with the namespace: `removed` is true). Tracking: the
   * recorded names are checked and unlinked (src/execute/ipc.ts).
   */
  ipcLeftovers(events: readonly ProbeEvent[], unlink: boolean): IpcLeftover[];
  /** Resolves once the namespace is gone (every process of it dead), bounded; at once in the tracking mode. */
  settle(): Promise<void>;
}

/** Every tree started and not yet settled, for cleanupAllNow. */
const live = new Set<TreeLaunch & { readonly workDir: string; readonly token: string; group: number | null }>();

/**
 * Ends every tree still running and removes what it left, now and synchronously: for a second
 * Ctrl-C, or a signal while the graceful stop is still under way. Every tree's group is SIGKILLed
 * first (its init, in the namespaces mode: the namespace and its /dev/shm go with it), then every
 * tree's token processes and the escapees its events name, and only then, within `budgetMs`, the
 * /dev/shm names each recorded are unlinked (tracking); its temporary directory is removed
 * whatever the budget. Returns how many trees it ended.
 */
export function cleanupAllNow(budgetMs = 3_000): number {
  const until = Date.now() + budgetMs;
  const trees = [...live].filter((t) => existsSync(t.workDir)); // the others were cleaned up by their run
  live.clear();
  // killing is cheap: no tree keeps running while another's leftovers are looked for
  for (const t of trees) {
    if (t.group !== null && carriesToken(t.group, t.token)) killGroup(t.group, 'SIGKILL');
    if (t instanceof NamespaceLaunch) t.killInit();
  }
  const withEvents = trees.map((t) => {
    let events: ReturnType<typeof parseEvents> = [];
    try {
      const text = readFileSync(join(t.workDir, EVENTS_FILE));
      events = parseEvents(text.subarray(0, EVENTS_BUDGET).toString('utf8'));
    } catch {
      // no events file (yet)
    }
    killTokenProcesses(t.token, t.mode === 'tracking' ? recordedPids(events) : []);
    return { t, events };
  });
  let skipped = 0;
  for (const { t, events } of withEvents) {
    if (t.mode === 'tracking') {
      if (Date.now() <= until) unlinkLeftovers(events, t.token);
      else skipped++;
    }
    removeRunDir(t.workDir);
  }
  if (skipped > 0) process.stderr.write(`mpconform: out of time for /dev/shm: what ${skipped} ended run(s) left there was not removed (their processes are ended)\n`);
  // run dirs made by this process whose tree had not started yet (src/execute/workdir.ts)
  try {
    const base = tmpdir();
    const prefix = runDirPrefix();
    for (const name of readdirSync(base)) {
      if (name.startsWith(prefix)) removeRunDir(join(base, name));
    }
  } catch {
    // no temp dir to read
  }
  return trees.length;
}
const contained = new Set<string>();

/** True while the tree with this run token runs in its own namespaces (its events carry namespace pids). */
export function isContained(token: string): boolean {
  return contained.has(token);
}

function readInfo(workDir: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    // the program's own directory: a FIFO or a link it put there is not read (a FIFO would block)
    if (!lstatSync(join(workDir, SANDBOX_INFO)).isFile()) return out;
    for (const line of readFileSync(join(workDir, SANDBOX_INFO), 'latin1').split('\n')) {
      const sp = line.indexOf(' ');
      if (sp > 0 && !out.has(line.slice(0, sp))) out.set(line.slice(0, sp), line.slice(sp + 1)); // first wins: later lines may be forged
    }
  } catch {
    // not written (yet)
  }
  return out;
}

/** NSpid of a host pid: [host, ..., innermost]; empty when gone. */
export function nsPids(pid: number): number[] {
  try {
    const m = /^NSpid:\s*(.*)$/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? m[1]!.trim().split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

function stateOf(pid: number): string | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return s.slice(s.lastIndexOf(')') + 2, s.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/** Children of a host pid (all its threads' children). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const t of tasks) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${t}/children`, 'latin1').trim().split(' ')) if (c !== '') out.push(Number(c));
    } catch {
      // thread gone
    }
  }
  return out;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

class NamespaceLaunch implements TreeLaunch {
  readonly mode = 'namespaces' as const;
  readonly file: string;
  readonly args: readonly string[];
  group: number | null = null;
  private init: number | null | undefined;
  private seen: IpcLeftover[] | null = null;

  constructor(command: { readonly file: string; readonly args: readonly string[] }, readonly workDir: string, readonly token: string) {
    this.file = command.file;
    this.args = command.args;
  }

  attach(hostPid: number | null): void {
    if (hostPid === null) return;
    this.group = hostPid;
    attachTree(hostPid, this.token, this);
    live.add(this);
  }

  treePid(hostPid: number | null): number | null {
    const main = Number(readInfo(this.workDir).get('main'));
    return Number.isInteger(main) && main > 0 ? main : hostPid;
  }

  initPid(): number | null {
    if (this.init !== undefined) return this.init;
    const pid = Number(readInfo(this.workDir).get('init'));
    // the info file is in the program's directory: believe it only for a pid 1 of a child
    // namespace in our group carrying our token
    if (!Number.isInteger(pid) || pid <= 0) return null;
    // init ends by itself once the last process of its namespace has ended (a zombie has no
    // environ to check): it never comes back, so it is not looked for again (each look reads four files)
    const st = stateOf(pid);
    if (st === null || st === 'Z' || st === 'X') {
      this.init = null;
      return null;
    }
    const ns = nsPids(pid);
    if (ns.length < 2 || ns[ns.length - 1] !== 1) return null;
    try {
      const s = readFileSync(`/proc/${pid}/stat`, 'latin1');
      const pgrp = Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== this.group) return null;
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`${TOKEN_ENV}=${this.token}`)) return null;
    } catch {
      return null;
    }
    this.init = pid;
    return pid;
  }

  contained(): boolean {
    return readInfo(this.workDir).has('init');
  }

  hostPids(): number[] {
    const init = this.initPid();
    if (init === null) return [];
    const out: number[] = [];
    const frontier = [init];
    while (frontier.length > 0 && out.length < 100_000) {
      const p = frontier.pop()!;
      out.push(p);
      frontier.push(...childrenOf(p));
    }
    return out;
  }

  /** Lists the private /dev/shm through init's root (only possible while init lives). */
  snapshot(): void {
    const init = this.initPid();
    if (init === null) return;
    const dir = `/proc/${init}/root/dev/shm`;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return; // init gone
    }
    const out: IpcLeftover[] = [];
    for (const n of names) {
      try {
        if (!lstatSync(join(dir, n)).isFile()) continue;
      } catch {
        continue;
      }
      const sem = n.startsWith('sem.');
      out.push({ kind: sem ? 'semaphore' : 'shared_memory', name: `/${sem ? n.slice(4) : n}`, path: `/dev/shm/${n} (namespace)`, removed: true });
    }
    this.seen = out;
  }

  /** SIGKILL to init by pid (when it is ours): its namespace ends with it. */
  killInit(): void {
    const init = this.initPid();
    if (init === null) return;
    try {
      process.kill(init, 'SIGKILL');
    } catch {
      // gone
    }
  }

  ipcLeftovers(): IpcLeftover[] {
    this.snapshot();
    return this.seen ?? [];
  }

  async settle(): Promise<void> {
    const init = this.init ?? this.initPid();
    detachTree(this.group, this.token);
    live.delete(this);
    if (init === null) return;
    // init dies within about a millisecond of its SIGKILL: look again after 1 ms at first (a 5 ms
    // first step cost each run about 4 ms of wall time: `npm run bench`, overhead), then every 5 ms
    const start = Date.now();
    let killedAgain = false;
    // bounded by time, and by a count of looks too: a stalled event loop must not end it after one
    for (let polls = 0; Date.now() - start < 3_000 || polls < 20; polls++) {
      const st = stateOf(init);
      if (st === null || st === 'Z' || st === 'X') return;
      if (!killedAgain && Date.now() - start >= 1_000) {
        killedAgain = true;
        try {
          process.kill(init, 'SIGKILL');
        } catch {
          return;
        }
      }
      await sleep(polls < 5 ? 1 : 5);
    }
  }
}

class TrackingLaunch implements TreeLaunch {
  readonly mode = 'tracking' as const;
  group: number | null = null;
  constructor(readonly file: string, readonly args: readonly string[], readonly workDir: string, readonly token: string) {}
  attach(hostPid: number | null): void {
    this.group = hostPid;
    live.add(this);
  }
  treePid(hostPid: number | null): number | null {
    return hostPid;
  }
  initPid(): null {
    return null;
  }
  contained(): false {
    return false;
  }
  hostPids(): number[] {
    return [];
  }
  ipcLeftovers(events: readonly ProbeEvent[], unlink: boolean): IpcLeftover[] {
    return unlink ? unlinkLeftovers(events, this.token) : [];
  }
  async settle(): Promise<void> {
    live.delete(this);
  }
}

/**
 * How to start `python args...` for one run in `workDir` (the tree's cwd) with run token `token`:
 * in its own namespaces when this machine allows it (decided once per process), else as is.
 * A `python` that cannot be found is started as is, so that the spawn error is the usual one.
 */
export function launchTree(python: string, args: readonly string[], workDir: string, token: string): TreeLaunch {
  const detected = sandboxMode();
  const found = which(python);
  if (detected.mode === 'namespaces' && found !== null && isExecutableFile(found)) return new NamespaceLaunch(sandboxCommand(detected, join(workDir, SANDBOX_INFO), [python, ...args]), workDir, token);
  return new TrackingLaunch(python, args, workDir, token);
}
