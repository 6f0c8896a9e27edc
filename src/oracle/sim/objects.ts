import { isManagerKind as managerKind, isSemlockKind as semlockKind, NOT_SEMLOCK_KINDS } from '../../contracts/objects.js';
import type { ObjectKind } from '../../scenario/types.js';

// the taxonomy names scenario kinds only (a misspelt kind there fails here)
const NOT_SEMLOCK: readonly ObjectKind[] = NOT_SEMLOCK_KINDS;
void NOT_SEMLOCK;

/** Kinds built on SemLock (locks, semaphores, Condition, Event, Barrier, queues, synchronized Value/Array): pickled only while spawning. */
export function isSemlockKind(kind: ObjectKind): boolean {
  return semlockKind(kind);
}

/** Kinds whose creation starts a Manager server process. */
export function isManagerKind(kind: ObjectKind): boolean {
  return managerKind(kind);
}
