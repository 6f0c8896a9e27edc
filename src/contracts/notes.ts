/**
 * Notes: the `@note KEY VALUE` lines a rendered program prints (src/render/SEMANTICS.md), one
 * write per line. The renderer prints them, execute collects them, the oracle predicts them and
 * expectations files name them: every key is built here.
 */
import { grandchildLabel, workerLabel, type ProcessLabel } from './labels.js';

/**
 * What a worker `w<id>` notes: its exit code (Process), its task's result (pools, executors), what its body read, the
 * error pebble returned, what the pool it opened inside itself returned (`nested-pool`).
 */
export type WorkerNote = 'exitcode' | 'result' | 'method' | 'global' | 'pebble-error' | 'nested';
/** What a worker's grandchild `w<id>.g` notes. */
export type GrandchildNote = 'exitcode' | 'method';

/** `<label>.<what>` for a worker's or grandchild's label (src/contracts/labels.ts), e.g. `w1.exitcode`, `w2.g.method`. */
export function labelNote(label: `w${number}`, what: WorkerNote): `w${number}.${WorkerNote}`;
export function labelNote(label: `w${number}.g`, what: GrandchildNote): `w${number}.g.${GrandchildNote}`;
export function labelNote(label: ProcessLabel, what: WorkerNote): string;
export function labelNote(label: string, what: string): string {
  return `${label}.${what}`;
}

/** `w<id>.<what>`, e.g. `w1.exitcode`. */
export function workerNote(id: number, what: WorkerNote): `w${number}.${WorkerNote}` {
  return labelNote(workerLabel(id), what);
}

/** `w<id>.g.<what>`, e.g. `w2.g.method`. */
export function grandchildNote(id: number, what: GrandchildNote): `w${number}.g.${GrandchildNote}` {
  return labelNote(grandchildLabel(id), what);
}

/** `s<index>.method`: what a `get-start-method` step (step number `index`) read. */
export function stepNote(index: number): `s${number}.method` {
  return `s${index}.method`;
}

/** `s<index>.path0`: what a `report-syspath` step (step number `index`) saw in `sys.path[0]`, one of {@link SYSPATH_VALUES}. */
export function syspathNote(index: number): `s${number}.path0` {
  return `s${index}.path0`;
}

/** The values a `report-syspath` step prints: `sys.path[0]` empty (a `-c` interpreter's own path), or set. */
export const SYSPATH_VALUES = { empty: 'empty', set: 'set' } as const;

/** `s<index>.argv`: what a `report-argv` step saw outside the main process, one of {@link ARGV_VALUES}. */
export function argvNote(index: number): `s${number}.argv` {
  return `s${index}.argv`;
}

/** The values a `report-argv` step prints: `sys.argv` longer than the script (the main process's extra argument came along), or not. */
export const ARGV_VALUES = { extra: 'extra', none: 'none' } as const;

/** The argument a `report-argv` step appends to the main process's `sys.argv`. */
export const ARGV_EXTRA = 'mpconform';

/** Every key the renderer can print (tests audit rendered programs with it). */
export const SCENARIO_NOTE_KEY = /^(?:w\d+\.(?:exitcode|result|method|global|pebble-error|nested)|w\d+\.g\.(?:exitcode|method)|s\d+\.(?:method|path0|argv))$/;

/** What an expectations file may name as a note key (any program's, not only a scenario's). */
export const NOTE_KEY_TOKEN = /^[A-Za-z0-9_.-]{1,64}$/;

/** The start of a note line. */
export const NOTE_PREFIX = '@note ';

/** A whole note line: key, then the value (possibly empty). */
export const NOTE_LINE = /^@note (\S+) ?(.*)$/;

/**
 * The results a worker's task gives: every worker function returns {@link WORKER_RETURN}, and a
 * map-style call runs {@link MAP_ITEMS} tasks, so `w<id>.result` prints `[1, 1]` (map, starmap,
 * executor map) or `1` (apply_async, submit). The renderer writes the program from these and the
 * oracle predicts the note from them.
 */
export const WORKER_RETURN = 1;
export const MAP_ITEMS = 2;
const MAPPED = `[${Array.from({ length: MAP_ITEMS }, () => String(WORKER_RETURN)).join(', ')}]`;

/** The one item a `nested-pool` worker maps over its own pool (`abs`), and the `w<id>.nested` note it prints. */
export const NESTED_ITEM = WORKER_RETURN;
export const NESTED_RESULT = `[${String(Math.abs(NESTED_ITEM))}]`;

/** The printed `w<id>.result` per worker kind (`process` prints none). */
export const TASK_RESULT = {
  process: '',
  'pool-map': MAPPED,
  'pool-starmap': MAPPED,
  'pool-apply_async': String(WORKER_RETURN),
  'executor-submit': String(WORKER_RETURN),
  'executor-map': MAPPED,
} as const;
