import type { ProbeEvent } from '../contracts/events.js';
import type { HangPatternId } from '../model/hang.js';
import { isReplacedPoolWorker } from '../probe/roles.js';

/** Failed pool workers in a row (no worker finishing cleanly between them) that mean "hang". */
export const POOL_FAILURES_FOR_HANG = 6;
/** How long a tree may still finish after a hang pattern appears before it is called a hang (both patterns). */
export const HANG_CONFIRM_MS = 750;
const SIGTERM_CODE = -15;

/**
 * Recognises a pool that can never make progress: its workers keep failing (an exception, or a
 * non-zero exit other than the SIGTERM a pool sends when it is closed) and are replaced, as with an
 * unguarded `Pool` under spawn. Executor workers do not count: an executor breaks instead of
 * replacing them. Fed events as they arrive; `reason` is set once the pattern holds.
 */
export class PoolHangDetector {
  reason: string | null = null;
  /**
   * Set when a Pool worker raised out of its own loop (a task it had taken can never complete:
   * bpo-22393, the pool waits forever). The caller confirms it after {@link HANG_CONFIRM_MS}.
   */
  lostTask: string | null = null;
  private readonly pool = new Set<number>();
  private readonly serving = new Set<number>(); // pool workers that entered their task loop (run())
  private readonly failed = new Set<number>();
  private readonly counted = new Set<number>();
  private inARow = 0;
  private replaced = false; // a pool worker was started after a failure was seen

  /** The pattern that holds (respawn loop first), with its reason; null while none does. */
  get found(): { readonly id: HangPatternId; readonly reason: string } | null {
    if (this.reason !== null) return { id: 'pool-respawn-loop', reason: this.reason };
    if (this.lostTask !== null) return { id: 'pool-lost-task', reason: this.lostTask };
    return null;
  }

  /** Feeds one event; returns the reason when this event completed the pattern. */
  feed(e: ProbeEvent): string | null {
    let pid: number;
    switch (e.ev) {
      case 'started':
        if (e.child === null) return null;
        pid = e.child;
        if (isReplacedPoolWorker(e.name, e.target)) {
          this.pool.add(pid);
          if (this.counted.size > 0) this.replaced = true;
        }
        break;
      case 'bootstrap':
        pid = e.pid;
        if (isReplacedPoolWorker(e.name, e.target)) {
          this.pool.add(pid);
          this.serving.add(pid);
        }
        break;
      case 'exception':
        pid = e.pid;
        this.failed.add(pid);
        if (e.where === 'run' && this.pool.has(pid) && this.lostTask === null) {
          this.lostTask = `a pool worker died in its task loop (${e.type}); its task never completes (bpo-22393)`;
        }
        break;
      case 'exitcode':
        pid = e.child;
        if (e.code === 0 && this.pool.has(pid)) this.inARow = 0;
        else if (e.code !== 0 && e.code !== SIGTERM_CODE) this.failed.add(pid);
        // killed by a signal inside its task loop (e.g. SIGSEGV on a fork-context lock): its task is lost too
        if (e.code < 0 && e.code !== SIGTERM_CODE && this.serving.has(pid) && this.lostTask === null) {
          this.lostTask = `a pool worker was killed by signal ${-e.code} in its task loop; its task never completes (bpo-22393)`;
        }
        break;
      default: // start, start-failed, exit, ipc, spawned, warning: not part of the pattern
        return null;
    }
    if (this.pool.has(pid) && this.failed.has(pid) && !this.counted.has(pid)) {
      this.counted.add(pid);
      this.inARow++;
    }
    if (this.reason !== null || !this.replaced || this.inARow < POOL_FAILURES_FOR_HANG) return null;
    this.reason = `${this.inARow} pool workers failed in a row and were replaced (no progress)`;
    return this.reason;
  }
}
