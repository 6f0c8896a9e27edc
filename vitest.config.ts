import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Tests start real interpreters and process trees: generous per-test timeouts, and fast-check
// (not vitest) bounds property runs so a failing seed is always printed.
export default defineConfig({
  // The project's own tests import the package by its public names, resolved to the source
  // (tsconfig.json "paths" says the same to tsc); `npm pack` checks the built entries.
  resolve: {
    alias: [
      { find: /^mpconform\/vitest$/, replacement: source('./src/vitest/index.ts') },
      { find: /^mpconform$/, replacement: source('./src/index.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scenarios/**/*.test.ts', 'properties/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Tests mostly wait on real interpreters: two files at a time on 2 cores (vitest's default is cores − 1).
    maxWorkers: 2,
    reporters: ['default'],
    // Type tests of the public surface (test/types/*.test-d.ts): checked by tsc, never run; errors in
    // other files are the type-check's (npm run typecheck), not reported here.
    typecheck: { enabled: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './tsconfig.json', ignoreSourceErrors: true },
  },
});
