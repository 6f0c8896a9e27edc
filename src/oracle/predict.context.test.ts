import { describe, expect, it } from 'vitest';
import { predict } from './predict.js';
import { facts, outcomes, scenario, start } from '../../test/support/oracle-kit.js';

// Each expectation below is reasoned from Lib/multiprocessing/context.py (DefaultContext), not from a run.
describe('default context state', () => {
  it('get_start_method() fixes the context; set_start_method without force then fails', () => {
    const e = predict(scenario({ op: 'get-start-method', at: 'main', allowNone: false }, { op: 'set-start-method', at: 'main', method: 'spawn', force: false }), facts('3.11.7'));
    expect(outcomes(e, 'main')).toEqual(['context-already-set']);
    expect(e.notes['s0.method']).toEqual(['fork']);
    expect(e.rules).toContain('ctx.already-set');
  });
  it('allow_none=True fixes nothing', () => {
    const e = predict(scenario({ op: 'get-start-method', at: 'main', allowNone: true }, { op: 'set-start-method', at: 'main', method: 'spawn', force: false }, { op: 'get-start-method', at: 'main', allowNone: true }), facts('3.7.16'));
    expect(outcomes(e, 'main')).toEqual(['ok']);
    expect(e.notes['s0.method']).toEqual(['None']);
    expect(e.notes['s2.method']).toEqual(['spawn']);
  });
  it('force=True replaces a fixed context', () => {
    const e = predict(scenario({ op: 'set-start-method', at: 'main', method: 'spawn', force: false }, { op: 'set-start-method', at: 'main', method: 'fork', force: true }, { op: 'get-start-method', at: 'main', allowNone: false }), facts('3.12.1'));
    expect(outcomes(e, 'main')).toEqual(['ok']);
    expect(e.notes['s2.method']).toEqual(['fork']);
  });
  it('an object on the default context fixes it; Pipe and a concrete-context object do not', () => {
    const set = { op: 'set-start-method', at: 'main', method: 'spawn', force: false } as const;
    expect(outcomes(predict(scenario({ op: 'create', at: 'main', id: 0, kind: 'Queue', ctx: 'default' }, set), facts('3.10.13')), 'main')).toEqual(['context-already-set']);
    expect(outcomes(predict(scenario({ op: 'create', at: 'main', id: 0, kind: 'Pipe', ctx: 'default' }, set), facts('3.10.13')), 'main')).toEqual(['ok']);
    expect(outcomes(predict(scenario({ op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'fork' }, set), facts('3.10.13')), 'main')).toEqual(['ok']);
  });
  it('starting a spawn process from a concrete context fixes the parent default (get_preparation_data)', () => {
    const e = predict(scenario(start(0, { ctx: 'spawn', action: 'report-method' }), { op: 'get-start-method', at: 'main', allowNone: true }), facts('3.11.2'));
    expect(e.notes['s1.method']).toEqual(['fork']);
    // _bootstrap forces the child's context to the Process class's method
    expect(e.notes['w0.method']).toEqual(['spawn']);
    expect(outcomes(e, 'w0')).toEqual(['ok']);
  });
  it('a fork start from a concrete context leaves the parent default unset', () => {
    const e = predict(scenario(start(0, { ctx: 'fork', action: 'use' }), { op: 'get-start-method', at: 'main', allowNone: true }), facts('3.11.2'));
    expect(e.notes['s1.method']).toEqual(['None']);
  });
  it('unknown and concrete contexts', () => {
    expect(outcomes(predict(scenario({ op: 'get-context-unknown', at: 'main' }), facts('3.9.18')), 'main')).toEqual(['unknown-context']);
    expect(outcomes(predict(scenario({ op: 'context-set-start-method', at: 'main', ctx: 'spawn' }), facts('3.9.18', 'win32')), 'main')).toEqual(['concrete-context']);
    expect(outcomes(predict(scenario({ op: 'context-set-start-method', at: 'main', ctx: 'fork' }), facts('3.9.18', 'win32')), 'main')).toEqual(['unknown-context']);
    expect(outcomes(predict(scenario({ op: 'context-set-start-method', at: 'main', ctx: 'fork' }), facts('3.9.18', 'darwin')), 'main')).toEqual(['concrete-context']);
  });
  it('a child always has its context fixed: set_start_method in a worker fails', () => {
    for (const ctx of ['default', 'fork', 'spawn'] as const) {
      const e = predict(scenario(start(0, { ctx, action: 'set-start-method' })), facts('3.13.0'));
      expect(outcomes(e, 'w0')).toEqual(['context-already-set']);
      expect(e.notes['w0.exitcode']).toEqual(['1']);
    }
  });
});

describe('platform defaults and availability', () => {
  const method = (v: string, p: 'linux' | 'darwin' | 'win32') => predict(scenario({ op: 'get-start-method', at: 'main', allowNone: false }), facts(v, p)).notes['s0.method'];
  it('linux: fork through 3.13, forkserver from 3.14', () => {
    expect(method('3.13.0', 'linux')).toEqual(['fork']);
    expect(method('3.14.0', 'linux')).toEqual(['forkserver']);
  });
  it('macOS: fork before 3.8, spawn from 3.8', () => {
    expect(method('3.7.16', 'darwin')).toEqual(['fork']);
    expect(method('3.8.0', 'darwin')).toEqual(['spawn']);
  });
  it('windows: spawn; fork is not available', () => {
    expect(method('3.12.1', 'win32')).toEqual(['spawn']);
    const e = predict(scenario({ op: 'set-start-method', at: 'main', method: 'fork', force: false }), facts('3.12.1', 'win32'));
    expect(outcomes(e, 'main')).toEqual(['unknown-context']);
    expect(outcomes(predict(scenario(start(0, { ctx: 'forkserver' })), facts('3.12.1', 'win32')), 'main')).toEqual(['unknown-context']);
  });
  it('shared_memory is missing before 3.8', () => {
    const s = scenario({ op: 'create', at: 'main', id: 0, kind: 'SharedMemory', ctx: 'default' });
    expect(outcomes(predict(s, facts('3.7.16')), 'main')).toEqual(['exception:ImportError']);
    expect(outcomes(predict(s, facts('3.8.0')), 'main')).toEqual(['ok']);
  });
});
