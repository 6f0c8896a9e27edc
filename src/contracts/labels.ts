/**
 * Process labels: how a scenario names the processes of its program (src/render/SEMANTICS.md,
 * "Process labels"). A worker started by step `id` is named `w<id>`, its grandchild `w<id>.g`;
 * the others are roles.
 */

/**
 * Labels of processes that play a role rather than run a step's worker.
 *
 * @public
 */
export const ROLE_LABELS = ['main', 'pool', 'forkserver', 'manager', 'resource-tracker'] as const;

/**
 * A process label: a role, the Process started by start step N, or its grandchild.
 *
 * @public
 */
export type ProcessLabel = (typeof ROLE_LABELS)[number] | `w${number}` | `w${number}.g`;

/** `w<id>`: the Process of start step `id` (also its `name=`). */
export function workerLabel(id: number): `w${number}` {
  return `w${id}`;
}

/** `w<id>.g`: that worker's grandchild (also its `name=`). */
export function grandchildLabel(id: number): `w${number}.g` {
  return `w${id}.g`;
}

/** A process name that is a worker's or grandchild's label. */
export const NAMED_LABEL = /^w\d+(\.g)?$/;

/** Any process label. */
export const PROCESS_LABEL = /^(main|pool|forkserver|manager|resource-tracker|w\d+(\.g)?)$/;
