import type { Channel, ChildAction, Method } from '../../scenario/types.js';
import type { ProcessLabel } from '../../contracts/labels.js';
import { labelNote } from '../../contracts/notes.js';
import { fixDefault, setStartMethod } from './context.js';
import { isSemlockKind } from './objects.js';
import { fail, OK, type Env, type Fail, type Obj, type Run, type Sim } from './types.js';

/** An object as the worker function sees it: `null` when a `global` name is undefined in the worker. */
export interface Received {
  readonly obj: Obj | null;
  readonly via: Channel;
}

/** How a child dies on first use of a fork-context SemLock it received (before the 3.11.5 check). */
export function crashOnUse(sim: Sim): Fail {
  return sim.facts.platform === 'darwin'
    ? { outcome: 'bad-file-descriptor', rules: ['semlock.fork-context-ebadf-darwin'] }
    : { outcome: 'signal:SIGSEGV', rules: ['semlock.fork-context-crash-linux', 'worker.exitcode-signal'] };
}

/** Runs `work_<id>`'s action in a worker of `method`; `label` prefixes its notes (`w<id>`). */
export function runAction(sim: Sim, env: Env, action: ChildAction, label: ProcessLabel, method: Method, received: readonly Received[]): Run {
  switch (action) {
    case 'use':
      for (const r of received) {
        if (r.obj === null) return fail('exception:NameError', 'spawn.fresh-globals');
        // a pickled fork-context SemLock that got past the parent (no 3.11.5 check) is a dangling handle here
        if (r.via !== 'global' && method !== 'fork' && r.obj.method === 'fork' && isSemlockKind(r.obj.kind)) {
          return { kind: 'fail', fail: crashOnUse(sim) };
        }
      }
      return OK;
    case 'report-method':
      sim.acc.note(labelNote(label, 'method'), fixDefault(sim, env, 'ctx.child-forced'));
      return OK;
    case 'read-global':
      sim.acc.note(labelNote(label, 'global'), env.global);
      sim.acc.use([method === 'fork' ? 'fork.inherits' : 'spawn.fresh-globals']);
      return OK;
    case 'set-start-method': {
      const r = setStartMethod(sim, env, 'spawn', false);
      return r.kind === 'fail' ? fail('context-already-set', 'ctx.already-set', 'ctx.child-forced') : r;
    }
    case 'raise':
      return fail('exception:ValueError', 'worker.raise');
  }
}

/**
 * The objects the parent pickles for a worker, by channel (`global` objects are not pickled: the worker looks them
 * up itself). An object the parent lacks (created under the guard, seen by a re-run) is a NameError in the parent.
 */
export function passedObjects(env: Env, pass: readonly { readonly obj: number; readonly via: Channel }[]): { readonly kind: 'ok'; readonly of: (via: Channel) => Obj[] } | { readonly kind: 'fail'; readonly run: Run } {
  const by = new Map<Channel, Obj[]>();
  for (const p of pass) {
    if (p.via === 'global') continue;
    const o = env.defined.get(p.obj);
    if (o === undefined) return { kind: 'fail', run: fail('exception:NameError', 'spawn.fresh-globals') };
    by.set(p.via, [...(by.get(p.via) ?? []), o]);
  }
  return { kind: 'ok', of: (via) => by.get(via) ?? [] };
}

/** The objects a worker receives, looked up in the parent (pickled channels) or in the worker itself (`global`). */
export function receive(parent: Env, worker: Env, pass: readonly { readonly obj: number; readonly via: Channel }[]): Received[] {
  return pass.map((p) => ({ via: p.via, obj: (p.via === 'global' ? worker : parent).defined.get(p.obj) ?? null }));
}
