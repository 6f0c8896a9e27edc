import { describe, expect, test } from 'vitest';
import { compareVersions } from '../../src/model/facts.js';
import { available } from '../support/pythons.js';
import { outcomes, proc, run } from './harness.js';
import * as P from './programs.js';

const { present, missing } = available(['3.8', '3.10', '3.12', '3.13']);
const patch: Record<string, string> = { '3.8': '3.8.18', '3.10': '3.10.13', '3.12': '3.12.1', '3.13': '3.13.0' };

// One test per scenario, all interpreters at once (2 cores: keeps the folder well under a minute).
const each = <T>(f: (minor: string, python: string) => Promise<T>): Promise<T[]> => Promise.all(present.map(([m, p]) => f(m, p)));

describe.skipIf(present.length === 0)(`classification on CPython ${present.map(([m]) => m).join(', ')}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`, () => {
  test('fork-context lock used by a spawn child: SIGSEGV before 3.11.5, semlock-fork-context after', async () => {
    await each(async (m, py) => {
      const { o } = await run(py, P.SEMLOCK_FORK_TO_SPAWN);
      if (compareVersions(patch[m]!, '3.11.5') < 0) {
        expect(outcomes(o), m).toMatchObject({ main: 'ok', w1: 'signal:SIGSEGV' });
        expect(o.notes['w1.exitcode']).toBe('-11');
        expect(proc(o, 'w1').exitcode).toBe(-11);
      } else {
        expect(outcomes(o), m).toEqual({ main: 'semlock-fork-context' });
      }
    });
  });

  test('module-level set_start_method(spawn) with a guarded Process: child context-already-set', async () => {
    await each(async (m, py) => {
      const { o } = await run(py, P.TOP_LEVEL_SET_START_METHOD);
      expect(outcomes(o), m).toEqual({ main: 'ok', w1: 'context-already-set' });
      expect(proc(o, 'w1').exitcode).toBe(1);
      expect(o.notes['w1.exitcode']).toBe('1');
    });
  });

  test('unguarded spawn Process: child bootstrapping-error, parent continues', async () => {
    await each(async (m, py) => {
      const { o } = await run(py, P.UNGUARDED_SPAWN_PROCESS);
      expect(outcomes(o), m).toEqual({ main: 'ok', w1: 'bootstrapping-error' });
      expect(o.notes['w1.exitcode']).toBe('1');
      expect(o.end).toEqual({ kind: 'exited', code: 0 });
    });
  });

  // The latency itself (bar: 2 s) is measured by `npm run bench`, not by a timed test; here, with a
  // 60 s timeout, `how: 'pattern'` proves the detector (not the timeout) ended the run.
  test('unguarded spawn Pool: hang recognised by its pattern although the timeout is 60 s', async () => {
    await each(async (m, py) => {
      const { o } = await run(py, P.UNGUARDED_SPAWN_POOL, { timeoutMs: 60_000 });
      expect(o.end, m).toMatchObject({ kind: 'hang', how: 'pattern' });
      expect(proc(o, 'main').outcome).toBe('hang');
      expect(o.processes.filter((p) => p.outcome === 'bootstrapping-error' && p.label === 'pool').length).toBeGreaterThanOrEqual(6);
    });
  });

  test("get_context('nope'), a Queue as a Pool task argument, a lambda target under spawn", async () => {
    await each(async (m, py) => {
      const [unknown, queue, lambda] = await Promise.all([P.UNKNOWN_CONTEXT, P.QUEUE_AS_POOL_TASK_ARG, P.LAMBDA_TARGET_SPAWN].map((s) => run(py, s)));
      expect(outcomes(unknown!.o), m).toEqual({ main: 'unknown-context' });
      expect(proc(queue!.o, 'main').outcome, m).toBe('inheritance-only');
      // the pool's workers were terminated by the pool (SIGTERM), which is not their failure
      expect(queue!.o.processes.filter((p) => p.label === 'pool').every((p) => p.outcome === 'ok')).toBe(true);
      expect(outcomes(lambda!.o), m).toEqual({ main: 'pickling-error' });
    });
  });

  test('a fork program that works: every process ok, notes parsed', async () => {
    await each(async (m, py) => {
      const { o } = await run(py, P.FORK_WORKS);
      expect(outcomes(o), m).toEqual({ main: 'ok', w1: 'ok', 'w1.g': 'ok' });
      expect(o.notes).toEqual({ 'w1.global': 'changed', 'w1.g.method': 'fork', 'w1.g.exitcode': '0', 'w1.exitcode': '0' });
      expect(proc(o, 'w1').role).toBe('child');
      expect(proc(o, 'w1.g').role).toBe('grandchild');
      expect(proc(o, 'w1.g').startMethod).toBe('fork');
    });
  });
});

const { present: latest } = available(['3.12']);
describe.skipIf(latest.length === 0)('more classification rows (CPython 3.12)', () => {
  test('concrete-context, main-attribute-missing, broken-process-pool', async () => {
    const py = latest[0]![1];
    const [concrete, guarded, executor] = await Promise.all([P.CONCRETE_CONTEXT, P.GUARDED_FUNCTION_SPAWN, P.UNGUARDED_SPAWN_EXECUTOR].map((s) => run(py, s)));
    expect(outcomes(concrete!.o)).toEqual({ main: 'concrete-context' });
    expect(outcomes(guarded!.o)).toEqual({ main: 'ok', w1: 'main-attribute-missing' });
    expect(proc(executor!.o, 'main').outcome).toBe('broken-process-pool');
    expect(executor!.o.processes.some((p) => p.label === 'pool' && p.outcome === 'bootstrapping-error')).toBe(true);
  });
});
