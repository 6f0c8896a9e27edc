/**
 * What the probe's `target` (module + qualname) and process names tell about a Process object's
 * role, from the roles of the libraries under test (src/contracts/libraries.ts).
 */
import { LIBRARIES, type Library } from '../contracts/libraries.js';

const ROLES = (LIBRARIES as readonly Library[]).map((l) => l.roles);
const POOL_WORKERS = ROLES.flatMap((r) => (r.poolWorker === undefined ? [] : [r.poolWorker]));
const MANAGERS = ROLES.flatMap((r) => (r.manager === undefined ? [] : [r.manager]));

const test = (re: RegExp | undefined, text: string | null): boolean => re !== undefined && text !== null && re.test(text);

/** True for a pool or executor worker process. */
export function isPoolWorker(name: string | null, target: string | null): boolean {
  return POOL_WORKERS.some((w) => test(w.target, target)) || POOL_WORKERS.some((w) => test(w.name, name));
}

/** True for a worker of a pool that replaces workers that die (so failures can repeat forever). */
export function isReplacedPoolWorker(name: string | null, target: string | null): boolean {
  const replacing = POOL_WORKERS.filter((w) => w.replaced);
  return replacing.some((w) => test(w.target, target)) || (target === null && POOL_WORKERS.some((w) => test(w.name, name)));
}

/** True for a Manager's server process. */
export function isManager(name: string | null, target: string | null): boolean {
  return MANAGERS.some((m) => test(m.target, target)) || MANAGERS.some((m) => test(m.name, name));
}
