/**
 * The Scenario: a typed, JSON-serialisable description of one Python program.
 * Every field is a closed enum, a small integer or a boolean: generated Python is built from these
 * alone, never from free text (see src/scenario/validate.ts for the JSON boundary).
 */

/**
 * Start methods a scenario can name.
 *
 * @public
 */
export const METHODS = ['fork', 'spawn', 'forkserver'] as const;
/**
 * A start method: `fork`, `spawn` or `forkserver` ({@link METHODS}).
 *
 * @public
 */
export type Method = (typeof METHODS)[number];

/**
 * Where an object or worker gets its context: `default` is the module-level API (the global default context).
 *
 * @public
 */
export const CONTEXT_REFS = ['default', 'fork', 'spawn', 'forkserver'] as const;
/**
 * Where an object or worker gets its context: `default` (the module-level API) or a named method ({@link CONTEXT_REFS}).
 *
 * @public
 */
export type ContextRef = (typeof CONTEXT_REFS)[number];

/**
 * Where a step's code sits: module top level (re-run when a spawn/forkserver child re-imports the main module) or inside `if __name__ == '__main__':`.
 *
 * @public
 */
export const PLACEMENTS = ['top', 'main'] as const;
/**
 * Where a step's code sits: `top` (module level, re-run by spawn/forkserver children) or `main` (inside the guard).
 *
 * @public
 */
export type Placement = (typeof PLACEMENTS)[number];

/**
 * Objects that can be created and shared. Manager-* are proxies from a `Manager()` of the step's context.
 *
 * @public
 */
export const OBJECT_KINDS = [
  'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier',
  'Queue', 'SimpleQueue', 'JoinableQueue', 'Value', 'Array', 'Pipe',
  'ManagerDict', 'ManagerLock', 'ManagerQueue', 'SharedMemory',
] as const;
/**
 * An object a scenario creates and shares ({@link OBJECT_KINDS}).
 *
 * @public
 */
export type ObjectKind = (typeof OBJECT_KINDS)[number];

/**
 * How an object travels to a worker.
 *
 * @public
 */
export const CHANNELS = ['process-arg', 'task-arg', 'initargs', 'global'] as const;
/**
 * How an object travels to a worker: `process-arg`, `task-arg`, `initargs`, `global` ({@link CHANNELS}).
 *
 * @public
 */
export type Channel = (typeof CHANNELS)[number];

/**
 * The kind of worker a `start` step launches.
 *
 * @public
 */
export const WORKER_KINDS = [
  'process', 'pool-map', 'pool-apply_async', 'pool-starmap', 'executor-submit', 'executor-map',
] as const;
/**
 * The worker a `start` step launches: `process`, `pool-*`, `executor-*` ({@link WORKER_KINDS}).
 *
 * @public
 */
export type WorkerKind = (typeof WORKER_KINDS)[number];

/**
 * What the worker function does: use what it received, note its start method or `G`, call set_start_method('spawn'),
 * raise ValueError, `die` (acquire each lock-like object it received, then kill itself with SIGKILL: a worker
 * killed while it holds a semaphore), `own-shared-memory` (create a SharedMemory block of its own whose unlink is
 * an atexit hook in the worker: what a child's way out runs), `use-and-close` (use what it received, then close()
 * each SharedMemory among it: an attached block unmapped, which its creator still unlinks; `use` leaves it open), or
 * `nested-pool` (open a Pool of one worker on the module-level API inside the worker, map one task and leave the
 * with-block: a pool inside a worker).
 *
 * @public
 */
export const CHILD_ACTIONS = ['use', 'report-method', 'read-global', 'set-start-method', 'raise', 'die', 'own-shared-memory', 'use-and-close', 'nested-pool'] as const;
/**
 * What the worker function does ({@link CHILD_ACTIONS}).
 *
 * @public
 */
export type ChildAction = (typeof CHILD_ACTIONS)[number];

/**
 * What a `forkserver-preload` step sets the forkserver's preload list to: the script's own module, or nothing.
 *
 * @public
 */
