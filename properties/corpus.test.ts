// The curated corpus: the docs' and tutorials' shapes (their mistakes included), each a fixed case.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import { corpus } from '../scenarios/index.js';
import { cpythonCacheDir } from '../src/interpreters/discover.js';
import { probeInterpreter } from '../src/interpreters/index.js';
import type { InterpreterFacts } from '../src/model/facts.js';
import { assertConforms } from './support/conform.js';
import { propertyPythons } from './support/pythons.js';
import { FamilyStats } from './support/stats.js';

const pythons = await propertyPythons();
const stats = new FamilyStats('corpus');
afterAll(() => {
  console.log(stats.text());
});

for (const p of pythons) {
  for (const entry of corpus) {
    test.skipIf(p.facts === null)(`corpus ${entry.name} on ${p.label}${p.skip ? ` — skipped: ${p.skip}` : ''}`, async () => {
      if (p.facts) await assertConforms(entry.scenario, p.facts, stats);
    });
  }
}

// The programs whose outcome changed in a patch release, on the CPython builds on both sides of those releases
// (scripts/build-cpython.sh: 3.13.5 sits in 3.13.4-3.13.11, 3.13.15 past 3.13.12), unless they are already above.
const PATCH_LEVEL = ['spawn-process-then-set-start-method', 'docs-freeze-support-then-set-spawn', 'forkserver-unguarded-process', 'forkserver-top-level-set-start-method', 'forkserver-top-level-runs-once'];
const seen = new Set(pythons.flatMap((p) => (p.facts ? [p.facts.version] : [])));
for (const version of ['3.13.5', '3.13.15']) {
  const path = join(cpythonCacheDir(), version, 'bin', 'python3.13');
  // already among the interpreters above (MPCONFORM_PYTHONS=all): nothing to add, nothing to skip
  if (seen.has(version)) continue;
  const built = existsSync(path);
  const facts: InterpreterFacts | null = built ? await probeInterpreter(path, { source: 'build' }) : null;
  const skip = !built ? `not built (${path}; scripts/build-cpython.sh builds it)` : null;
  for (const name of PATCH_LEVEL) {
    const entry = corpus.find((c) => c.name === name);
    if (entry === undefined) throw new Error(`corpus entry ${name} missing`);
    test.skipIf(facts === null)(`corpus ${name} on the CPython ${version} build${skip ? ` — skipped: ${skip}` : ''}`, async () => {
      if (facts) await assertConforms(entry.scenario, facts, stats);
    });
  }
}
