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
    env.fixedBy = [why];
    env.methodBy = [d.rule];
    env.unfixedBy = [];
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
  // the failure names what fixed the context: a program for which that did not fix it would not fail here
  if (env.actual !== null && !force) return fail('context-already-set', 'ctx.already-set', ...env.fixedBy);
  if (!isAvailable(sim.facts, method)) return fail('unknown-context', 'platform.win32-spawn-only');
  // a first set succeeds because nothing fixed the context before: the rules that left it unfixed decide this ok
  if (env.actual === null && !force) env.okBy.push(...env.unfixedBy);
  env.unfixedBy = [];
  // force=True decides the method only where the context was already fixed
  env.methodBy = force && env.actual !== null ? ['ctx.force'] : [];
  env.fixedBy = [];
  env.actual = method;
  sim.acc.use([force ? 'ctx.force' : 'ctx.already-set']);
  return { kind: 'ok' };
}

/** A method some code forces onto a default context, with the rules its value and its being sent depend on. */
export interface Forced {
  readonly method: Method;
  readonly methodBy: readonly RuleId[];
  readonly fixedBy: readonly RuleId[];
}

/**
 * `by` (prepare()'s set_start_method(force=True), _bootstrap's _force_start_method) forces `env`'s default context to
 * `f.method`. A rule decided the resulting method only where the context would otherwise hold another one (what it
 * held, or the platform default it would fix to); `by` fixed the context only where it was unfixed.
 */
export function forceContext(sim: Sim, env: Env, f: Forced, by: RuleId): void {
  const d = defaultMethod(sim.facts);
  const otherwise = env.actual ?? d.method;
  const otherwiseBy = env.actual !== null ? env.methodBy : [d.rule];
  env.methodBy = f.method !== otherwise ? [...f.methodBy, by] : f.methodBy.filter((r) => otherwiseBy.includes(r));
  env.fixedBy = env.actual !== null ? [] : [...f.fixedBy, by];
  env.unfixedBy = [];
  env.actual = f.method;
  sim.acc.use([by]);
}

/** A fork child's copy of its parent's default context: fixed there, so fixed here by inheritance (fork.inherits). */
export function inheritContext(sim: Sim, parent: Env, child: Env): void {
  if (parent.actual === null) return;
  const d = defaultMethod(sim.facts);
  child.fixedBy = [...parent.fixedBy, 'fork.inherits'];
  child.methodBy = parent.actual !== d.method ? [...parent.methodBy, 'fork.inherits'] : parent.methodBy.filter((r) => r === d.rule);
}
