import { closeSync, openSync, readSync, watch, type FSWatcher } from 'node:fs';
import { parseEventLine, type ProbeEvent } from '../probe/events.js';

/**
 * Follows the probe's events file while the tree runs: inotify (fs.watch) says "changed", then
 * everything new is read at once. No polling loop; `drain()` catches what the last notice missed.
 */
export class EventTail {
  readonly events: ProbeEvent[] = [];
  private readonly fd: number;
  private readonly watcher: FSWatcher;
  private readonly buf = Buffer.alloc(64 * 1024);
  private partial = '';
  private closed = false;

  constructor(file: string, private readonly onEvent: (e: ProbeEvent) => void) {
    this.fd = openSync(file, 'r');
    this.watcher = watch(file, { persistent: false }, () => this.drain());
    this.watcher.on('error', () => undefined); // the file's directory is removed at the end
  }

  /** Reads and dispatches everything appended since the last read. */
  drain(): void {
    if (this.closed) return;
    for (;;) {
      const n = readSync(this.fd, this.buf, 0, this.buf.length, null);
      if (n <= 0) break;
      const lines = (this.partial + this.buf.toString('utf8', 0, n)).split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) {
        const e = parseEventLine(line);
        if (e === null) continue;
        this.events.push(e);
        this.onEvent(e);
      }
    }
  }

  /** Final read, then stops watching. */
  close(): void {
    this.drain();
    this.closed = true;
    this.watcher.close();
    closeSync(this.fd);
  }
}
