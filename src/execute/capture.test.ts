import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BoundedCapture } from './capture.js';
import { NoteCollector } from './notes.js';

describe('BoundedCapture', () => {
  test('keeps exactly the first and last bytes of any chunking, counts the middle', () => {
    fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 20 }), fc.nat(16), fc.nat(16), (chunks, h, t) => {
      const c = new BoundedCapture(h, t);
      for (const ch of chunks) c.push(Buffer.from(ch));
      const all = Buffer.concat(chunks.map((x) => Buffer.from(x)));
      const r = c.result();
      const head = all.subarray(0, Math.min(h, all.length));
      const tail = all.subarray(head.length).subarray(-t || all.length);
      expect(r.totalBytes).toBe(all.length);
      expect(r.head).toBe(head.toString('utf8'));
      expect(r.tail).toBe(t === 0 ? '' : tail.toString('utf8'));
      expect(r.omittedBytes).toBe(all.length - head.length - (t === 0 ? 0 : tail.length));
    }));
  });
});

describe('NoteCollector', () => {
  test('notes split across chunks, last value wins, non-notes and over-long lines ignored', () => {
    const n = new NoteCollector();
    n.push(Buffer.from('hello\n@note w1.ex'));
    n.push(Buffer.from('itcode 0\n@note a 1\n'));
    n.push(Buffer.from(`@note long ${'x'.repeat(10_000)}`));
    n.push(Buffer.from('y\n@note a 2\r\n @note not 1\n@note last value with spaces'));
    expect(n.result()).toEqual({ 'w1.exitcode': '0', a: '2', last: 'value with spaces' });
  });
});
