import { readdirSync, readFileSync } from 'node:fs';
import { TOKEN_ENV } from '../probe/paths.js';

/** Sends `signal` to a whole process group; false when the group is gone. */
export function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** True when /proc/<pid>/environ carries this run's token (so the pid was not recycled by a stranger). */
export function carriesToken(pid: number, token: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`${TOKEN_ENV}=${token}`);
  } catch {
    return false; // gone, a zombie (empty environ), or not ours to read
  }
}

/** Every live pid whose environment carries `token` (a /proc scan: finds setsid() escapees too). */
export function findTokenProcesses(token: string): number[] {
  const out: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid !== process.pid && carriesToken(pid, token)) out.push(pid);
  }
  return out;
}

/**
 * SIGKILLs the given pids (the probe's records) and then any other process carrying the token,
 * checking the token before each kill; repeats while a kill round found something (a dying parent
 * may fork once more). Returns how many processes were killed.
 */
export function killTokenProcesses(token: string, recorded: Iterable<number> = []): number {
  let killed = 0;
  const first = [...recorded].filter((pid) => carriesToken(pid, token));
  let round = first.length > 0 ? first : findTokenProcesses(token);
  for (let i = 0; i < 10 && round.length > 0; i++) {
    for (const pid of round) {
      try {
        process.kill(pid, 'SIGKILL');
        killed++;
      } catch {
        // already gone
      }
    }
    round = findTokenProcesses(token);
  }
  return killed;
}
