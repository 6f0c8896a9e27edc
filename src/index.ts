/**
 * mpconform — the public API (`import { … } from 'mpconform'`).
 *
 * The pipeline, one stage per group below: scenarios (fast-check arbitraries and the curated
 * corpus) → {@link renderScenario} (Python source) → {@link runProgram} (a real interpreter, one
 * classified outcome per process) → {@link predict} (the documented-behaviour oracle, which never
 * sees an observation) → {@link judge} (verdict) → declared deviations → reports.
 *
 * {@link runScenario} does the whole path for one scenario on one interpreter and one target —
 * either a shipped target id or a {@link Dialect} object describing a library's own pool API.
 *
 * This module is an index of re-exports plus a little glue at its end; see
 * docs/library-authors.md for how a pool library uses it.
 *
 * @packageDocumentation
 */

// Used by the glue at the end of this file (everything public is re-exported below).
import { readFile } from 'node:fs/promises';
import { applyDeviations as applyDeviationsToCase, parseDeviations as parseDeviationsText } from './deviations/index.js';
import type { Deviation as DeviationT, DeviationsFile as DeviationsFileT } from './deviations/index.js';
import type { Guard as GuardT } from './deviations/index.js';
import type {
  Implementation as ImplementationT, InterpreterFacts as InterpreterFactsT, OracleFacts as OracleFactsT, Platform as PlatformT,
} from './interpreters/facts.js';
import { probeInterpreter as probe } from './interpreters/probe.js';
import type { Observation as ObservationT } from './observe/types.js';
import type { Expectation as ExpectationT } from './oracle/types.js';
import { evaluateScenario as evaluate } from './run/evaluate.js';
import type { CaseResult as CaseResultT } from './run/types.js';
import type * as ScenarioTypes from './scenario/types.js';
import type { Scenario as ScenarioT, Step as StepT } from './scenario/types.js';
import { parseScenario as parse } from './scenario/validate.js';
import type { Dialect as DialectT } from './targets/dialect.js';
import { withChecks } from './targets/support.js';
import type { Verdict as VerdictT, VerdictKind as VerdictKindT } from './verdict/types.js';

// ── Scenarios: the typed program description, its JSON boundary, arbitraries and the corpus ──
export {
  scenarioArb, contextSetOnceArb, guardArb, crossContextSemLockArb, inheritanceOnlyArb, globalsArb,
  picklabilityArb, defaultsArb, FULL_SPACE, coverageCells, coverageGate, tallyCoverage, guardOf,
  REQUIRED_CELLS, scenarioSize, processCount, corpus,
} from '../scenarios/index.js';
export type {
  ScenarioArbOptions, ArbOptions, SpaceConfig, CorpusEntry, RequiredCell, CoverageShortfall, GuardCell,
} from '../scenarios/index.js';
export type { Scenario, Step, Passing, ProcessLabel } from './scenario/types.js';
/** A step's operation: `set-start-method`, `get-start-method`, `create`, `start`, `get-context-unknown`, `context-set-start-method`, `set-global`. */
export type StepOp = ScenarioTypes.StepOp;
/** A start method: `fork`, `spawn` or `forkserver` ({@link METHODS}). */
export type Method = ScenarioTypes.Method;
/** Where an object or worker gets its context: `default` (the module-level API) or a named method ({@link CONTEXT_REFS}). */
export type ContextRef = ScenarioTypes.ContextRef;
/** Where a step's code sits: `top` (module level, re-run by spawn/forkserver children) or `main` (inside the guard). */
export type Placement = ScenarioTypes.Placement;
/** An object a scenario creates and shares ({@link OBJECT_KINDS}). */
export type ObjectKind = ScenarioTypes.ObjectKind;
/** How an object travels to a worker: `process-arg`, `task-arg`, `initargs`, `global` ({@link CHANNELS}). */
export type Channel = ScenarioTypes.Channel;
/** The worker a `start` step launches: `process`, `pool-*`, `executor-*` ({@link WORKER_KINDS}). */
export type WorkerKind = ScenarioTypes.WorkerKind;
/** What the worker function does ({@link CHILD_ACTIONS}). */
export type ChildAction = ScenarioTypes.ChildAction;
/** The worker's target: `function`, `guarded-function` or `lambda` ({@link TARGET_FORMS}). */
export type TargetForm = ScenarioTypes.TargetForm;
export {
  METHODS, CONTEXT_REFS, PLACEMENTS, OBJECT_KINDS, CHANNELS, WORKER_KINDS, CHILD_ACTIONS, TARGET_FORMS,
} from './scenario/types.js';
export { parseScenario, isValidScenario, ScenarioValidationError, E_SCENARIO_INVALID } from './scenario/validate.js';

// ── Render: Scenario → Python source ──
export { renderScenario, programFeatures, UnsupportedScenarioError } from './render/index.js';
export type { RenderOptions } from './render/index.js';

