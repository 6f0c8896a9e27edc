// Type tests of the public surface (vitest typecheck): what a pool library writes against
// 'mpconform' and 'mpconform/vitest' type-checks, and what is not public is not exported.
import { describe, expect, expectTypeOf, test } from 'vitest';
import * as api from 'mpconform';
import {
  extendDialect, MpconformError, OptionError, predict, runConformance, runScenario, stdlibDialect,
  type CaseResult, type ConformanceProgress, type Dialect, type Expectation, type Observation, type RunReport,
  type RunScenarioOptions, type Scenario, type ScenarioResult, type VerdictKind,
} from 'mpconform';
import * as vitestKit from 'mpconform/vitest';
import { seedFromEnv, testOnPythons, toConformTo, type MatcherResult } from 'mpconform/vitest';

describe("'mpconform'", () => {
  test('runScenario takes a scenario and options and resolves to a ScenarioResult', () => {
    expectTypeOf(runScenario).parameters.toEqualTypeOf<[Scenario, RunScenarioOptions]>();
    expectTypeOf(runScenario).returns.resolves.toEqualTypeOf<ScenarioResult>();
    expectTypeOf<ScenarioResult['observation']>().toEqualTypeOf<Observation | null>();
    expectTypeOf<ScenarioResult['verdict']['kind']>().toEqualTypeOf<VerdictKind>();
    expectTypeOf<RunScenarioOptions['target']>().toEqualTypeOf<string | Dialect | undefined>();
  });

  test('runConformance resolves to a RunReport and reports progress as a union', () => {
    expectTypeOf(runConformance).returns.resolves.toEqualTypeOf<RunReport>();
    expectTypeOf<Extract<ConformanceProgress, { kind: 'case' }>['result']>().toEqualTypeOf<CaseResult>();
    expectTypeOf<ConformanceProgress['kind']>().toEqualTypeOf<'start' | 'case'>();
  });

  test('extendDialect keeps the Dialect interface; unknown spellings are refused', () => {
    expectTypeOf(extendDialect(stdlibDialect, { id: 'ourpool' })).toEqualTypeOf<Dialect>();
    // @ts-expect-error: an extension needs its own id
    extendDialect(stdlibDialect, { poolClass: (ctx: string) => ctx });
    // @ts-expect-error: `unsupported` is derived, not given
    extendDialect(stdlibDialect, { id: 'x', unsupported: () => null });
  });

  test('errors share one base', () => {
    expectTypeOf<OptionError>().toMatchTypeOf<MpconformError>();
    expectTypeOf<OptionError['code']>().toEqualTypeOf<'E_BAD_OPTION'>();
  });

  test('the accidental exports are gone', () => {
    expectTypeOf(api).not.toHaveProperty('cli');
    expectTypeOf(api).not.toHaveProperty('which');
    expectTypeOf(api).not.toHaveProperty('computeTotals');
    expectTypeOf(api).not.toHaveProperty('parseTracebacks');
    expectTypeOf(api).not.toHaveProperty('evaluateScenario');
    expectTypeOf(api).not.toHaveProperty('applyDeviationsToAll');
  });
});

describe("'mpconform/vitest'", () => {
  test("the declare module 'vitest' augmentation types expect(observation).toConformTo(expectation)", () => {
    const observation = {} as Observation;
    const expectation = predict({} as Scenario, { version: '3.12.1', platform: 'linux', implementation: 'cpython' });
    expectTypeOf(expect(observation).toConformTo).parameter(0).toEqualTypeOf<Expectation>();
    expectTypeOf(expect(observation).toConformTo(expectation)).toEqualTypeOf<void>();
    expectTypeOf(expect(observation).not.toConformTo).toBeFunction();
    // @ts-expect-error: the argument is an Expectation (from predict), not a string
    expect(observation).toConformTo('pass');
  });

  test('the matcher, the test helpers and the seed parser', () => {
    expectTypeOf(toConformTo).returns.toEqualTypeOf<MatcherResult>();
    expectTypeOf(testOnPythons).returns.toBeVoid();
    expectTypeOf(seedFromEnv).returns.toEqualTypeOf<number | 'random' | undefined>();
  });

  test('does not re-export the root barrel (nor the CLI)', () => {
    expectTypeOf(vitestKit).not.toHaveProperty('runScenario');
    expectTypeOf(vitestKit).not.toHaveProperty('cli');
  });
});
