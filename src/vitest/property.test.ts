// The interpreter helpers: a property over python3 through the public runScenario path, and a
// missing interpreter that becomes a skipped test naming why.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { corpus, stdlibDialect } from '../index.js';
import { conformanceProperty, missingReason, pythonsFromEnv, testOnPythons } from './index.js';

const names = ['set-start-method-twice', 'tutorial-module-level-set-spawn', 'get-context-nope'];
const fixed = fc.constantFrom(...corpus.filter((c) => names.includes(c.name)).map((c) => c.scenario));

conformanceProperty('corpus scenarios conform (target id)', fixed, { pythons: ['python3'], numRuns: 3, seed: 1 });
conformanceProperty('corpus scenarios conform (Dialect object)', fixed, { pythons: ['python3'], numRuns: 2, seed: 2, target: stdlibDialect });

// A missing interpreter is declared as a skipped test titled with this reason (checked here directly,
// so the suite itself skips nothing on a machine that has python3).
test('a plainly missing interpreter gets a visible skip reason, without running', () => {
  expect(missingReason('/nonexistent/python3.99')).toBe('/nonexistent/python3.99 does not exist');
  expect(missingReason('python0-nope')).toBe('python0-nope is not on PATH');
  expect(missingReason('3.12')).toBeNull();
});

testOnPythons('MPCONFORM_PYTHONS or python3 by default', () => {
  expect(pythonsFromEnv(['x'])).toEqual(['x']);
  expect(pythonsFromEnv().length).toBeGreaterThan(0);
}, { pythons: ['python3'] });
