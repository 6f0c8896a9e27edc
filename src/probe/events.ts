/**
 * The probe's event format: one JSON object per line, appended by every process of the tree
 * (src/probe/python/site/sitecustomize.py). Every event has `ev`, `pid` (the writer) and `t`
 * (Unix time, seconds).
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

/** One probe event, discriminated by `ev`. */
export type ProbeEvent =
  | (Base & { readonly ev: 'start'; readonly ppid: number; readonly kind: StartKind; readonly argv: string; readonly py: string })
  | (Base & { readonly ev: 'bootstrap'; readonly ppid: number; readonly name: string | null; readonly method: string | null; readonly target: string | null; readonly lib: string })
  | (Base & { readonly ev: 'started'; readonly child: number; readonly name: string | null; readonly method: string | null; readonly target: string | null; readonly lib: string })
  | (Base & ProbeException & { readonly ev: 'start-failed'; readonly name: string | null; readonly target: string | null; readonly lib: string })
  | (Base & ProbeException & { readonly ev: 'exception'; readonly where: 'run' | 'excepthook' })
  | (Base & { readonly ev: 'exitcode'; readonly child: number; readonly name: string | null; readonly code: number })
  | (Base & { readonly ev: 'exit'; readonly how: 'bootstrap' | 'atexit'; readonly code: number | null })
  /** This process created a named POSIX semaphore or shared memory segment (name as passed to sem_open/shm_open). */
  | (Base & { readonly ev: 'ipc'; readonly kind: 'semaphore' | 'shared_memory'; readonly name: string; readonly lib: string });

export type ProbeEventKind = ProbeEvent['ev'];

const KINDS: ReadonlySet<string> = new Set<ProbeEventKind>(['start', 'bootstrap', 'started', 'start-failed', 'exception', 'exitcode', 'exit', 'ipc']);

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
