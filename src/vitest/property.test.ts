// The interpreter helpers: a property over python3 through the public runScenario path, and a
// missing interpreter that becomes a skipped test naming why.
import fc from 'fast-check';
import { expect } from 'vitest';
import { corpus, stdlibDialect } from '../index.js';
import { conformanceProperty, pythonsFromEnv, testOnPythons } from './index.js';

const names = ['set-start-method-twice', 'tutorial-module-level-set-spawn', 'get-context-nope'];
const fixed = fc.constantFrom(...corpus.filter((c) => names.includes(c.name)).map((c) => c.scenario));

conformanceProperty('corpus scenarios conform (target id)', fixed, { pythons: ['python3'], numRuns: 3, seed: 1 });
conformanceProperty('corpus scenarios conform (Dialect object)', fixed, { pythons: ['python3'], numRuns: 2, seed: 2, target: stdlibDialect });

// Declared as `… [/nonexistent/python3.99] — skipped: /nonexistent/python3.99 does not exist` and `… [python0-nope] — skipped: python0-nope is not on PATH`.
testOnPythons('never runs', () => {
  throw new Error('a missing interpreter must not run');
}, { pythons: ['/nonexistent/python3.99', 'python0-nope'] });

testOnPythons('MPCONFORM_PYTHONS or python3 by default', () => {
  expect(pythonsFromEnv(['x'])).toEqual(['x']);
  expect(pythonsFromEnv().length).toBeGreaterThan(0);
}, { pythons: ['python3'] });
