import type { ObjectKind } from '../../scenario/types.js';

const NOT_SEMLOCK: readonly ObjectKind[] = ['Pipe', 'ManagerDict', 'ManagerLock', 'ManagerQueue', 'SharedMemory'];

/** Kinds built on SemLock (locks, semaphores, Condition, Event, Barrier, queues, synchronized Value/Array): pickled only while spawning. */
export function isSemlockKind(kind: ObjectKind): boolean {
  return !NOT_SEMLOCK.includes(kind);
}

/** Kinds whose creation starts a Manager server process. */
export function isManagerKind(kind: ObjectKind): boolean {
  return kind === 'ManagerDict' || kind === 'ManagerLock' || kind === 'ManagerQueue';
}
