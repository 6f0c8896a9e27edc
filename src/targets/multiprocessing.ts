/**
 * The standard library dialect (`import multiprocessing as mp`), and a factory for drop-in
 * forks that keep its API under another module name (multiprocess, billiard).
 */
import type { OracleFacts } from '../model/facts.js';
import { int, lit } from '../python/source.js';
import { compareVersions } from '../model/facts.js';
import { createsSharedMemory } from '../scenario/rules.js';
import type { Method, Scenario, Step } from '../scenario/types.js';
import type { ContextObjectKind, Dialect, ProgramFeatures } from './dialect.js';

const OBJECT_ARGS: Readonly<Record<ContextObjectKind, readonly string[]>> = {
  Lock: [], RLock: [], Semaphore: [int(2)], BoundedSemaphore: [int(2)], Condition: [], Event: [],
  Barrier: [int(1)], Queue: [], SimpleQueue: [], JoinableQueue: [],
  Value: [lit('i'), int(0)], Array: [lit('i'), int(3)], Pipe: [],
};

/**
 * Options of {@link moduleDialect}.
 *
 * @public
 */
export interface ModuleDialectOptions {
  /** Target id reported in headers and reports. */
  readonly id: string;
  /** Importable module name (bound to `mp`). */
  readonly module: 'multiprocessing' | 'multiprocess' | 'billiard';
  /** Whether `concurrent.futures.ProcessPoolExecutor` may run with this module's contexts. */
  readonly executor: boolean;
}

/**
 * A dialect for the stdlib API under a given module name.
 *
 * @public
 */
export function moduleDialect(options: ModuleDialectOptions): Dialect {
  const mp = 'mp';
  const dialect: Dialect = {
    id: options.id,
    imports(features: ProgramFeatures): readonly string[] {
      const lines = [`import ${options.module} as ${mp}`];
      if (features.executor) lines.push('import concurrent.futures');
      if (features.sharedMemory) lines.push('import atexit', `from ${options.module} import shared_memory`);
      return lines;
    },
    defaultContext: mp,
    getContext: (method: Method) => `${mp}.get_context(${lit(method)})`,
    setStartMethod: (method: Method, force: boolean) => `${mp}.set_start_method(${lit(method)}${force ? ', force=True' : ''})`,
    getStartMethod: (allowNone: boolean) => `${mp}.get_start_method(${allowNone ? 'allow_none=True' : ''})`,
    getUnknownContext: () => `${mp}.get_context(${lit('nope')})`,
    contextSetStartMethod: (method: Method) => `${mp}.get_context(${lit(method)}).set_start_method(${lit('spawn')})`,
    processClass: (ctx: string) => `${ctx}.Process`,
    poolClass: (ctx: string) => `${ctx}.Pool`,
    executorClass: () => 'concurrent.futures.ProcessPoolExecutor',
    executorContextKeyword: 'mp_context',
    manager: (ctx: string) => `${ctx}.Manager()`,
    object: (kind: ContextObjectKind, ctx: string) => `${ctx}.${kind}(${OBJECT_ARGS[kind].join(', ')})`,
    sharedMemory: () => `shared_memory.SharedMemory(create=True, size=${int(16)})`,
    unsupportedStep(step: Step, facts?: OracleFacts): string | null {
      if (step.op === 'start' && !options.executor && (step.worker === 'executor-submit' || step.worker === 'executor-map')) {
        return `${options.id}: concurrent.futures executors run on the stdlib, not on ${options.module}`;
      }
      // the stdlib's own ImportError before 3.8 is documented behaviour (rule platform.shared-memory-3.8): it runs;
      // a library under another name is not judged on a module it does not have there
      if (options.module !== 'multiprocessing' && createsSharedMemory(step) && facts !== undefined && compareVersions(facts.version, '3.8') < 0) {
        return `${options.id}: shared_memory needs Python 3.8+ (this is ${facts.version})`;
      }
      return null;
    },
    unsupported(scenario: Scenario, facts?: OracleFacts): string | null {
      for (const step of scenario.steps) {
        const reason = dialect.unsupportedStep(step, facts);
        if (reason !== null) return reason;
      }
      return null;
    },
  };
  return dialect;
}

/**
 * The standard library: `import multiprocessing as mp`, `concurrent.futures` executors.
 *
 * @public
 */
export const stdlibDialect: Dialect = moduleDialect({ id: 'multiprocessing', module: 'multiprocessing', executor: true });
