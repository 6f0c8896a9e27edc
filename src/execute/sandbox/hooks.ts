/**
 * What kill.ts needs to know about sandboxed trees, kept apart from launch.ts (which uses kill.ts):
 * the trees whose group is about to be SIGKILLed (their /dev/shm can be listed only while their
 * init lives) and the run tokens whose events carry namespace pids.
 */
const attached = new Map<number, { snapshot(): void }>();
const contained = new Set<string>();

/** Registers a sandboxed tree under its process group id and run token. */
export function attachTree(pgid: number, token: string, tree: { snapshot(): void }): void {
  attached.set(pgid, tree);
  contained.add(token);
}

/** Forgets a settled tree. */
export function detachTree(pgid: number | null, token: string): void {
  if (pgid !== null) attached.delete(pgid);
  contained.delete(token);
}

/** For killGroup: called before a SIGKILL reaches a group, while the namespace can still be read. */
export function beforeGroupKill(pgid: number): void {
  attached.get(pgid)?.snapshot();
}

/** True while the tree with this run token runs in its own namespaces (its events carry namespace pids). */
export function isContained(token: string): boolean {
  return contained.has(token);
}
