/** The events file is the program's to write: the tail stays exact for real lines and bounded for hostile ones. */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { EventTail, MAX_EVENT_LINE } from '../../src/execute/tail.js';

const dir = mkdtempSync(join(tmpdir(), 'mpconform-tail-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ev = (pid: number): string => JSON.stringify({ ev: 'exit', pid, t: 1, how: 'atexit', code: null });

test('lines split across reads, a line longer than the limit, torn and foreign lines', () => {
  const file = join(dir, 'events.jsonl');
  writeFileSync(file, '');
  const seen: number[] = [];
  const tail = new EventTail(file, (e) => seen.push(e.pid));
  const first = ev(1);
  appendFileSync(file, first.slice(0, 10));
  tail.drain();
  appendFileSync(file, `${first.slice(10)}\n`);
  tail.drain();
  appendFileSync(file, `${'x'.repeat(MAX_EVENT_LINE + 100_000)}${ev(2)}\n`); // over the limit: dropped whole, event included
  appendFileSync(file, `not json\n{"ev":"exit"}\n${ev(3)}\n${ev(4).slice(0, 5)}`);
  tail.close();
  expect(seen).toEqual([1, 3]);
  expect(tail.events.map((e) => e.pid)).toEqual([1, 3]);
});

test('64 MiB without a newline: read in bounded memory, the next line still parsed', () => {
  const file = join(dir, 'huge.jsonl');
  writeFileSync(file, '');
  const chunk = Buffer.alloc(1 << 20, 0x78);
  for (let i = 0; i < 64; i++) appendFileSync(file, chunk);
  appendFileSync(file, `\n${ev(7)}\n`);
  const before = process.memoryUsage().rss;
  const t0 = Date.now();
  const tail = new EventTail(file, () => undefined);
  tail.close();
  const grew = process.memoryUsage().rss - before;
  console.log(`[reliability] tail of a 64 MiB line: ${Date.now() - t0} ms, RSS +${Math.round(grew / 1048576)} MiB`);
  expect(tail.events.map((e) => e.pid)).toEqual([7]);
  expect(grew).toBeLessThan(32 * 1024 * 1024);
});

test('a burst of appends reaches the callback by itself (inotify, then one read a moment later), with no drain() asked for', async () => {
  const file = join(dir, 'burst.jsonl');
  writeFileSync(file, '');
  const seen: number[] = [];
  const tail = new EventTail(file, (e) => seen.push(e.pid));
  for (let i = 1; i <= 20; i++) appendFileSync(file, `${ev(i)}\n`);
  const until = Date.now() + 5_000;
  while (seen.length < 20 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  tail.close();
  expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
});
