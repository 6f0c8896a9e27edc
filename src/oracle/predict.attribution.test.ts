import { describe, expect, it } from 'vitest';
import { predict } from './predict.js';
import { facts, scenario, start } from '../../test/support/oracle-kit.js';
import type { Expectation } from '../model/expectation.js';

/** The rules the expectation lists for `label`. */
function labelRules(e: Expectation, label: string): readonly string[] {
  const p = e.processes.find((x) => x.label === label);
  if (p === undefined) throw new Error(`no ${label}`);
  return p.rules;
}

const SET_SPAWN = { op: 'set-start-method', at: 'main', method: 'spawn', force: false } as const;

// Which rules decided a value: a rule is attributed only where a program breaking it would print or end otherwise.
// Reasoned from Lib/multiprocessing/context.py (DefaultContext, _force_start_method), spawn.py (prepare,
// get_preparation_data), process.py (_bootstrap); never from a run.
describe('what fixed the context is named by the later "context has already been set"', () => {
  it('get_start_method(), an object, a default-context start, an executor, preparation', () => {
    const cases = [
      [{ op: 'get-start-method', at: 'main', allowNone: false }, 'ctx.fixed-by-get'],
      [{ op: 'create', at: 'main', id: 0, kind: 'Queue', ctx: 'default' }, 'ctx.fixed-by-object'],
      [start(0), 'ctx.fixed-by-start'],
      [start(0, { worker: 'executor-submit' }), 'executor.default-context'],
      [start(0, { ctx: 'spawn' }), 'ctx.fixed-by-preparation'],
    ] as const;
    for (const [step, rule] of cases) {
      const e = predict(scenario(step, SET_SPAWN), facts('3.12.1'));
      expect(labelRules(e, 'main')).toEqual(['ctx.already-set', rule]);
    }
  });
  it('a child fixed by a concrete context, by prepare() or by fork inheritance', () => {
    const child = (o: Parameters<typeof start>[1]) => labelRules(predict(scenario(start(0, { ...o, action: 'set-start-method' })), facts('3.12.1')), 'w0');
    expect(child({ ctx: 'fork' })).toEqual(['ctx.already-set', 'ctx.child-forced']);
    expect(child({ ctx: 'default' })).toEqual(['ctx.already-set', 'ctx.fixed-by-start', 'fork.inherits']);
    // prepare() fixes the child before _bootstrap forces spawn again: neither alone decides that it is fixed
    expect(child({ ctx: 'spawn' })).toEqual(['ctx.already-set']);
  });
  it('a first set_start_method succeeds because freeze_support() left the context unfixed (3.13.0)', () => {
    const e = predict(scenario({ op: 'freeze-support', at: 'main' }, SET_SPAWN), facts('3.13.0'));
    expect(labelRules(e, 'main')).toEqual(['ctx.freeze-support-noop']);
  });
});

describe('notes carry the rules that decided their values', () => {
  it('a spawn-context child on Linux reports spawn because _bootstrap forced it over the prepared fork', () => {
    const e = predict(scenario(start(0, { ctx: 'spawn', action: 'report-method' })), facts('3.12.1'));
    expect(e.notes['w0.method']).toEqual(['spawn']);
    expect(e.noteRules?.['w0.method']).toEqual(['ctx.child-forced']);
  });
  it('a default-context spawn child reports what prepare() forced: the parent set it, so only prepare() decides', () => {
    const e = predict(scenario(SET_SPAWN, start(0, { action: 'report-method' })), facts('3.12.1'));
    expect(e.noteRules?.['w0.method']).toEqual(['spawn.prepare-forces-method']);
  });
  it('a default-context fork child reports the inherited platform default: the platform rule decides, not inheritance', () => {
    const e = predict(scenario(start(0, { action: 'report-method' })), facts('3.12.1'));
    expect(e.notes['w0.method']).toEqual(['fork']);
    expect(e.noteRules?.['w0.method']).toEqual(['platform.default-linux-fork']);
  });
  it('G: fresh globals decide a spawn child only when the parent changed G under the guard', () => {
    const guarded = predict(scenario({ op: 'set-global', at: 'main' }, start(0, { ctx: 'spawn', action: 'read-global' })), facts('3.12.1'));
    expect(guarded.noteRules?.['w0.global']).toEqual(['spawn.fresh-globals']);
    const top = predict(scenario({ op: 'set-global', at: 'top' }, start(0, { ctx: 'spawn', action: 'read-global' })), facts('3.12.1'));
    expect(top.noteRules?.['w0.global']).toBeUndefined();
    const fork = predict(scenario({ op: 'set-global', at: 'main' }, start(0, { ctx: 'fork', action: 'read-global' })), facts('3.12.1'));
    expect(fork.noteRules?.['w0.global']).toEqual(['fork.inherits']);
  });
  it('get_start_method(allow_none=True) prints None by ctx.fixed-by-get; after a force=True the value is force\'s', () => {
    const none = predict(scenario({ op: 'get-start-method', at: 'main', allowNone: true }), facts('3.12.1'));
    expect(none.noteRules?.['s0.method']).toEqual(['ctx.fixed-by-get']);
    const forced = predict(scenario(SET_SPAWN, { op: 'set-start-method', at: 'main', method: 'fork', force: true }, { op: 'get-start-method', at: 'main', allowNone: false }), facts('3.12.1'));
    expect(forced.noteRules?.['s2.method']).toEqual(['ctx.force']);
  });
  it("a child's ok and exit code name what let it start: SemLocks pickled while spawning, none pickled under fork", () => {
    const lock = { op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'spawn' } as const;
    const spawn = predict(scenario(lock, start(1, { ctx: 'spawn', pass: [{ obj: 0, via: 'process-arg' }] })), facts('3.12.1'));
    expect(labelRules(spawn, 'w1')).toEqual(['pickle.spawning-ok']);
    expect(spawn.noteRules?.['w1.exitcode']).toEqual(['pickle.spawning-ok']);
    const fork = predict(scenario(start(0, { ctx: 'fork', target: 'lambda' })), facts('3.12.1'));
    expect(labelRules(fork, 'w0')).toEqual(['pickle.fork-no-pickle']);
  });
  it('a child killed by SIGKILL: exitcode -9 by worker.exitcode-signal', () => {
    const e = predict(scenario({ op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'default' }, start(1, { pass: [{ obj: 0, via: 'process-arg' }], action: 'die' })), facts('3.12.1'));
    expect(e.processes.find((p) => p.label === 'w1')).toMatchObject({ accept: ['signal:SIGKILL'], rules: ['worker.exitcode-signal'] });
    expect(e.notes['w1.exitcode']).toEqual(['-9']);
  });
});
