import type { Channel, ChildAction, Method } from '../../scenario/types.js';
import type { ProcessLabel } from '../../contracts/labels.js';
import { labelNote } from '../../contracts/notes.js';
import { fixDefault, setStartMethod } from './context.js';
import { isLockLikeKind } from '../../contracts/objects.js';
import { isSemlockKind } from './objects.js';
import { fail, OK, type Env, type Fail, type Obj, type Run, type Sim } from './types.js';
import { register } from './tracker.js';

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

/** `G` in a process that imported the script afresh: changed only by a top-level `set-global`. */
function freshGlobal(sim: Sim): Env['global'] {
  return sim.scenario.steps.some((s) => s.op === 'set-global' && s.at === 'top') ? 'changed' : 'initial';
}

/** Using each received object: a global the worker lacks is a NameError; a fork-context SemLock pickled to a non-fork child crashes it. */
function useAll(sim: Sim, method: Method, received: readonly Received[]): Run {
  for (const r of received) {
    if (r.obj === null) return fail('exception:NameError', 'spawn.fresh-globals');
    // a pickled fork-context SemLock that got past the parent (no 3.11.5 check) is a dangling handle here
    if (r.via !== 'global' && method !== 'fork' && r.obj.method === 'fork' && isSemlockKind(r.obj.kind)) {
      return { kind: 'fail', fail: crashOnUse(sim) };
    }
  }
  return OK;
}

/** Runs `work_<id>`'s action in a worker of `method`; `label` prefixes its notes (`w<id>`). */
export function runAction(sim: Sim, env: Env, action: ChildAction, label: ProcessLabel, method: Method, received: readonly Received[], parent: Env): Run {
  switch (action) {
    case 'use':
      return useAll(sim, method, received);
    case 'use-and-close': {
      const run = useAll(sim, method, received);
      // close() unmaps the attached block only: its creator's unlink still finds it, so the tracker has nothing left
      if (run.kind === 'ok' && env.tracker !== null && received.some((r) => r.obj?.kind === 'SharedMemory')) sim.acc.trackerRules(env.tracker, ['shm.close-keeps-block']);
      return run;
    }
    case 'nested-pool':
      // opening a pool is the starter's to simulate (src/oracle/sim/pool.ts startNestedPool): no import cycle
      throw new Error(`${label}: nested-pool runs through startNestedPool, not runAction`);
    case 'own-shared-memory':
      // SharedMemory(create=True) registers the block with this process's tracker; its unlink is an atexit hook here
      register(sim, env, 'shm');
      return OK;
    case 'die': {
      // it acquires the lock-like objects it received first (src/render/body.ts), then kills itself
      const held = useAll(sim, method, received.filter((r) => r.obj === null || isLockLikeKind(r.obj.kind)));
      return held.kind === 'ok' ? fail('signal:SIGKILL', 'worker.exitcode-signal') : held;
    }
    case 'report-method': {
      const m = fixDefault(sim, env, 'ctx.child-forced');
      sim.acc.note(labelNote(label, 'method'), m, env.methodBy);
      return OK;
    }
    case 'read-global': {
      // the rule decides the value only where the other would give another one: a fresh import's G (after the
      // top-level steps) against the parent's
      const rule = method === 'fork' ? 'fork.inherits' : 'spawn.fresh-globals';
      sim.acc.use([rule]);
      sim.acc.note(labelNote(label, 'global'), env.global, parent.global !== freshGlobal(sim) ? [rule] : []);
      return OK;
    }
    case 'set-start-method':
      // fails by whatever fixed the child's context (inheritance, prepare(), a concrete context's _bootstrap)
      return setStartMethod(sim, env, 'spawn', false);
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
