import type { OracleFacts } from '../model/facts.js';
import { createsSharedMemory, methodsNamed } from '../scenario/rules.js';
import type { Scenario } from '../scenario/types.js';
import { grandchildLabel, workerLabel, type ProcessLabel } from '../contracts/labels.js';
import { MODELLED_IDS } from '../contracts/libraries.js';
import { holds } from './holds.js';
import { predictLeaks } from './rules/leaks.js';
import { defaultMethod } from './platform.js';
import { Acc } from './sim/acc.js';
import { runSteps } from './sim/steps.js';
import { hasTracker } from './sim/tracker.js';
import { fail, freshEnv, type Run } from './sim/types.js';
import type { Accepted, Expectation, ProcessExpectation } from '../model/expectation.js';


/**
 * The oracle: what every process of `scenario`'s rendered program (src/render/SEMANTICS.md) should do on an
 * interpreter with `facts`. Pure: it simulates the program from the rules alone and never sees an observation.
 *
 * @public
 */
export function predict(scenario: Scenario, facts: OracleFacts, target = 'multiprocessing'): Expectation {
  const labels = expectedLabels(scenario, facts);
  // a drop-in or pool library is held to the stdlib's documented outcomes on the same interpreter
  // unless it declares a deviation in its expectations file (src/contracts/libraries.ts `modelled`)
  if (!MODELLED_IDS.includes(target)) {
    const reason = `target ${target} is not modelled by the stdlib oracle; declare its behaviour in an expectations file`;
    return { processes: labels.map((label) => ({ label, kind: 'unspecified', reason, rules: [] })), notes: {}, rules: [] };
  }
  const acc = new Acc();
  if (target !== 'multiprocessing' && target !== 'stdlib') acc.use(['target.held-to-stdlib']);
  const sim = { facts, scenario, acc, runSteps };
  const mainEnv = freshEnv(0);
  const usesShm = scenario.steps.some(createsSharedMemory);
  const main: Run = usesShm && holds('platform.shared-memory-3.8', facts)
    ? fail('exception:ImportError', 'platform.shared-memory-3.8')
    : runSteps(sim, mainEnv, scenario.steps, false);
  acc.recordTrackers();
  if (main.kind === 'ok') acc.record('main', ['ok'], mainEnv.okBy);
  else if (main.kind === 'hang') acc.record('main', ['hang'], main.rules);
  else for (const f of [main.fail, ...(main.also ?? [])]) acc.record('main', [f.outcome], f.rules);
  // a hang, or a documented race one of whose sides is a hang (main.also)
  const mayHang = main.kind === 'hang' || (main.kind === 'fail' && (main.also ?? []).some((f) => f.outcome === 'hang'));
  if (mayHang) {
    for (const label of ['pool', 'manager', 'forkserver'] as const) {
      if (acc.outcomes.has(label)) acc.record(label, ['hang'], ['harness.hang-kill']);
    }
    if (acc.outcomes.has('resource-tracker')) acc.record('resource-tracker', ['hang', 'ok', 'exception:SystemExit'], ['tracker.hang-kill']);
    // a top-level start runs again in every child re-running the script: one may be under way when the tree is ended
    for (const s of scenario.steps) {
      if (s.op !== 'start' || s.at !== 'top' || s.worker !== 'process') continue;
      for (const label of [workerLabel(s.id), grandchildLabel(s.id)]) if (acc.outcomes.has(label)) acc.record(label, ['hang'], ['harness.hang-kill']);
    }
  }
  const all = [...labels, ...[...acc.outcomes.keys()].filter((l) => !labels.includes(l))];
  const processes = all.map((label): ProcessExpectation => {
    const rules = [...(acc.labelRules.get(label) ?? [])];
    if (acc.unspecified !== null) return { label, kind: 'unspecified', reason: acc.unspecified.reason, rules: [acc.unspecified.rule] };
    const accept: Accepted[] = [...(acc.outcomes.get(label) ?? new Set<Accepted>(['absent']))].sort();
    // os.fork's multi-threaded warning (fork.multithreaded-warning): none unless a threaded fork was simulated
    const forkWarning = [...(acc.forkWarnings.get(label) ?? new Set(['no' as const]))].sort();
    // a warning that must be issued is this label's to judge: a program breaking the rule would issue none
    const warned = forkWarning.length === 1 && forkWarning[0] === 'yes' && !rules.includes('fork.multithreaded-warning');
    return { label, kind: 'outcomes', accept, rules: warned ? [...rules, 'fork.multithreaded-warning'] : rules, warnings: { 'fork-multithreaded': forkWarning } };
  });
  // an abandoned simulation (unspecified) may have stopped before some notes: assert none
  const notes: Record<string, readonly string[]> = {};
  const noteRules: Record<string, readonly string[]> = {};
  if (acc.unspecified === null) {
    for (const key of [...acc.notes.keys()].sort()) {
      notes[key] = [...(acc.notes.get(key) ?? [])].sort();
      const rules = [...(acc.noteRules.get(key) ?? [])];
      if (rules.length > 0) noteRules[key] = rules;
    }
  }
  if (acc.unspecified !== null) acc.use([acc.unspecified.rule]);
  const expectation: Expectation = { processes, notes, rules: acc.rules, ...(Object.keys(noteRules).length > 0 ? { noteRules } : {}) };
  // leaks (src/oracle/rules/leaks.ts): none where every process ends by itself
  const leaks = predictLeaks(expectation, facts.version);
  return leaks === undefined ? expectation : { ...expectation, leaks, rules: [...acc.rules, ...leaks.rules] };
}

/** Every label the program could produce: main, each Process start (and its grandchild), pool, manager, forkserver, resource tracker. */
function expectedLabels(scenario: Scenario, facts: OracleFacts): ProcessLabel[] {
  const labels: ProcessLabel[] = ['main'];
  let pool = false;
  let manager = false;
  let forkserver = defaultMethod(facts).method === 'forkserver';
  for (const s of scenario.steps) {
    if (s.op === 'start' && s.worker === 'process') {
      labels.push(workerLabel(s.id));
      if (s.grandchild !== null) labels.push(grandchildLabel(s.id));
    }
    if (s.op === 'start' && s.worker !== 'process') pool = true;
    if (s.op === 'create' && s.kind.startsWith('Manager')) manager = true;
    if (methodsNamed(s).includes('forkserver')) forkserver = true;
  }
  if (pool) labels.push('pool');
  if (manager) labels.push('manager');
  if (forkserver) labels.push('forkserver');
  // every POSIX program may need one (rule tracker.launch); when none is launched it is expected absent
  if (hasTracker(facts)) labels.push('resource-tracker');
  return labels;
}
