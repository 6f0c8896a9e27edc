/**
 * Shared helpers for the extra target dialects: wrapping a base dialect with extra
 * `unsupported` reasons, and the step-by-step scan every dialect uses.
 */
import type { OracleFacts } from '../model/facts.js';
import { compareVersions } from '../model/facts.js';
import { createsSharedMemory, isExecutor } from '../scenario/rules.js';
import type { Scenario, Step } from '../scenario/types.js';
import type { Dialect } from './dialect.js';

/** A step-level check: the reason the target lacks what the step needs, or null. */
export type StepCheck = (step: Step, facts?: OracleFacts) => string | null;

/** The first reason any step of the scenario gives (null: every step is supported). */
export function firstReason(scenario: Scenario, check: StepCheck, facts?: OracleFacts): string | null {
  for (const step of scenario.steps) {
    const reason = check(step, facts);
    if (reason !== null) return reason;
  }
  return null;
}

/**
 * A dialect like `base` under another id, with `extra` checked before the base's own checks.
 * Spellings are taken from `base` unless `overrides` replaces them.
 */
export function withChecks(base: Dialect, id: string, extra: StepCheck, overrides: Partial<Dialect> = {}): Dialect {
  const check: StepCheck = (step, facts) => extra(step, facts) ?? base.unsupportedStep(step, facts);
  return {
    ...base,
    ...overrides,
    id,
    unsupportedStep: check,
    unsupported: (scenario: Scenario, facts?: OracleFacts) => firstReason(scenario, check, facts),
  };
}

/** True for a `start` step that needs the library's Pool: a `pool-*` worker, or a worker that opens one (`nested-pool`). */
export function isPoolStep(step: Step): boolean {
  return step.op === 'start' && (step.worker.startsWith('pool-') || step.action === 'nested-pool');
}

/** True for a `start` step whose worker is an executor (`executor-*`). */
export function isExecutorStep(step: Step): boolean {
  return step.op === 'start' && isExecutor(step.worker);
}

/** True for a `start` step of a single `Process`. */
export function isProcessStep(step: Step): boolean {
  return step.op === 'start' && step.worker === 'process';
}

/** The shared_memory reason for interpreters older than 3.8 (null when fine or unknown). */
export function sharedMemoryVersionReason(id: string, step: Step, facts?: OracleFacts): string | null {
  if (!createsSharedMemory(step) || facts === undefined) return null;
  return compareVersions(facts.version, '3.8') < 0 ? `${id}: shared_memory needs Python 3.8+ (this is ${facts.version})` : null;
}

/** Python lines of an adapter class that wraps a library pool as `self.pool`: the with-block delegates to it. */
export const POOL_WITH_BLOCK: readonly string[] = [
  '    def __enter__(self):',
  '        self.pool.__enter__()',
  '        return self',
  '',
  '    def __exit__(self, *exc):',
  '        return self.pool.__exit__(*exc)',
];