// ── Targets: the Dialect interface and the shipped dialects ──
export type { Dialect, ContextObjectKind, ProgramFeatures, ModuleDialectOptions } from './targets/index.js';
export {
  stdlibDialect, moduleDialect, billiardDialect, concurrentFuturesDialect, lokyDialect, multiprocessDialect,
  pebbleDialect, EXTRA_DIALECTS, TARGET_IDS, dialectFor, UnknownTargetError,
} from './targets/index.js';

// ── Oracle: what the documentation promises ──
export { predict, explain, allRules, rulesById, ruleHolds, defaultMethod } from './oracle/index.js';
export type { Expectation, ProcessExpectation, Accepted, Rule } from './oracle/index.js';

// ── Observe: run a program under the probe and classify every process ──
export { runProgram, observeFile, observe, classifyException, parseTracebacks } from './observe/index.js';
export type {
  RunProgramOptions, Observation, ProcessObservation, RunEnd, CapturedText, ExceptionInfo, Role,
} from './observe/index.js';

// ── Outcome vocabulary ──
export { FIXED_OUTCOMES, isOutcome, parseOutcome } from './outcome/outcome.js';
export type { Outcome, FixedOutcome } from './outcome/outcome.js';
export { signalOutcome } from './outcome/signals.js';

// ── Verdict ──
export { judge, describeMismatches, VERDICTS } from './verdict/index.js';
export type { Verdict, Mismatch } from './verdict/index.js';
/** A verdict: `pass`, `fail`, `expected-fail`, `unexpected-pass`, `flaky`, `skipped`, `unspecified` ({@link VERDICTS}). */
export type VerdictKind = VerdictKindT;

// ── Interpreters ──
export {
  probeInterpreter, discoverInterpreters, compareVersions, which, MpconformError, InterpreterMissingError,
  InterpreterBrokenError, InterpreterUnsupportedError,
} from './interpreters/index.js';
export type { InterpreterFacts, OracleFacts, Discovered, ProbeOptions } from './interpreters/index.js';
/** An operating system the oracle models: `linux`, `darwin`, `win32`. */
export type Platform = PlatformT;
/** A Python implementation: `cpython` or `pypy`. */
export type Implementation = ImplementationT;

// ── One scenario end to end (the CLI's own path; runScenario below is the friendly form) ──
export { evaluateScenario } from './run/evaluate.js';
export type { Evaluation, EvalContext } from './run/evaluate.js';

// ── Declared deviations (src/deviations/FORMAT.md) ──
export {
  parseDeviations, applyDeviations, applyDeviationsToAll, deviationsFromCases, formatDeviations, featuresOf,
  ExpectationsInvalidError,
} from './deviations/index.js';
export type { Deviation, DeviationsFile, When, Instead, ScenarioFeatures } from './deviations/index.js';
/** How a scenario uses the `__main__` guard: `absent`, `full` or `partial` (a deviation's `when.guard`). */
export type Guard = GuardT;

// ── Whole runs and reports ──
export { runConformance } from './run/run.js';
export type { ConformanceInput } from './run/run.js';
export { FAMILIES, selectFamilies } from './run/families.js';
export type { Family, CaseSpec } from './run/family.js';
export type { RunReport, CaseResult, MinimalCase } from './run/types.js';
export {
  writeReports, readReport, validateReport, mergeReports, computeTotals, junitXml, summaryMarkdown, indexHtml,
  ReportError, ReportDirError, ReportInvalidError, ReportMergeError,
} from './report/index.js';
export type { WriteReportsOptions, WrittenReports, SummaryOptions } from './report/index.js';
export { renderRepro } from './run/repro.js';

// ── The command line, callable in-process ──
export { main as cli } from './cli/main.js';
export { toolVersion } from './version.js';

// ───────────────────────────── glue ─────────────────────────────

/** Options of {@link runScenario}. */
export interface RunScenarioOptions {
  /** The interpreter: a path or PATH name (probed once, cached), or facts from {@link probeInterpreter}. */
  readonly python: string | InterpreterFactsT;
  /**
   * The library under test: a shipped target id (`multiprocessing`, `concurrent.futures`,
   * `multiprocess`, `billiard`, `pebble`, `loky`; see {@link TARGET_IDS}) or a {@link Dialect}
   * object describing a library's own pool API. Default `multiprocessing`.
   */
  readonly target?: string | DialectT;
  /**
   * Only for a Dialect object: the target id whose documented behaviour the oracle holds it to.
   * Default `multiprocessing` — a custom library is expected to behave like the stdlib unless it
   * declares deviations.
   */
  readonly oracleTarget?: string;
  /** Wall-clock limit of the program in ms (a known hopeless pool is classified `hang` much sooner). Default 30 000. */
  readonly timeoutMs?: number;
  /** Aborting kills the program's whole process tree. */
  readonly signal?: AbortSignal;
  /** Declared deviations (a parsed file or its entries) applied to the verdict, matched on the target id. */
  readonly deviations?: DeviationsFileT | readonly DeviationT[];
  /** Property family name used when matching deviations' `when.family` (default `custom`). */
  readonly family?: string;
}

