import type { OracleFacts } from '../interpreters/facts.js';
import type { ProcessLabel, Scenario } from '../scenario/types.js';
import { holds } from './holds.js';
import { defaultMethod } from './platform.js';
import { Acc } from './sim/acc.js';
import { runSteps } from './sim/steps.js';
import { fail, freshEnv, type Run } from './sim/types.js';
import type { Accepted, Expectation, ProcessExpectation } from './types.js';

/**
 * Targets held to the standard library's documented outcomes on the same interpreter (issue: a
 * drop-in or pool library conforms unless it declares a deviation in its expectations file).
 */
const MODELLED_TARGETS: readonly string[] = ['multiprocessing', 'stdlib', 'concurrent.futures', 'multiprocess', 'billiard', 'pebble', 'loky'];

/**
 * The oracle: what every process of `scenario`'s rendered program (src/render/SEMANTICS.md) should do on an
 * interpreter with `facts`. Pure: it simulates the program from the rules alone and never sees an observation.
 */
export function predict(scenario: Scenario, facts: OracleFacts, target = 'multiprocessing'): Expectation {
  const labels = expectedLabels(scenario, facts);
  if (!MODELLED_TARGETS.includes(target)) {
    const reason = `target ${target} is not modelled by the stdlib oracle; declare its behaviour in an expectations file`;
    return { processes: labels.map((label) => ({ label, kind: 'unspecified', reason, rules: [] })), notes: {}, rules: [] };
  }
  const acc = new Acc();
  if (target !== 'multiprocessing' && target !== 'stdlib') acc.use(['target.held-to-stdlib']);
  const sim = { facts, scenario, acc };
  const usesShm = scenario.steps.some((s) => s.op === 'create' && s.kind === 'SharedMemory');
  const main: Run = usesShm && holds('platform.shared-memory-3.8', facts)
    ? fail('exception:ImportError', 'platform.shared-memory-3.8')
    : runSteps(sim, freshEnv(0), scenario.steps, false);
  if (main.kind === 'ok') acc.record('main', ['ok'], []);
  else if (main.kind === 'hang') acc.record('main', ['hang'], main.rules);
  else for (const f of [main.fail, ...(main.also ?? [])]) acc.record('main', [f.outcome], f.rules);
  // a hang, or a documented race one of whose sides is a hang (main.also)
  const mayHang = main.kind === 'hang' || (main.kind === 'fail' && (main.also ?? []).some((f) => f.outcome === 'hang'));
  if (mayHang) {
    for (const label of ['pool', 'manager', 'forkserver'] as const) {
      if (acc.outcomes.has(label)) acc.record(label, ['hang'], ['harness.hang-kill']);
    }
  }
  const all = [...labels, ...[...acc.outcomes.keys()].filter((l) => !labels.includes(l))];
  const processes = all.map((label): ProcessExpectation => {
    const rules = [...(acc.labelRules.get(label) ?? [])];
    if (acc.unspecified !== null) return { label, kind: 'unspecified', reason: acc.unspecified.reason, rules: [acc.unspecified.rule] };
    const accept: Accepted[] = [...(acc.outcomes.get(label) ?? new Set<Accepted>(['absent']))].sort();
    return { label, kind: 'outcomes', accept, rules };
  });
  // an abandoned simulation (unspecified) may have stopped before some notes: assert none
  const notes: Record<string, readonly string[]> = {};
  if (acc.unspecified === null) for (const key of [...acc.notes.keys()].sort()) notes[key] = [...(acc.notes.get(key) ?? [])].sort();
  if (acc.unspecified !== null) acc.use([acc.unspecified.rule]);
  return { processes, notes, rules: acc.rules };
}

/** Every label the program could produce: main, each Process start (and its grandchild), pool, manager, forkserver. */
function expectedLabels(scenario: Scenario, facts: OracleFacts): ProcessLabel[] {
  const labels: ProcessLabel[] = ['main'];
  let pool = false;
  let manager = false;
  let forkserver = defaultMethod(facts).method === 'forkserver';
  for (const s of scenario.steps) {
    if (s.op === 'start' && s.worker === 'process') {
      labels.push(`w${s.id}`);
      if (s.grandchild !== null) labels.push(`w${s.id}.g` as ProcessLabel);
    }
    if (s.op === 'start' && s.worker !== 'process') pool = true;
    if (s.op === 'create' && s.kind.startsWith('Manager')) manager = true;
    if (JSON.stringify(s).includes('forkserver')) forkserver = true;
  }
  if (pool) labels.push('pool');
  if (manager) labels.push('manager');
  if (forkserver) labels.push('forkserver');
  return labels;
}
