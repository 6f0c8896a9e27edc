/**
 * The one list of libraries under test. Everything library-specific outside a library's dialect
 * (src/targets/<id>.ts) derives from it: the target ids and the `run` help text, which targets the
 * oracle holds to the stdlib, the roles the observer gives their processes, the modules the probe
 * patches and the versions the facts probe reports (both Python files carry a block generated
 * from this list: src/probe/contract-blocks.ts). Adding a library: one entry here, its dialect.
 */

/** A feature a library may lack (its dialect then declares scenarios that use it unsupported). */
export type Feature = 'process' | 'pool' | 'executor' | 'shared-memory';

/** How the processes a library starts are recognised from the probe's records (module-qualified target, process name). */
export interface LibraryRoles {
  /** A pool or executor worker: its target, or its default name. */
  readonly poolWorker?: {
    readonly target: RegExp;
    readonly name?: RegExp;
    /** The pool replaces a worker that dies (so a failure can repeat forever); executors break instead. */
    readonly replaced: boolean;
  };
  /** A Manager's server process: its target, or its default name. */
  readonly manager?: { readonly target: RegExp; readonly name: RegExp };
}

/** One library under test. */
export interface Library {
  /** Target id (`--target`), also the key of its version in the interpreter facts. */
  readonly id: string;
  /** Other ids accepted for it. */
  readonly aliases: readonly string[];
  /**
   * What the facts probe reports (key → version): `stdlib` entries report the interpreter's
   * version when `modules[0]` imports; others the `__version__` of the first of `modules` that imports.
   */
  readonly facts: readonly { readonly key: string; readonly modules: readonly string[]; readonly stdlib?: true }[];
  /** The package whose `process` module (BaseProcess), resource/semaphore trackers and shared_memory module the probe patches; null: it uses another's. */
  readonly probe: { readonly package: string; readonly trackers: boolean; readonly sharedMemory: boolean } | null;
  readonly roles: LibraryRoles;
  /** What it lacks. */
  readonly lacks: readonly Feature[];
  /** Held by the oracle to the stdlib's documented outcomes (else every process is `unspecified`). */
  readonly modelled: boolean;
}

// multiprocessing/multiprocess name pool workers `ForkPoolWorker-3`, billiard `PoolWorker-3`
const POOL_NAME = /PoolWorker-\d+$/;
const MANAGER = { target: /BaseManager\._run_server$/, name: /^SyncManager-\d+$/ } as const;
const EXECUTOR_WORKER = { target: /(^|\.)_process_worker$/, replaced: false } as const;

export const LIBRARIES = [
  {
    id: 'multiprocessing',
    aliases: ['stdlib'],
    facts: [{ key: 'multiprocessing', modules: ['multiprocessing'], stdlib: true }],
    probe: { package: 'multiprocessing', trackers: true, sharedMemory: true },
    roles: { poolWorker: { target: /(^|\.)pool\.worker$/, name: POOL_NAME, replaced: true }, manager: MANAGER },
    lacks: [],
    modelled: true,
  },
  {
    id: 'concurrent.futures',
    aliases: [],
    facts: [{ key: 'concurrent.futures', modules: ['concurrent.futures.process'], stdlib: true }],
    probe: null,
    roles: { poolWorker: EXECUTOR_WORKER },
    lacks: ['pool'],
    modelled: true,
  },
  {
    id: 'multiprocess',
    aliases: [],
    facts: [{ key: 'multiprocess', modules: ['multiprocess'] }],
    probe: { package: 'multiprocess', trackers: true, sharedMemory: true },
    roles: { poolWorker: { target: /(^|\.)pool\.worker$/, name: POOL_NAME, replaced: true }, manager: MANAGER },
    lacks: ['executor'],
    modelled: true,
  },
  {
    id: 'billiard',
    aliases: [],
    facts: [{ key: 'billiard', modules: ['billiard'] }],
    probe: { package: 'billiard', trackers: true, sharedMemory: false },
    roles: { poolWorker: { target: /(^|\.)pool\.Worker$/, name: POOL_NAME, replaced: true }, manager: MANAGER },
    lacks: ['executor', 'shared-memory'],
    modelled: true,
  },
  {
    id: 'pebble',
    aliases: [],
    facts: [{ key: 'pebble', modules: ['pebble'] }],
    probe: null,
    roles: { poolWorker: { target: /(^|\.)pool\.process\.worker_process$/, replaced: false } },
    lacks: ['executor'],
    modelled: true,
  },
  {
    id: 'loky',
    aliases: [],
    // joblib is reported too: the loky dialect imports the copy joblib vendors
    facts: [{ key: 'joblib', modules: ['joblib'] }, { key: 'loky', modules: ['loky', 'joblib.externals.loky'] }],
    probe: null,
    roles: { poolWorker: EXECUTOR_WORKER },
    lacks: ['pool', 'process'],
    modelled: true,
  },
  {
    id: 'mpire',
    aliases: [],
    // mpire has no __version__: the facts probe falls back to the distribution's metadata
    facts: [{ key: 'mpire', modules: ['mpire'] }],
    probe: null,
    // WorkerPool's workers are Process subclasses (mpire.worker.ForkWorker, …) named Worker-<n>; a
    // worker that dies fails the map instead of being replaced
    roles: { poolWorker: { target: /^mpire\.worker\./, name: /^Worker-\d+$/, replaced: false } },
    lacks: ['process', 'executor'],
    modelled: true,
  },
] as const satisfies readonly Library[];

/** A target id of the list. */
export type LibraryId = (typeof LIBRARIES)[number]['id'];

/** Every target id, in the list's order. */
export const LIBRARY_IDS: readonly LibraryId[] = LIBRARIES.map((l) => l.id);

/** The library of an id or alias, or undefined. */
export function libraryOf(id: string): Library | undefined {
  return (LIBRARIES as readonly Library[]).find((l) => l.id === id || l.aliases.includes(id));
}

/** Ids and aliases of the libraries the oracle holds to the stdlib. */
export const MODELLED_IDS: readonly string[] = (LIBRARIES as readonly Library[]).filter((l) => l.modelled).flatMap((l) => [l.id, ...l.aliases]);

/** Ids (and aliases) of the standard library's own targets: every interpreter has them (their facts say `stdlib`). */
export const STDLIB_IDS: readonly string[] = (LIBRARIES as readonly Library[]).filter((l) => l.facts.some((f) => f.stdlib === true)).flatMap((l) => [l.id, ...l.aliases]);
