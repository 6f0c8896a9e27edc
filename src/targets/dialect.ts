/**
 * A Dialect: every library-specific spelling the renderer needs, so targets other than the
 * standard library (concurrent.futures, multiprocess, billiard, pebble, loky) can swap spellings
 * or declare a feature unsupported. Dialect methods receive and return Python source fragments
 * that were themselves built from enums (see src/python/source.ts); they never see free text.
 */
import type { NotContextKind } from '../contracts/objects.js';
import type { OracleFacts } from '../model/facts.js';
import type { Method, ObjectKind, Scenario, Step } from '../scenario/types.js';

/**
 * Object kinds created directly on a context (everything except Manager proxies and SharedMemory).
 *
 * @public
 */
export type ContextObjectKind = Exclude<ObjectKind, NotContextKind>;

/**
 * What a program uses beyond the core module (drives the import lines).
 *
 * @public
 */
export interface ProgramFeatures {
  readonly executor: boolean;
  readonly sharedMemory: boolean;
}

/**
 * Library-specific spellings of everything a rendered program does.
 *
 * @public
 */
export interface Dialect {
  /** Target id, e.g. `multiprocessing`. */
  readonly id: string;
  /** Import lines, in order (the module must be bound to the name in {@link Dialect.defaultContext}). */
  imports(features: ProgramFeatures): readonly string[];
  /** Expression for the module-level API, i.e. the default context (stdlib: `mp`). */
  readonly defaultContext: string;
  /** Expression for a method's context (stdlib: `mp.get_context('spawn')`). */
  getContext(method: Method): string;
  /** Statement setting the default start method. */
  setStartMethod(method: Method, force: boolean): string;
  /** Expression returning the default start method (stdlib: `mp.get_start_method()`). */
  getStartMethod(allowNone: boolean): string;
  /** Statement asking for a context that does not exist. */
  getUnknownContext(): string;
  /** Statement calling `set_start_method` on a concrete context of `method`. */
  contextSetStartMethod(method: Method): string;
  /** Callee that builds a Process on context expression `ctx`. */
  processClass(ctx: string): string;
  /** Callee that builds a Pool on context expression `ctx`. */
  poolClass(ctx: string): string;
  /** Callee that builds a process pool executor. */
  executorClass(): string;
  /** Keyword the executor takes a context by (stdlib: `mp_context`). */
  readonly executorContextKeyword: string;
  /** Expression starting a Manager on context expression `ctx`. */
  manager(ctx: string): string;
  /** Expression creating a synchronisation/sharing object on context expression `ctx`. */
  object(kind: ContextObjectKind, ctx: string): string;
  /** Expression creating a 16-byte SharedMemory block. */
  sharedMemory(): string;
  /** Why this target cannot run the step (null: it can). */
  unsupportedStep(step: Step, facts?: OracleFacts): string | null;
  /** Why this target cannot run the scenario (null: it can); the first step-level reason wins. */
  unsupported(scenario: Scenario, facts?: OracleFacts): string | null;
}
