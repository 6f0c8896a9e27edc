/**
 * The JSON boundary of the Scenario model: a strict, hand-written validator.
 * Anything that reaches the renderer has passed through here, so generated Python is built only
 * from closed enums, small integers and booleans.
 */
import { MpconformError } from '../errors/index.js';
import {
  CHANNELS, CHILD_ACTIONS, CONTEXT_REFS, METHODS, OBJECT_KINDS, PLACEMENTS, PRELOAD_LISTS, TARGET_FORMS, WORKER_KINDS,
} from './types.js';
import type { Passing, Placement, Scenario, Step, StepOp } from './types.js';
import { MAX_ID, MAX_STEPS, NAME_PATTERN, channelsFor, isPoolLike, isSingleArgMap } from './rules.js';

/**
 * Stable error code of every scenario validation failure.
 *
 * @public
 */
export const E_SCENARIO_INVALID = 'E_SCENARIO_INVALID';

/**
 * A scenario failed validation. The message is one line naming the JSON path, what was
 * expected and what was received (received values are JSON-quoted, ASCII-escaped and truncated).
 *
 * @public
 */
export class ScenarioValidationError extends MpconformError<typeof E_SCENARIO_INVALID> {
  /** JSON path of the offending value, e.g. `$.steps[2].ctx`. */
  readonly path: string;
  /** What the validator expected there. */
  readonly expected: string;
  /** A one-line rendering of what it received. */
  readonly received: string;

  constructor(path: string, expected: string, received: string) {
    super(E_SCENARIO_INVALID, `Invalid scenario at ${path}: expected ${expected}, received ${received}`);
    this.path = path;
    this.expected = expected;
    this.received = received;
  }
}

/** One-line, ASCII-only, bounded description of any value (safe to print, even if hostile). */
export function describeValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (typeof value === 'function' || typeof value === 'symbol') text = typeof value;
  else if (Array.isArray(value)) text = `an array of length ${value.length}`;
  else if (typeof value === 'object' && value !== null) text = 'an object';
  else text = JSON.stringify(value) ?? String(value);
  // Escape everything outside printable ASCII so the message stays on one line in any terminal.
  text = text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const STEP_KEYS: Readonly<Record<StepOp, readonly string[]>> = {
  'set-start-method': ['op', 'at', 'method', 'force'],
  'get-start-method': ['op', 'at', 'allowNone'],
  create: ['op', 'at', 'id', 'kind', 'ctx'],
  start: ['op', 'at', 'id', 'worker', 'ctx', 'pass', 'action', 'target', 'grandchild'],
  'get-context-unknown': ['op', 'at'],
  'context-set-start-method': ['op', 'at', 'ctx'],
  'set-global': ['op', 'at'],
  'freeze-support': ['op', 'at'],
  'start-thread': ['op', 'at'],
  'report-syspath': ['op', 'at'],
  'report-argv': ['op', 'at'],
  'forkserver-preload': ['op', 'at', 'modules'],
};
const STEP_OPS = Object.keys(STEP_KEYS) as StepOp[];

function fail(path: string, expected: string, received: unknown): never {
  throw new ScenarioValidationError(path, expected, describeValue(received));
}

function keyPath(path: string, key: string): string {
  return /^[A-Za-z][A-Za-z0-9]{0,31}$/.test(key) ? `${path}.${key}` : `${path}[${describeValue(key)}]`;
}