export const PRELOAD_LISTS = ['script', 'none'] as const;
/**
 * A `forkserver-preload` step's list ({@link PRELOAD_LISTS}).
 *
 * @public
 */
export type PreloadList = (typeof PRELOAD_LISTS)[number];

/**
 * The worker's target: a function at top level, a function defined inside the guard, a lambda, or a local function
 * (defined inside a top-level factory function and returned by it).
 *
 * @public
 */
export const TARGET_FORMS = ['function', 'guarded-function', 'lambda', 'local'] as const;
/**
 * The worker's target: `function`, `guarded-function`, `lambda` or `local` ({@link TARGET_FORMS}).
 *
 * @public
 */
export type TargetForm = (typeof TARGET_FORMS)[number];

/**
 * An object passed to a worker, and how. `obj` is the `id` of an earlier `create` step.
 *
 * @public
 */
export interface Passing {
  readonly obj: number;
  readonly via: Channel;
}

/**
 * One statement (or small block) of the program, executed in order by the main process.
 *
 * @public
 */
export type Step =
  | { readonly op: 'set-start-method'; readonly at: Placement; readonly method: Method; readonly force: boolean }
  | { readonly op: 'get-start-method'; readonly at: Placement; readonly allowNone: boolean }
  | { readonly op: 'create'; readonly at: Placement; readonly id: number; readonly kind: ObjectKind; readonly ctx: ContextRef }
  | {
      readonly op: 'start';
      readonly at: Placement;
      readonly id: number;
      readonly worker: WorkerKind;
      readonly ctx: ContextRef;
      readonly pass: readonly Passing[];
      readonly action: ChildAction;
      readonly target: TargetForm;
      /** A `process` worker may start one grandchild of this context (null: none). */
      readonly grandchild: ContextRef | null;
    }
  | { readonly op: 'get-context-unknown'; readonly at: Placement }
  | { readonly op: 'context-set-start-method'; readonly at: Placement; readonly ctx: Method }
  | { readonly op: 'set-global'; readonly at: Placement }
  /** `mp.freeze_support()` (a no-op outside a frozen executable, but see rule ctx.freeze-support-fixes). */
  | { readonly op: 'freeze-support'; readonly at: Placement }
  /** Starts a daemon thread that waits forever: later forks in this process are multi-threaded forks. */
  | { readonly op: 'start-thread'; readonly at: Placement }
  /** Notes whether `sys.path[0]` is empty (a `-c` interpreter's own path) or set (the script's directory, a parent's path). */
  | { readonly op: 'report-syspath'; readonly at: Placement }
  /**
   * In the main process, appends an argument to `sys.argv`; in any other process running it (a child re-running the
   * script, a preloading forkserver), notes whether `sys.argv` has more than the script: what a parent's argv became there.
   */
  | { readonly op: 'report-argv'; readonly at: Placement }
  /**
   * `multiprocessing.set_forkserver_preload(...)`, replacing the default `['__main__']`: `script`, the script's module name
   * (a forkserver launched afterwards imports it as a plain module: its top-level code runs there, the guarded code
   * does not); `none`, an empty list (the forkserver preloads nothing and runs no user code).
   */
  | { readonly op: 'forkserver-preload'; readonly at: Placement; readonly modules: PreloadList };

/**
 * A step's operation: `set-start-method`, `get-start-method`, `create`, `start`, `get-context-unknown`, `context-set-start-method`, `set-global`, `freeze-support`, `start-thread`, `report-syspath`, `report-argv`, `forkserver-preload`.
 *
 * @public
 */
export type StepOp = Step['op'];

/**
 * A program. `steps` run in order; all `top` steps come before all `main` steps (the renderer
 * emits top steps, then the guard with the rest). No `main` step means no guard at all.
 *
 * @public
 */
export interface Scenario {
  readonly version: 1;
  /** Optional corpus name: lower-case letters, digits and dashes only. */
  readonly name?: string;
  readonly steps: readonly Step[];
}