/** What {@link runScenario} returns. */
export interface ScenarioResult {
  /** The validated scenario that ran. */
  readonly scenario: ScenarioT;
  /** The target id (a Dialect object's `id`). */
  readonly target: string;
  /** The interpreter's facts. */
  readonly facts: InterpreterFactsT;
  /** What the oracle expects of every process. */
  readonly expectation: ExpectationT;
  /** What happened; null when the target cannot express the scenario (verdict `skipped`). */
  readonly observation: ObservationT | null;
  /** `pass`, `fail`, `skipped`, `unspecified`, or (with deviations) `expected-fail` / `unexpected-pass`. */
  readonly verdict: VerdictT;
  /** The Python program that ran (null when skipped). */
  readonly program: string | null;
}

/**
 * Predicts, renders, runs and judges one scenario on one interpreter — the friendly form of
 * {@link evaluateScenario}. With a target id it takes exactly the CLI's path; with a
 * {@link Dialect} object it renders with that dialect and holds the result to the stdlib's
 * documented behaviour (or `oracleTarget`'s).
 *
 * @example
 * ```ts
 * const { verdict } = await runScenario(corpus[0].scenario, { python: 'python3' });
 * console.log(verdict.kind); // 'pass'
 * ```
 * @throws ScenarioValidationError for a malformed scenario, UnknownTargetError for an unknown
 *   target id, InterpreterMissingError / InterpreterBrokenError / InterpreterUnsupportedError.
 */
export async function runScenario(scenario: ScenarioT, opts: RunScenarioOptions): Promise<ScenarioResult> {
  const s = parse(scenario);
  const facts = typeof opts.python === 'string' ? await probe(opts.python) : opts.python;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const target = opts.target ?? 'multiprocessing';
  const e = await evaluate(s, { facts, target, oracleTarget: opts.oracleTarget, timeoutMs, signal: opts.signal });
  const result: ScenarioResult = {
    scenario: s, target: typeof target === 'string' ? target : target.id, facts,
    expectation: e.expectation, observation: e.observation, verdict: e.verdict, program: e.program,
  };
  if (opts.deviations === undefined) return result;
  const list = 'deviations' in opts.deviations ? opts.deviations.deviations : opts.deviations;
  return applyDeviationsToResult(result, list, opts.family);
}

/**
 * A {@link ScenarioResult} with its verdict adjusted by declared deviations (FORMAT.md
 * semantics: an explained failure becomes `expected-fail`, a declared deviation that no longer
 * happens turns a pass into `unexpected-pass`). Pure.
 */
export function applyDeviationsToResult(result: ScenarioResult, deviations: readonly DeviationT[], family = 'custom'): ScenarioResult {
  const asCase: CaseResultT = {
    id: `${family}@${result.facts.version}/${result.target}`, family, target: result.target, python: result.facts.path,
    scenario: result.scenario, expectation: result.expectation, observation: result.observation, verdict: result.verdict,
    durationMs: result.observation?.durationMs ?? 0, repro: null, failureRate: null, minimal: null,
  };
  const facts: OracleFactsT = result.facts;
  return { ...result, verdict: applyDeviationsToCase(asCase, deviations, facts).verdict };
}

/**
 * Reads and validates an expectations (declared deviations) file — FORMAT.md.
 * @throws ExpectationsInvalidError (`FILE:LINE: problem`), or the file system's error when unreadable.
 */
export async function readDeviationsFile(path: string): Promise<DeviationsFileT> {
  return parseDeviationsText(await readFile(path, 'utf8'), path);
}

/** What {@link extendDialect} may change: any spelling, plus an extra support check. */
export type DialectExtension = Partial<Omit<DialectT, 'id' | 'unsupported' | 'unsupportedStep'>> & {
  /** The new target id (used in reports and matched by deviations' `target`). */
  readonly id: string;
  /** Why the library cannot run this step (null: it can); checked before the base dialect's own checks. */
  readonly unsupportedStep?: (step: StepT, facts?: OracleFactsT) => string | null;
};

/**
 * A new {@link Dialect} built from `base` (usually {@link stdlibDialect}) with some spellings
 * replaced — the usual way for a pool library to describe its own API without forking mpconform.
 *
 * @example
 * ```ts
 * const ourpool = extendDialect(stdlibDialect, {
 *   id: 'ourpool',
 *   imports: (f) => [...stdlibDialect.imports(f), 'import ourpool'],
 *   poolClass: (ctx) => `ourpool.compat_pool(${ctx})`,
 *   unsupportedStep: (step) => step.op === 'start' && step.worker.startsWith('executor-') ? 'ourpool: no executor' : null,
 * });
 * ```
 */
export function extendDialect(base: DialectT, extension: DialectExtension): DialectT {
  const { id, unsupportedStep, ...spellings } = extension;
  return withChecks(base, id, unsupportedStep ?? (() => null), spellings);
}
