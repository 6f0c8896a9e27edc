/**
 * The object-kind taxonomy: which of the scenario's object kinds (src/scenario/types.ts
 * `OBJECT_KINDS`) a Manager serves, which are built on SemLock, which a context creates directly.
 * The renderer (spellings), the dialects (`ContextObjectKind`) and the oracle (pickling, manager
 * processes) read the families from here.
 */

/** Manager proxies: creating one starts a Manager server process. */
export const MANAGER_KINDS = ['ManagerDict', 'ManagerLock', 'ManagerQueue'] as const;
export type ManagerKind = (typeof MANAGER_KINDS)[number];

/** Not made by a context: manager proxies and shared memory blocks. */
export const NOT_CONTEXT_KINDS = [...MANAGER_KINDS, 'SharedMemory'] as const;
export type NotContextKind = (typeof NOT_CONTEXT_KINDS)[number];

/** Not built on SemLock (every other kind is: locks, semaphores, Condition, Event, Barrier, queues, synchronized Value/Array). */
export const NOT_SEMLOCK_KINDS = ['Pipe', ...NOT_CONTEXT_KINDS] as const;

/** True for a kind whose creation starts a Manager server process. */
export function isManagerKind(kind: string): kind is ManagerKind {
  return (MANAGER_KINDS as readonly string[]).includes(kind);
}

/** Kinds with acquire(): what a `die` worker holds when it kills itself (rendered and simulated alike). */
export const LOCK_LIKE_KINDS = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'ManagerLock'] as const;

/** True for a kind a `die` worker acquires before it kills itself. */
export function isLockLikeKind(kind: string): boolean {
  return (LOCK_LIKE_KINDS as readonly string[]).includes(kind);
}

/** True for a kind built on SemLock (pickled only while spawning). */
export function isSemlockKind(kind: string): boolean {
  return !(NOT_SEMLOCK_KINDS as readonly string[]).includes(kind);
}
