import { FAMILIES } from '/work/main/src/run/families.js';
import { generateFamily } from '/work/main/src/run/cases.js';
import { probeInterpreter } from '/work/main/src/interpreters/index.js';
import { evaluateScenario } from '/work/main/src/run/evaluate.js';
import { mapPool } from '/work/main/src/run/pool.js';
import { describeMismatches } from '/work/main/src/verdict/judge.js';
import { writeFileSync } from 'node:fs';
const [runs, seed, ...pys] = process.argv.slice(2);
const fails: unknown[] = [];
for (const py of pys) {
  const facts = await probeInterpreter(py);
  const t0 = Date.now();
  const specs = FAMILIES.filter(f => f.kind === 'generated').flatMap(f => generateFamily(f, Number(seed), Number(runs)));
  const counts: Record<string, number> = {};
  await mapPool(specs, 3, async (spec) => {
    const e = await evaluateScenario(spec.scenario, { facts, target: 'multiprocessing', timeoutMs: 20000 });
    counts[e.verdict.kind] = (counts[e.verdict.kind] ?? 0) + 1;
    if (e.verdict.kind === 'fail') { fails.push({ py: facts.version, family: spec.family, index: spec.index, scenario: spec.scenario, mism: describeMismatches(e.verdict), stderr: e.observation?.stderr.tail.slice(-1500) }); console.log(facts.version, spec.family, spec.index, describeMismatches(e.verdict).join(' ; ')); }
  });
  console.log(facts.version, JSON.stringify(counts), Date.now() - t0, 'ms');
}
writeFileSync('/tmp/fails.json', JSON.stringify(fails, null, 1));
