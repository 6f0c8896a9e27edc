import { defineConfig } from 'vitest/config';

// Tests start real interpreters and process trees: generous per-test timeouts, and fast-check
// (not vitest) bounds property runs so a failing seed is always printed.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scenarios/**/*.test.ts', 'properties/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Tests mostly wait on real interpreters: two files at a time on 2 cores (vitest's default is cores − 1).
    maxWorkers: 2,
    reporters: ['default'],
  },
});
