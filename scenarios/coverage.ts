/**
 * Coverage of the generated space: cells per scenario, required cells and a gate.
 */
import { CHANNELS, METHODS, OBJECT_KINDS, WORKER_KINDS } from '../src/scenario/types.js';
import type { ContextRef, Scenario } from '../src/scenario/types.js';

/** How much of the program the guard wraps. */
export type GuardCell = 'main' | 'top' | 'partial';

/** The guard placement of a whole scenario. */
export function guardOf(scenario: Scenario): GuardCell {
  const main = scenario.steps.filter((s) => s.at === 'main').length;
  return main === scenario.steps.length ? 'main' : main === 0 ? 'top' : 'partial';
}

/**
 * The coverage cells a scenario falls in: one full cell
 * `cell:<method>/<guard>/<kind>/<channel>/<worker>` per (worker, passed object) — `none/none`
 * for a worker without objects; `<method>` is the worker's context, else the last
 * `set_start_method` before it, else `default` — plus one-axis cells `method:…`, `guard:…`,
 * `kind:…`, `via:…`, `worker:…`. Deduplicated, in a stable order.
 */
export function coverageCell(scenario: Scenario): string[] {
  const cells = new Set<string>();
  const guard = guardOf(scenario);
  const kinds = new Map<number, string>();
  let setMethod: ContextRef = 'default';
  cells.add(`guard:${guard}`);
  for (const step of scenario.steps) {
    if (step.op === 'set-start-method') setMethod = step.method;
    if (step.op === 'create') kinds.set(step.id, step.kind);
    if (step.op !== 'start') continue;
    const method = step.ctx !== 'default' ? step.ctx : setMethod;
    cells.add(`method:${method}`);
    cells.add(`worker:${step.worker}`);
    const passes = step.pass.length > 0 ? step.pass.map((p) => [kinds.get(p.obj) ?? 'none', p.via] as const) : [['none', 'none'] as const];
    for (const [kind, via] of passes) {
      cells.add(`kind:${kind}`);
      cells.add(`via:${via}`);
      cells.add(`cell:${method}/${guard}/${kind}/${via}/${step.worker}`);
    }
  }
  return [...cells];
}

/** A required cell and its minimum samples per 1000 runs of `scenarioArb()`. */
export interface RequiredCell {
  readonly cell: string;
  readonly min: number;
}

/**
 * Cells `scenarioArb()` must reach (minimums per 1000 runs, about a third of what the default
 * generator gives, so the gate flags a broken generator, not noise).
 */
export const REQUIRED_CELLS: readonly RequiredCell[] = [
  ...(['default', ...METHODS] as const).map((m) => ({ cell: `method:${m}`, min: 60 })),
  ...(['main', 'top', 'partial'] as const).map((g) => ({ cell: `guard:${g}`, min: 60 })),
  ...OBJECT_KINDS.map((k) => ({ cell: `kind:${k}`, min: 15 })),
  { cell: 'kind:none', min: 250 },
  ...CHANNELS.map((c) => ({ cell: `via:${c}`, min: 30 })),
  ...WORKER_KINDS.map((w) => ({ cell: `worker:${w}`, min: 40 })),
  // The classic shapes: unguarded spawn Process / Pool, guarded spawn and fork Processes.
  { cell: 'cell:spawn/top/none/none/process', min: 8 },
  { cell: 'cell:spawn/top/none/none/pool-map', min: 1 },
  { cell: 'cell:spawn/main/none/none/process', min: 8 },
  { cell: 'cell:fork/main/none/none/process', min: 6 },
  { cell: 'cell:default/main/none/none/process', min: 50 },
];

/** A required cell that got too few samples. */
export interface CoverageShortfall {
  readonly cell: string;
  readonly min: number;
  readonly got: number;
}

/**
 * Which required cells got too few samples. `counts` maps cell → samples (as tallied from
 * {@link coverageCell}); minimums scale linearly with `runs` (default 1000).
 */
export function coverageGate(counts: Readonly<Record<string, number>>, runs = 1000, required: readonly RequiredCell[] = REQUIRED_CELLS): CoverageShortfall[] {
  const short: CoverageShortfall[] = [];
  for (const { cell, min } of required) {
    const need = Math.floor((min * runs) / 1000);
    const got = counts[cell] ?? 0;
    if (got < need) short.push({ cell, min: need, got });
  }
  return short;
}

/** Tallies the cells of many scenarios. */
export function tallyCoverage(scenarios: Iterable<Scenario>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of scenarios) for (const c of coverageCell(s)) counts[c] = (counts[c] ?? 0) + 1;
  return counts;
}
