import { closeSync, openSync, readSync, watch, type FSWatcher } from 'node:fs';
import { parseEventLine, type ProbeEvent } from '../contracts/events.js';

/** A line longer than this is not the probe's (its fields are capped at 2000 characters): skipped up to its newline. */
export const MAX_EVENT_LINE = 1024 * 1024;
/** What one inotify notice reads at most before yielding to the event loop (timers, the tree's exit). */
const SLICE_BYTES = 4 * 1024 * 1024;
/**
 * How long a notice waits before it reads, so that the notices of a burst (a process starting
 * writes several events in a row) cost one read, not one each: about 11 notices per case of the
 * benchmark's set. Nothing needs an event sooner: the hang patterns and quiescence look at them
 * every 100 ms at most often, and every reader that needs them all calls `drain()` first.
 */
const COALESCE_MS = 5;
/** What a run's events file is read for at most; the rest (a program writing into it) is ignored. */
export const EVENTS_BUDGET = 256 * 1024 * 1024;
/** Events kept at most per run (a 10 000-process tree writes ~60 000). */
export const MAX_EVENTS = 500_000;

/**
 * Follows the probe's events file while the tree runs: inotify (fs.watch) says "changed", then
 * what is new is read (COALESCE_MS later). No polling loop; `drain()` catches what the last notice missed.
 *
 * The file is writable by the program, so reading is bounded: a partial line is kept as the
 * chunks it arrived in (never re-joined or re-split on each read), a line longer than
 * MAX_EVENT_LINE is dropped without being kept, a notice reads at most 4 MiB before yielding,
 * and at most EVENTS_BUDGET bytes / MAX_EVENTS events are taken from one run.
 */
export class EventTail {
  readonly events: ProbeEvent[] = [];
  private readonly fd: number;
  private readonly watcher: FSWatcher;
  private readonly buf = Buffer.alloc(64 * 1024);
  private parts: Buffer[] = [];
  private partLen = 0;
  private skipping = false;
  private consumed = 0;
  private scheduled = false;
  private closed = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(file: string, private readonly onEvent: (e: ProbeEvent) => void) {
    this.fd = openSync(file, 'r');
    this.watcher = watch(file, { persistent: false }, () => this.soon());
    this.watcher.on('error', () => undefined); // the file's directory is removed at the end
  }

  /** A notice: read in COALESCE_MS, once for every notice until then. */
  private soon(): void {
    if (this.timer !== null || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.drain(SLICE_BYTES);
    }, COALESCE_MS);
  }

  /** Reads and dispatches what was appended since the last read (at most `limit` bytes now; the rest soon after). */
  drain(limit = Number.POSITIVE_INFINITY): void {
    let read = 0;
    while (!this.closed && this.consumed < EVENTS_BUDGET && read < limit) {
      const n = readSync(this.fd, this.buf, 0, Math.min(this.buf.length, EVENTS_BUDGET - this.consumed), null);
      if (n <= 0) return;
      this.consumed += n;
      read += n;
      this.feed(this.buf.subarray(0, n));
    }
    if (read >= limit && !this.scheduled && !this.closed) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.drain(SLICE_BYTES);
      });
    }
  }

  private feed(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) {
        this.keep(chunk, start, chunk.length);
        return;
      }
      this.keep(chunk, start, nl);
      this.endLine();
      start = nl + 1;
    }
  }

  private keep(chunk: Buffer, from: number, to: number): void {
    if (this.skipping || to <= from) return;
    if (this.partLen + (to - from) > MAX_EVENT_LINE) {
      this.skipping = true;
      this.parts = [];
      this.partLen = 0;
      return;
    }
    this.parts.push(Buffer.from(chunk.subarray(from, to))); // a copy: `buf` is reused
    this.partLen += to - from;
  }

  private endLine(): void {
    if (!this.skipping && this.partLen > 0 && this.events.length < MAX_EVENTS) {
      const text = (this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.partLen)).toString('utf8');
      const e = parseEventLine(text);
      if (e !== null) {
        this.events.push(e);
        this.onEvent(e);
      }
    }
    this.parts = [];
    this.partLen = 0;
    this.skipping = false;
  }

  /** Final read, then stops watching. */
  close(): void {
    this.drain();
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.watcher.close();
    closeSync(this.fd);
  }
}
