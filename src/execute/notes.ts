import { NOTE_LINE } from '../contracts/notes.js';

const NOTE = NOTE_LINE;
const MAX_LINE = 8 * 1024;
const MAX_NOTES = 10_000;

/**
 * Collects `@note KEY VALUE` lines from a stdout stream as it flows (so notes survive even when the
 * capture drops the middle of a flood). Bounded: long lines are skipped, at most 10 000 keys.
 */
export class NoteCollector {
  private readonly notes = new Map<string, string>();
  private partial = '';
  private skipping = false;

  /** Feeds a chunk of stdout. */
  push(chunk: Buffer): void {
    const text = this.partial + chunk.toString('utf8');
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (this.skipping) this.skipping = false;
      else this.line(line);
    }
    if (this.partial.length > MAX_LINE) {
      this.partial = '';
      this.skipping = true; // rest of an over-long line: not a note we can trust
    }
  }

  /** The notes seen so far (last value wins), including an unterminated last line. */
  result(): Record<string, string> {
    if (!this.skipping && this.partial !== '') this.line(this.partial);
    this.partial = '';
    return Object.fromEntries(this.notes);
  }

  private line(raw: string): void {
    const m = NOTE.exec(raw.replace(/\r$/, ''));
    if (m === null || m[1] === undefined) return;
    if (!this.notes.has(m[1]) && this.notes.size >= MAX_NOTES) return;
    this.notes.set(m[1], m[2] ?? '');
  }
}
