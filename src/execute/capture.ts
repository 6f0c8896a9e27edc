import type { CapturedText } from '../model/observation.js';

const EMPTY = Buffer.alloc(0);

/** A buffer of `size` bytes starting with the first `used` bytes of `buf`. */
function grow(buf: Buffer, used: number, size: number): Buffer {
  const next = Buffer.allocUnsafe(size);
  buf.copy(next, 0, 0, used);
  return next;
}

/**
 * Keeps the first `headBytes` and the last `tailBytes` of a stream and counts the rest, so a child
 * printing gigabytes costs constant memory.
 */
export class BoundedCapture {
  // allocated on first use (most runs print a few lines: no 64 KiB buffers to fill and collect)
  private head: Buffer = EMPTY;
  private headLen = 0;
  private tail: Buffer = EMPTY;
  private tailStart = 0; // ring buffer: oldest byte index
  private tailLen = 0;
  private total = 0;

  constructor(private readonly headBytes = 64 * 1024, private readonly tailBytes = 64 * 1024) {}

  /** Adds a chunk. */
  push(chunk: Buffer): void {
    this.total += chunk.length;
    let rest = chunk;
    if (this.headLen < this.headBytes) {
      if (this.head.length < this.headBytes) this.head = grow(this.head, this.headLen, Math.min(this.headBytes, Math.max(this.headLen + rest.length, 2 * this.head.length, 4096)));
      const n = Math.min(rest.length, this.headBytes - this.headLen);
      rest.copy(this.head, this.headLen, 0, n);
      this.headLen += n;
      rest = rest.subarray(n);
    }
    const cap = this.tailBytes;
    if (rest.length === 0 || cap === 0) return;
    if (this.tail.length === 0) this.tail = Buffer.allocUnsafe(cap); // only bytes written are ever read
    if (rest.length >= cap) rest = rest.subarray(rest.length - cap);
    const end = (this.tailStart + this.tailLen) % cap;
    const first = Math.min(rest.length, cap - end);
    rest.copy(this.tail, end, 0, first);
    rest.copy(this.tail, 0, first);
    const overflow = Math.max(0, this.tailLen + rest.length - cap);
    this.tailLen = Math.min(cap, this.tailLen + rest.length);
    this.tailStart = (this.tailStart + overflow) % cap;
  }

  /** The captured text (UTF-8, invalid sequences replaced). */
  result(): CapturedText {
    const tailBytes = Buffer.concat([this.tail.subarray(this.tailStart, Math.min(this.tail.length, this.tailStart + this.tailLen)), this.tail.subarray(0, Math.max(0, this.tailStart + this.tailLen - this.tail.length))]);
    return {
      head: this.head.subarray(0, this.headLen).toString('utf8'),
      tail: tailBytes.toString('utf8'),
      omittedBytes: this.total - this.headLen - this.tailLen,
      totalBytes: this.total,
    };
  }
}
