/**
 * `parseDeviations(text, fileName)`: eager validation of a deviations file; every problem is an
 * ExpectationsInvalidError naming the file, the line of the offending entry and the problem.
 */
import { PROCESS_LABEL } from '../contracts/labels.js';
import { NOTE_KEY_TOKEN } from '../contracts/notes.js';
import { IMPLEMENTATIONS, PLATFORMS } from '../model/facts.js';
import { isOutcome } from '../outcome/outcome.js';
import type { Outcome } from '../outcome/outcome.js';
import { CHANNELS, CHILD_ACTIONS, CONTEXT_REFS, METHODS, OBJECT_KINDS, TARGET_FORMS, WORKER_KINDS } from '../scenario/types.js';
import { ExpectationsInvalidError } from './errors.js';
import { GUARDS, STEP_OPS } from './features.js';
import { entryLines, syntaxErrorLine } from './locate.js';
import type { Deviation, DeviationsFile, Instead, When } from './types.js';
import { parseVersionRange } from './version-range.js';

const TOP_KEYS = ['$schema', 'version', 'deviations', 'comment'];
const ENTRY_KEYS = ['target', 'when', 'outcome', 'note', 'value', 'reason', 'link', 'intermittent', 'comment'];
const LABEL = PROCESS_LABEL;
const TOKEN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const NOTE_KEY = NOTE_KEY_TOKEN;

/** Enum-valued `when` keys and their allowed values (`label`, `family` are patterns). */
const ENUMS: Readonly<Record<string, readonly string[]>> = {
  startMethod: METHODS, context: CONTEXT_REFS, worker: WORKER_KINDS, objectKind: OBJECT_KINDS, channel: CHANNELS,
  guard: GUARDS, unguardedOp: STEP_OPS, op: STEP_OPS, targetForm: TARGET_FORMS, action: CHILD_ACTIONS,
  implementation: IMPLEMENTATIONS, platform: PLATFORMS,
};
const PATTERNS: Readonly<Record<string, RegExp>> = { label: LABEL, family: TOKEN };
const WHEN_KEYS = [...Object.keys(ENUMS), ...Object.keys(PATTERNS), 'python', 'grandchild'];

type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };
type Obj = { readonly [k: string]: Json };

function isObj(v: Json | undefined): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const show = (v: unknown): string => JSON.stringify(v)?.slice(0, 60) ?? String(v);

/**
 * Parses and validates a deviations file (throws ExpectationsInvalidError).
 *
 * @public
 */
export function parseDeviations(text: string, fileName: string): DeviationsFile {
  let raw: Json;
  try {
    raw = JSON.parse(text) as Json;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new ExpectationsInvalidError(fileName, syntaxErrorLine(text, msg), `not valid JSON (${msg.split('\n')[0]})`);
  }
  const fail = (line: number, problem: string): never => { throw new ExpectationsInvalidError(fileName, line, problem); };
  if (!isObj(raw)) return fail(1, 'expected a JSON object with "version" and "deviations"');
  for (const k of Object.keys(raw)) if (!TOP_KEYS.includes(k)) fail(1, `unknown key ${show(k)} (expected ${TOP_KEYS.join(', ')})`);
  if (raw['version'] !== 1) fail(1, `unsupported "version" ${show(raw['version'])} (expected 1)`);
  const list = raw['deviations'];
  if (!Array.isArray(list)) return fail(1, '"deviations" must be an array');
  const lines = entryLines(text);
  const deviations = (list as readonly Json[]).map((entry, i) => parseEntry(entry, lines[i] ?? 1, i, fail));
  return { version: 1, file: fileName, deviations };
}

function parseEntry(entry: Json, line: number, index: number, fail: (line: number, problem: string) => never): Deviation {
  const at = `deviation #${index + 1}`;
  if (!isObj(entry)) return fail(line, `${at}: expected an object`);
  for (const k of Object.keys(entry)) if (!ENTRY_KEYS.includes(k)) fail(line, `${at}: unknown key ${show(k)} (expected ${ENTRY_KEYS.join(', ')})`);
  const target = entry['target'];
  if (typeof target !== 'string' || !TOKEN.test(target)) fail(line, `${at}: "target" must be a target id such as "billiard" (got ${show(target)})`);
  const reason = entry['reason'];
  if (typeof reason !== 'string' || reason.trim() === '') fail(line, `${at}: "reason" must be a non-empty string`);
  const link = entry['link'];
  if (link !== undefined && (typeof link !== 'string' || !/^https?:\/\/\S+$/.test(link))) fail(line, `${at}: "link" must be an http(s) URL (got ${show(link)})`);
  const when = entry['when'] ?? {};
  if (!isObj(when)) return fail(line, `${at}: "when" must be an object`);
  const intermittent = entry['intermittent'];
  if (intermittent !== undefined && typeof intermittent !== 'boolean') fail(line, `${at}: "intermittent" must be true or false (got ${show(intermittent)})`);
  return {
    target: target as string, when: parseWhen(when, line, at, fail), instead: parseInstead(entry, line, at, fail),
    reason: reason as string, link: typeof link === 'string' ? link : null, line,
    ...(intermittent === true ? { intermittent: true as const } : {}),
  };
}

function parseInstead(entry: Obj, line: number, at: string, fail: (line: number, problem: string) => never): Instead {
  const { outcome, note, value } = entry;
  if (note !== undefined || value !== undefined) {
    if (outcome !== undefined) fail(line, `${at}: give either "outcome" or "note" + "value", not both`);
    if (typeof note !== 'string' || !NOTE_KEY.test(note)) fail(line, `${at}: "note" must be a note key such as "w1.method" (got ${show(note)})`);
    if (typeof value !== 'string') fail(line, `${at}: "value" must be the note's string value (got ${show(value)})`);
    return { kind: 'note', key: note as string, value: value as string };
  }
  if (outcome !== 'absent' && !isOutcome(outcome)) {
    fail(line, `${at}: unknown outcome id ${show(outcome)} (expected a fixed id such as "ok", "absent", "signal:NAME" or "exception:TYPE")`);
  }
  return { kind: 'outcome', outcome: outcome as Outcome | 'absent' };
}

function parseWhen(when: Obj, line: number, at: string, fail: (line: number, problem: string) => never): When {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(when)) {
    if (!WHEN_KEYS.includes(key)) fail(line, `${at}: unknown condition ${show(key)} in "when" (expected ${WHEN_KEYS.join(', ')})`);
    if (key === 'python') {
      const range = typeof v === 'string' ? parseVersionRange(v) : null;
      if (range === null) fail(line, `${at}: bad version condition ${show(v)} for "python" (expected e.g. ">=3.11" or ">=3.8,<3.11.5")`);
      out[key] = { text: v, range };
      continue;
    }
    if (key === 'grandchild') {
      if (typeof v !== 'boolean') fail(line, `${at}: "grandchild" must be true or false`);
      out[key] = v;
      continue;
    }
    const values = Array.isArray(v) ? (v as readonly Json[]) : [v];
    if (values.length === 0) fail(line, `${at}: "${key}" must not be an empty list`);
    for (const x of values) {
      const allowed = ENUMS[key];
      const ok = typeof x === 'string' && (allowed !== undefined ? allowed.includes(x) : (PATTERNS[key]?.test(x) ?? false));
      if (!ok) fail(line, `${at}: bad value ${show(x)} for "${key}"${allowed !== undefined ? ` (expected one of ${allowed.join(', ')})` : ''}`);
    }
    out[key] = values;
  }
  return out as When;
}
