import { expect, test } from 'vitest';
import { blocksOf, interleaved, variantOrder } from './interleave.js';

test('blocksOf covers every index once, in order', () => {
  for (const [count, size] of [[40, 10], [41, 10], [7, 10], [0, 10], [10, 3]] as const) {
    const seen = blocksOf(count, size).flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i));
    expect(seen).toEqual(Array.from({ length: count }, (_, i) => i));
  }
});

test('over 2n blocks, every variant is first, and last, equally often', () => {
  const vs = ['h1', 'd1', 'h2', 'd2'];
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  for (let t = 0; t < 2 * vs.length; t++) {
    const o = variantOrder(vs, t);
    expect([...o].sort()).toEqual([...vs].sort());
    first.set(o[0]!, (first.get(o[0]!) ?? 0) + 1);
    last.set(o.at(-1)!, (last.get(o.at(-1)!) ?? 0) + 1);
  }
  expect([...first.values()]).toEqual([2, 2, 2, 2]);
  expect([...last.values()]).toEqual([2, 2, 2, 2]);
});

test('interleaved sums each variant over the blocks of a round, and runs every block of every variant', async () => {
  const calls: string[] = [];
  const rounds = await interleaved(['a', 'b'] as const, blocksOf(5, 2), 2, async (v, from, to) => {
    calls.push(`${v}${from}`);
    return { n: to - from, one: v === 'a' ? 1 : 10 };
  });
  expect(rounds).toHaveLength(2);
  for (const r of rounds) {
    expect(r.get('a')!.get('n')).toBe(5);
    expect(r.get('b')!.get('one')).toBe(30);
  }
  expect(calls.sort()).toEqual(['a0', 'a0', 'a2', 'a2', 'a4', 'a4', 'b0', 'b0', 'b2', 'b2', 'b4', 'b4']);
});
