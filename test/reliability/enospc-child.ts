/**
 * Run by defects.test.ts inside a private mount namespace whose report dir is a 1 MiB tmpfs:
 * writes a report set, fills the disk, tries a bigger set, and prints what became of the first.
 */
import { closeSync, fstatSync, ftruncateSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { writeReports } from '../../src/report/index.js';
import { buildReport } from '../report/fixtures.js';

const dir = process.argv[2]!;
const contents = (): Record<string, string> => Object.fromEntries(readdirSync(dir, { recursive: true }).map((p) => {
  try {
    return [String(p), readFileSync(`${dir}/${String(p)}`, 'utf8')];
  } catch {
    return [String(p), '<dir>'];
  }
}));
const small = buildReport();
await writeReports(small, dir);
const before = contents();
// fill the disk, then give back 32 KiB: the next set starts writing and runs out midway
const fd = openSync(`${dir}/../filler`, 'w');
const chunk = Buffer.alloc(16 * 1024, 1);
try {
  for (;;) writeSync(fd, chunk);
} catch {
  // ENOSPC: full
}
ftruncateSync(fd, Math.max(0, fstatSync(fd).size - 32 * 1024));
closeSync(fd);
const first = small.cases[0]!;
const big = { ...small, cases: Array.from({ length: 600 }, (_, i) => ({ ...first, id: `${first.id}-${i}` })) };
let error: string | null = null;
try {
  await writeReports(big, dir);
} catch (e) {
  error = (e as Error).message;
}
const after = contents();
process.stdout.write(JSON.stringify({ error, same: JSON.stringify(before) === JSON.stringify(after), files: Object.keys(after) }));
