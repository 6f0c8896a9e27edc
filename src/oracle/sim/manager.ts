import type { ContextRef } from '../../scenario/types.js';
import { resolve } from './context.js';
import { launch } from './launch.js';
import { failedRerunKeepsManagers } from './tracker.js';
import { fail, OK, type Env, type Run, type Sim } from './types.js';

/** `m<id> = CTX.Manager()`: starts a server process of the context's method and waits for its address. */
export function startManager(sim: Sim, env: Env, ctx: ContextRef): Run {
  const r = resolve(sim, env, ctx, 'ctx.fixed-by-object');
  if (r.kind === 'fail') return r.run;
  const l = launch(sim, env, { label: 'manager', method: r.method, concrete: true, target: 'function', pickled: [] });
  if (l.kind === 'parent-failed') return l.run;
  if (l.boot.kind === 'fail') {
    sim.acc.record('manager', [l.boot.fail.outcome], l.boot.fail.rules);
    // a fork manager its re-run started inherited the write end of the address pipe, and nobody shuts it down
    if (r.method === 'forkserver' && failedRerunKeepsManagers(sim, l.child)) return { kind: 'hang', rules: ['forkserver.rerun-error-no-cleanup'] };
    return fail('exception:EOFError', 'manager.server-death-eof');
  }
  if (l.boot.kind === 'hang') return l.boot;
  sim.acc.record('manager', ['ok'], ['manager.process']);
  env.managers++;
  return OK;
}