function record(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) fail(path, 'a plain object', value);
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!required.includes(key) && !optional.includes(key)) {
      fail(keyPath(path, key), `no key here (allowed: ${[...required, ...optional].join(', ')})`, obj[key]);
    }
  }
  for (const key of required) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) fail(keyPath(path, key), 'a value (required key)', undefined);
  }
  return obj;
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(path, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`, value);
  }
  return value as T;
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'a boolean', value);
  return value;
}

function id(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_ID) {
    fail(path, `an integer id 0..${MAX_ID}`, value);
  }
  return value;
}

function array(value: unknown, path: string, max: number): readonly unknown[] {
  if (!Array.isArray(value)) fail(path, 'an array', value);
  if (value.length > max) fail(path, `an array of at most ${max} items`, value);
  return value;
}

function parsePassing(value: unknown, path: string): Passing {
  const o = record(value, path, ['obj', 'via']);
  return { obj: id(o.obj, `${path}.obj`), via: oneOf(o.via, `${path}.via`, CHANNELS) };
}

function parseStep(value: unknown, path: string): Step {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'a step object', value);
  const op = oneOf((value as Record<string, unknown>).op, `${path}.op`, STEP_OPS);
  const o = record(value, path, STEP_KEYS[op]);
  const at: Placement = oneOf(o.at, `${path}.at`, PLACEMENTS);
  switch (op) {
    case 'set-start-method':
      return { op, at, method: oneOf(o.method, `${path}.method`, METHODS), force: bool(o.force, `${path}.force`) };
    case 'get-start-method':
      return { op, at, allowNone: bool(o.allowNone, `${path}.allowNone`) };
    case 'create':
      return {
        op, at, id: id(o.id, `${path}.id`),
        kind: oneOf(o.kind, `${path}.kind`, OBJECT_KINDS),
        ctx: oneOf(o.ctx, `${path}.ctx`, CONTEXT_REFS),
      };
    case 'start': {
      const worker = oneOf(o.worker, `${path}.worker`, WORKER_KINDS);
      const pass = array(o.pass, `${path}.pass`, MAX_ID + 1).map((p, i) => parsePassing(p, `${path}.pass[${i}]`));
      const grandchild = o.grandchild === null ? null : oneOf(o.grandchild, `${path}.grandchild`, CONTEXT_REFS);
      return {
        op, at, id: id(o.id, `${path}.id`), worker,
        ctx: oneOf(o.ctx, `${path}.ctx`, CONTEXT_REFS),
        pass,
        action: oneOf(o.action, `${path}.action`, CHILD_ACTIONS),
        target: oneOf(o.target, `${path}.target`, TARGET_FORMS),
        grandchild,
      };
    }
    case 'get-context-unknown':
    case 'set-global':
    case 'freeze-support':
    case 'start-thread':
    case 'report-syspath':
    case 'report-argv':
      return { op, at };
    case 'forkserver-preload':
      return { op, at, modules: oneOf(o.modules, `${path}.modules`, PRELOAD_LISTS) };
    case 'context-set-start-method':
      return { op, at, ctx: oneOf(o.ctx, `${path}.ctx`, METHODS) };
    default: {
      const never: never = op;
      return fail(`${path}.op`, 'a known op', never);
    }
  }
}

/** Cross-step rules: ids, references, ordering, channels, pool count, grandchildren, targets. */
function checkStructure(steps: readonly Step[]): void {
  const created = new Set<number>();
  const ids = new Set<number>();
  let seenMain = false;
  let poolLike = -1;
  steps.forEach((step, i) => {
    const path = `$.steps[${i}]`;
    if (step.at === 'main') seenMain = true;
    else if (seenMain) fail(`${path}.at`, '"main" (all top steps come before all main steps)', step.at);
    if (step.op === 'create' || step.op === 'start') {
      if (ids.has(step.id)) fail(`${path}.id`, 'an id not used by an earlier step', step.id);
      ids.add(step.id);
    }
    if (step.op === 'create') created.add(step.id);
    if (step.op !== 'start') return;
    if (isPoolLike(step.worker)) {
      if (poolLike >= 0) fail(`${path}.worker`, `"process" (steps[${poolLike}] is already pool-like; at most one)`, step.worker);
      poolLike = i;
    }
    const allowed = channelsFor(step.worker);
    const seen = new Set<number>();
    let taskArgs = 0;
    step.pass.forEach((p, j) => {
      const pp = `${path}.pass[${j}]`;
      if (!created.has(p.obj)) fail(`${pp}.obj`, 'the id of an earlier create step', p.obj);
      if (seen.has(p.obj)) fail(`${pp}.obj`, 'an object not already passed to this worker', p.obj);
      seen.add(p.obj);
      if (!allowed.includes(p.via)) fail(`${pp}.via`, `one of ${allowed.map((a) => `"${a}"`).join(', ')} for a ${step.worker} worker`, p.via);
      if (p.via === 'task-arg') taskArgs++;
      if (taskArgs > 1 && isSingleArgMap(step.worker)) fail(`${pp}.via`, `at most one "task-arg" for ${step.worker}`, p.via);
    });
    if (step.grandchild !== null && step.worker !== 'process') fail(`${path}.grandchild`, 'null (only process workers start a grandchild)', step.grandchild);
    if (step.target === 'guarded-function' && step.at !== 'main') fail(`${path}.target`, '"function", "lambda" or "local" (a guarded-function needs at "main")', step.target);
  });
}

/**
 * Validates untrusted JSON (already parsed) as a Scenario and returns a fresh, typed copy.
 * @throws ScenarioValidationError (code `E_SCENARIO_INVALID`) naming the first problem.
 *
 * @public
 */
export function parseScenario(json: unknown): Scenario {
  const o = record(json, '$', ['version', 'steps'], ['name']);
  if (o.version !== 1) fail('$.version', '1', o.version);
  let name: string | undefined;
  if (o.name !== undefined) {
    if (typeof o.name !== 'string' || !NAME_PATTERN.test(o.name)) fail('$.name', `a string matching ${NAME_PATTERN.source}`, o.name);
    name = o.name;
  }
  const steps = array(o.steps, '$.steps', MAX_STEPS).map((s, i) => parseStep(s, `$.steps[${i}]`));
  checkStructure(steps);
  return name === undefined ? { version: 1, steps } : { version: 1, name, steps };
}

/**
 * True when `json` passes {@link parseScenario}.
 *
 * @public
 */
export function isValidScenario(json: unknown): json is Scenario {
  try {
    parseScenario(json);
    return true;
  } catch (e) {
    if (e instanceof ScenarioValidationError) return false;
    throw e;
  }
}
