import type { Implementation, OracleFacts, Platform } from '../../src/model/facts.js';
import type { ChildAction, ContextRef, Passing, Placement, Scenario, Step, TargetForm, WorkerKind } from '../../src/scenario/types.js';
import type { Expectation } from '../../src/model/expectation.js';

/** Test helpers: facts, step builders and lookups (no I/O). */
export const facts = (version: string, platform: Platform = 'linux', implementation: Implementation = 'cpython'): OracleFacts => ({ version, platform, implementation });
export const scenario = (...steps: Step[]): Scenario => ({ version: 1, steps });
export const start = (
  id: number, o: { at?: Placement; worker?: WorkerKind; ctx?: ContextRef; pass?: Passing[]; action?: ChildAction; target?: TargetForm; grandchild?: ContextRef | null } = {},
): Step => ({
  op: 'start', id, at: o.at ?? 'main', worker: o.worker ?? 'process', ctx: o.ctx ?? 'default', pass: o.pass ?? [],
  action: o.action ?? 'use', target: o.target ?? 'function', grandchild: o.grandchild ?? null,
});
/** Accepted outcomes of `label` (throws when unspecified). */
export function outcomes(e: Expectation, label: string): readonly string[] {
  const p = e.processes.find((x) => x.label === label);
  if (p === undefined) throw new Error(`no process ${label}`);
  if (p.kind !== 'outcomes') throw new Error(`${label} unspecified: ${p.reason}`);
  return p.accept;
}
