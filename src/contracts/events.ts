/**
 * The probe's event format: one JSON object per line, appended by every process of the tree
 * (src/probe/python/site/sitecustomize.py writes them; execute and observe read them). Every event
 * has `ev`, `pid` (the writer) and `t` (Unix time, seconds).
 */

/** How a new interpreter was started, from its command line. */
export type StartKind = 'main' | 'spawn' | 'forkserver' | 'resource-tracker' | 'other';

/** Exception fields as the probe records them. */
export interface ProbeException {
  readonly type: string;
  readonly module: string;
  readonly message: string;
  readonly errno: number | null;
  /** Names of its base classes, nearest first (absent in events from older probes). */
  readonly bases?: readonly string[];
}

interface Base { readonly pid: number; readonly t: number }

/**
 * One probe event, discriminated by `ev`. `lib` is the top-level package whose `BaseProcess` (or
 * tracker, or shared_memory module) recorded it (`multiprocessing`, `multiprocess`, `billiard`).
 */
export type ProbeEvent =
  /** `token`: the run token the process carries (null when it has none). */
  | (Base & { readonly ev: 'start'; readonly ppid: number; readonly kind: StartKind; readonly argv: string; readonly py: string; readonly token: string | null })
  | (Base & { readonly ev: 'bootstrap'; readonly ppid: number; readonly name: string | null; readonly method: string | null; readonly target: string | null; readonly lib: string })
  /** `child`: the started Process's pid (null when the object has none after start(), e.g. a library's own Process class). */
  | (Base & { readonly ev: 'started'; readonly child: number | null; readonly name: string | null; readonly method: string | null; readonly target: string | null; readonly lib: string })
  | (Base & ProbeException & { readonly ev: 'start-failed'; readonly name: string | null; readonly target: string | null; readonly lib: string })
  | (Base & ProbeException & { readonly ev: 'exception'; readonly where: 'run' | 'excepthook' })
  | (Base & { readonly ev: 'exitcode'; readonly child: number; readonly name: string | null; readonly code: number; readonly lib: string })
  /** `code`: a Process's exit code (`bootstrap`), or the status a resource tracker passed to sys.exit (`atexit`; null for any other process). */
  | (Base & { readonly ev: 'exit'; readonly how: 'bootstrap' | 'atexit'; readonly code: number | null })
  /** This process is about to create (recorded before sem_open/shm_open) a named POSIX semaphore or shared memory segment (name as passed to them). */
  | (Base & { readonly ev: 'ipc'; readonly kind: 'semaphore' | 'shared_memory'; readonly name: string; readonly lib: string })
  /** This process started a process outside multiprocessing (`os.fork`, `subprocess`): found again even without the run token. */
  | (Base & { readonly ev: 'spawned'; readonly child: number; readonly how: 'fork' | 'subprocess' })
  /** This process issued a warning while forking (os.fork's gh-100228 DeprecationWarning), whatever its filters then did with it. */
  | (Base & { readonly ev: 'warning'; readonly category: string; readonly message: string });

export type ProbeEventKind = ProbeEvent['ev'];

type FieldsOf<K extends ProbeEventKind> = Exclude<keyof Extract<ProbeEvent, { ev: K }>, keyof Base | 'ev'>;

/**
 * The fields of every event kind besides `ev`, `pid` and `t`, as the probe writes them (a test runs
 * the real probe and checks each event it writes against this table).
 */
export const EVENT_FIELDS = {
  start: ['ppid', 'kind', 'argv', 'py', 'token'],
  bootstrap: ['ppid', 'name', 'method', 'target', 'lib'],
  started: ['child', 'name', 'method', 'target', 'lib'],
  'start-failed': ['name', 'target', 'lib', 'type', 'module', 'message', 'errno', 'bases'],
  exception: ['where', 'type', 'module', 'message', 'errno', 'bases'],
  exitcode: ['child', 'name', 'code', 'lib'],
  exit: ['how', 'code'],
  ipc: ['kind', 'name', 'lib'],
  spawned: ['child', 'how'],
  warning: ['category', 'message'],
} as const satisfies { readonly [K in ProbeEventKind]: readonly FieldsOf<K>[] };

// Compile-time: the table lists every field of every kind (and `satisfies` above: nothing else).
type Missing = { [K in ProbeEventKind]: Exclude<FieldsOf<K>, (typeof EVENT_FIELDS)[K][number]> }[ProbeEventKind];
const COMPLETE: [Missing] extends [never] ? true : Missing = true;
void COMPLETE;

/** Every event kind. */
export const EVENT_KINDS = Object.keys(EVENT_FIELDS) as readonly ProbeEventKind[];

const KINDS: ReadonlySet<string> = new Set<string>(EVENT_KINDS);

/**
 * Parses one line; null for blank, torn or foreign lines (a killed process may leave half a line,
 * and a program may write to the file itself: neither must break observation).
 */
export function parseEventLine(line: string): ProbeEvent | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['ev'] !== 'string' || !KINDS.has(v['ev']) || typeof v['pid'] !== 'number' || typeof v['t'] !== 'number') return null;
  return v as unknown as ProbeEvent;
}

/** Parses a whole events file's text. */
export function parseEvents(text: string): ProbeEvent[] {
  const out: ProbeEvent[] = [];
  for (const line of text.split('\n')) {
    const e = parseEventLine(line);
    if (e !== null) out.push(e);
  }
  return out;
}
