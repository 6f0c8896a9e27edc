import type { RuleId } from '../rules/index.js';
import type { ContextRef, Method } from '../../scenario/types.js';
import { defaultMethod, isAvailable } from '../platform.js';
import { fail, type Env, type Run, type Sim } from './types.js';

/** A resolved context, or the failure of resolving it. */
export type Resolved = { readonly kind: 'ok'; readonly method: Method } | { readonly kind: 'fail'; readonly run: Run };

/** `get_start_method()` (no allow_none): fixes the default context to the platform default if unset. */
export function fixDefault(sim: Sim, env: Env, why: RuleId): Method {
  if (env.actual === null) {
    const d = defaultMethod(sim.facts);
    env.actual = d.method;
    sim.acc.use([why, d.rule]);
  }
  return env.actual;
}

/** What `CTX.<something>` binds to: the default context (fixed by the call, see `why`) or `get_context(m)`. */
export function resolve(sim: Sim, env: Env, ref: ContextRef, why: RuleId): Resolved {
  if (ref === 'default') return { kind: 'ok', method: fixDefault(sim, env, why) };
  if (!isAvailable(sim.facts, ref)) return { kind: 'fail', run: fail('unknown-context', 'platform.win32-spawn-only') };
  return { kind: 'ok', method: ref };
}

/** `mp.set_start_method(method, force=...)` (DefaultContext.set_start_method). */
export function setStartMethod(sim: Sim, env: Env, method: Method, force: boolean): Run {
  if (env.actual !== null && !force) return fail('context-already-set', 'ctx.already-set');
  if (!isAvailable(sim.facts, method)) return fail('unknown-context', 'platform.win32-spawn-only');
  env.actual = method;
  sim.acc.use([force ? 'ctx.force' : 'ctx.already-set']);
  return { kind: 'ok' };
}
