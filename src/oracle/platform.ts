import type { OracleFacts } from '../model/facts.js';
import type { Method } from '../scenario/types.js';
import { holds } from './holds.js';
import type { RuleId } from './rules/index.js';

/** The platform default start method and the rule that decides it. */
export function defaultMethod(facts: OracleFacts): { readonly method: Method; readonly rule: RuleId } {
  for (const [rule, method] of [
    ['platform.default-linux-fork', 'fork'],
    ['platform.default-linux-forkserver', 'forkserver'],
    ['platform.default-darwin-fork', 'fork'],
    ['platform.default-darwin-spawn', 'spawn'],
    ['platform.default-win32-spawn', 'spawn'],
  ] as const) {
    if (holds(rule, facts)) return { method, rule };
  }
  throw new Error(`oracle: no default start method for ${facts.platform} ${facts.version}`);
}

/** Whether `get_context(method)` succeeds on this platform (Windows has spawn only). */
export function isAvailable(facts: OracleFacts, method: Method): boolean {
  return facts.platform !== 'win32' || method === 'spawn';
}
