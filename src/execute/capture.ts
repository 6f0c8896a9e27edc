import type { CapturedText } from '../observe/types.js';

/**
 * Keeps the first `headBytes` and the last `tailBytes` of a stream and counts the rest, so a child
 * printing gigabytes costs constant memory.
 */
export class BoundedCapture {
  private readonly head: Buffer;
  private headLen = 0;
  private readonly tail: Buffer;
  private tailStart = 0; // ring buffer: oldest byte index
  private tailLen = 0;
  private total = 0;

  constructor(headBytes = 64 * 1024, tailBytes = 64 * 1024) {
    this.head = Buffer.alloc(headBytes);
    this.tail = Buffer.alloc(tailBytes);
  }

  /** Adds a chunk. */
  push(chunk: Buffer): void {
    this.total += chunk.length;
    let rest = chunk;
    if (this.headLen < this.head.length) {
      const n = Math.min(rest.length, this.head.length - this.headLen);
      rest.copy(this.head, this.headLen, 0, n);
      this.headLen += n;
      rest = rest.subarray(n);
    }
    const cap = this.tail.length;
    if (rest.length === 0 || cap === 0) return;
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
