import { describe, expect, test } from 'vitest';
import { trimCaptured } from './trim.js';

describe('trimCaptured', () => {
  test('leaves short output alone', () => {
    const t = { head: 'abc', tail: '', omittedBytes: 0, totalBytes: 3 };
    expect(trimCaptured(t, 8)).toBe(t);
  });
  test('keeps both ends and counts what it cut in bytes', () => {
    const t = { head: 'é'.repeat(10), tail: 'x'.repeat(20), omittedBytes: 5, totalBytes: 45 };
    const r = trimCaptured(t, 4);
    expect(r.head).toBe('éééé');
    expect(r.tail).toBe('xxxx');
    expect(r.omittedBytes).toBe(5 + 12 + 16);
    expect(Buffer.byteLength(r.head) + Buffer.byteLength(r.tail) + r.omittedBytes).toBe(r.totalBytes);
  });
  test('never splits a surrogate pair', () => {
    const t = { head: 'a😀😀', tail: '😀😀b', omittedBytes: 0, totalBytes: 18 };
    const r = trimCaptured(t, 2);
    expect(r.head).toBe('a');
    expect(r.tail).toBe('b');
    expect(Buffer.byteLength(r.head) + Buffer.byteLength(r.tail) + r.omittedBytes).toBe(18);
  });
});
