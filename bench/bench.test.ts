import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const FIGURES = [
  'overhead', 'overhead-cpu', 'overhead-cpu-probe', 'overhead-cpu-probe-source', 'sampling-cpu', 'scaling', 'hang-latency',
  'hang-latency-lock', 'hang-latency-queue', 'hang-latency-task-handler', 'shrink-runs', 'shrink-time', 'shrink-runs-run',
  'billiard-run', 'billiard-hang-cases', 'billiard-verdicts',
  'startup-help-node', 'startup-pythons-node', 'startup-help-tsx', 'startup-pythons-tsx',
  'rss-10%', 'rss-50%', 'rss-100%', 'rss-slope',
  'page-size', 'page-first-paint', 'page-load',
];

// Only the shape of the output: performance is never asserted by a timed test.
test('bench --quick prints every figure with a number, then a summary', () => {
  const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join('bench', 'bench.ts'), '--quick'], {
    cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000,
  });
  const lines = out.split('\n');
  for (const name of FIGURES) {
    const line = lines.find((l) => l.startsWith(`${name}: `));
    expect(line, `figure line for ${name}`).toBeDefined();
    // a number, unless the part was visibly skipped (no python3, no build)
    // `name: 1.23× (target)`, `name: 0.28 s (target)`, `name: skipped (target)`
    expect(line).toMatch(new RegExp(`^${name}: (-?\\d+(\\.\\d+)?[^\\d(]* |skipped )\\(.+\\)`));
  }
  expect(lines.filter((l) => l.length > 0).at(-1)).toMatch(/^summary: \d+\/\d+ targets met/);
}, 620_000);
