/**
 * Data-file targets: a pool library described by a JSON file kept in its own repository
 * (`mpconform run --target ./mpconform-target.json`, schema/target.schema.json), turned into a
 * {@link Dialect}. Validation is strict and eager: every string is an identifier, a dotted name,
 * an import line of those, or a template of the small language in ./template.ts — never free
 * Python — and every problem is one line naming the field, what was expected and what was found.
 */
import { readFileSync } from 'node:fs';
import { MpconformError } from '../../errors/index.js';
import { LIBRARY_IDS, type Feature } from '../../contracts/libraries.js';
import type { OracleFacts } from '../../model/facts.js';
import { int, lit } from '../../python/source.js';
import { createsSharedMemory } from '../../scenario/rules.js';
import type { Method, Scenario, Step } from '../../scenario/types.js';
import type { ContextObjectKind, Dialect, ProgramFeatures } from '../dialect.js';
import { firstReason, isExecutorStep, isPoolStep, isProcessStep, sharedMemoryVersionReason } from '../support.js';
import { isDottedName, isIdentifier, parseTemplate, renderTemplate, TemplateError, type Placeholder, type Template } from './template.js';

/**
 * A data-file target is invalid (code `E_TARGET_INVALID`): `FILE: FIELD: expected …, got …`.
 *
 * @public
 */
export class TargetFileInvalidError extends MpconformError<'E_TARGET_INVALID'> {
  constructor(readonly file: string, readonly field: string, readonly expected: string, readonly received: unknown) {
    super('E_TARGET_INVALID', `${file}: ${field}: expected ${expected}, got ${describe(received)}`);
  }
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 70 ? `${s.slice(0, 67)}...` : s;
}

const FEATURES: readonly Feature[] = ['process', 'pool', 'executor', 'shared-memory'];
const ID = /^[a-z][a-z0-9_-]{0,39}$/;
const IMPORT = /^(?:import ([A-Za-z_][A-Za-z0-9_.]*)(?: as ([A-Za-z_][A-Za-z0-9_]*))?|from ([A-Za-z_][A-Za-z0-9_.]*) import ([A-Za-z_][A-Za-z0-9_]*)(?: as ([A-Za-z_][A-Za-z0-9_]*))?)$/;
const OBJECT_ARGS: Readonly<Record<ContextObjectKind, readonly string[]>> = {
  Lock: [], RLock: [], Semaphore: [int(2)], BoundedSemaphore: [int(2)], Condition: [], Event: [],
  Barrier: [int(1)], Queue: [], SimpleQueue: [], JoinableQueue: [],
  Value: [lit('i'), int(0)], Array: [lit('i'), int(3)], Pipe: [],
};

/** How a worker kind is started: a callee, and the keyword it takes the context by (null: the callee is built on `{ctx}`). */
export interface StartSpec {
  readonly callee: Template;
  readonly contextKeyword: string | null;
}

/**
 * A validated target file.
 *
 * @public
 */
export interface TargetFile {
  readonly file: string;
  readonly id: string;
  /** The module whose import tells whether an interpreter has the library. */
  readonly module: string;
  readonly imports: readonly string[];
  readonly sharedMemoryImports: readonly string[];
  readonly lacks: readonly Feature[];
  readonly dialect: Dialect;
}

type Obj = Record<string, unknown>;

class Reader {
  constructor(readonly file: string) {}
  fail(field: string, expected: string, received: unknown): never {
    throw new TargetFileInvalidError(this.file, field, expected, received);
  }
  object(v: unknown, field: string, keys: readonly string[], required: readonly string[]): Obj {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(field, 'an object', v);
    const o = v as Obj;
    for (const k of Object.keys(o)) {
      if (!keys.includes(k)) this.fail(`${field === '' ? '' : `${field}.`}${k}`, `no such key (known: ${keys.join(', ')})`, o[k]);
    }
    for (const k of required) if (!(k in o)) this.fail(`${field === '' ? '' : `${field}.`}${k}`, 'this required key', undefined);
    return o;
  }
  string(v: unknown, field: string): string {
    if (typeof v !== 'string') this.fail(field, 'a string', v);
    return v as string;
  }
  template(v: unknown, field: string, allowed: readonly Placeholder[], call: 'required' | 'forbidden' | 'optional', example: string): Template {
    const s = this.string(v, field);
    try {
      return parseTemplate(s, allowed, { call });
    } catch (e) {
      if (e instanceof TemplateError) this.fail(field, `${e.expected} (e.g. ${example})`, s);
      throw e;
    }
  }
  imports(v: unknown, field: string): string[] {
    if (!Array.isArray(v)) this.fail(field, 'an array of import lines', v);
    return (v as unknown[]).map((line, i) => {
      const s = this.string(line, `${field}[${i}]`);
      const m = IMPORT.exec(s);
      const names = m === null ? [] : [m[1], m[2], m[3], m[4], m[5]].filter((x): x is string => x !== undefined);
      if (m === null || !names.every(isDottedName)) this.fail(`${field}[${i}]`, '"import a.b [as c]" or "from a.b import c [as d]" with identifiers only', s);
      return s;
    });
  }
}

/** Validates a parsed target file (`file` names it in errors). */
export function parseTargetFile(raw: unknown, file: string): TargetFile {
  const r = new Reader(file);
  const top = r.object(raw, '', ['$schema', 'comment', 'version', 'id', 'module', 'imports', 'context', 'startMethod', 'create', 'start', 'lacks'],
    ['version', 'id', 'module', 'imports', 'context', 'startMethod', 'create', 'start']);
  if (top['version'] !== 1) r.fail('version', '1', top['version']);
  const id = r.string(top['id'], 'id');
  if (!ID.test(id)) r.fail('id', 'a lower-case name of letters, digits, - and _ (at most 40), e.g. tinypool', id);
  if ((LIBRARY_IDS as readonly string[]).includes(id) || id === 'stdlib') r.fail('id', `an id other than the shipped targets' (${LIBRARY_IDS.join(', ')})`, id);
  const module = r.string(top['module'], 'module');
  if (!isDottedName(module)) r.fail('module', 'a dotted module name, e.g. tinypool', module);
  const imports = r.imports(top['imports'], 'imports');

  const lacksRaw = top['lacks'] ?? [];
  if (!Array.isArray(lacksRaw)) r.fail('lacks', `an array of features (${FEATURES.join(', ')})`, lacksRaw);
  const lacks = (lacksRaw as unknown[]).map((f, i) => {
    if (!(FEATURES as readonly unknown[]).includes(f)) r.fail(`lacks[${i}]`, `one of ${FEATURES.join(', ')}`, f);
    return f as Feature;
  });
  const lacking = (f: Feature) => lacks.includes(f);

  const ctx = r.object(top['context'], 'context', ['default', 'get'], ['default', 'get']);
  const defaultContext = r.string(ctx['default'], 'context.default');
  if (!isDottedName(defaultContext)) r.fail('context.default', 'a dotted name bound by the imports (the module-level API), e.g. tinypool', defaultContext);
  const getContext = r.template(ctx['get'], 'context.get', ['method'], 'required', 'tinypool.get_context({method})');

  const sm = r.object(top['startMethod'], 'startMethod', ['set', 'get'], ['set', 'get']);
  const setStart = r.template(sm['set'], 'startMethod.set', ['method', 'force'], 'required', 'tinypool.set_start_method({method}, force={force})');
  const getStart = r.template(sm['get'], 'startMethod.get', ['allowNone'], 'required', 'tinypool.get_start_method(allow_none={allowNone})');

  const create = r.object(top['create'], 'create', ['object', 'manager', 'sharedMemory', 'sharedMemoryImports'], ['object', 'manager']);
  const object = r.template(create['object'], 'create.object', ['ctx', 'kind'], 'forbidden', '{ctx}.{kind}');
  const manager = r.template(create['manager'], 'create.manager', ['ctx'], 'forbidden', '{ctx}.Manager');
  let sharedMemory: Template | null = null;
  let sharedMemoryImports: string[] = [];
  if (!lacking('shared-memory')) {
    if (!('sharedMemory' in create)) r.fail('create.sharedMemory', 'a SharedMemory callee (or "shared-memory" in lacks)', undefined);
    sharedMemory = r.template(create['sharedMemory'], 'create.sharedMemory', [], 'forbidden', 'shared_memory.SharedMemory');
    sharedMemoryImports = create['sharedMemoryImports'] === undefined ? [] : r.imports(create['sharedMemoryImports'], 'create.sharedMemoryImports');
  } else if ('sharedMemory' in create) r.fail('create.sharedMemory', 'no SharedMemory callee, since lacks has "shared-memory"', create['sharedMemory']);

  const start = r.object(top['start'], 'start', ['process', 'pool', 'executor'], []);
  const startSpec = (kind: 'process' | 'pool' | 'executor', example: string): StartSpec | null => {
    const field = `start.${kind}`;
    if (lacking(kind)) {
      if (kind in start) r.fail(field, `nothing, since lacks has "${kind}"`, start[kind]);
      return null;
    }
    if (!(kind in start)) r.fail(field, `how to start a ${kind} (or "${kind}" in lacks)`, undefined);
    const v = start[kind];
    if (typeof v === 'string' && kind !== 'executor') return { callee: r.template(v, field, ['ctx'], 'forbidden', example), contextKeyword: null };
    const o = r.object(v, field, ['callee', 'contextKeyword'], ['callee', 'contextKeyword']);
    const kw = r.string(o['contextKeyword'], `${field}.contextKeyword`);
    if (!isIdentifier(kw)) r.fail(`${field}.contextKeyword`, 'an identifier, e.g. context', kw);
    return { callee: r.template(o['callee'], `${field}.callee`, [], 'forbidden', kind === 'executor' ? 'concurrent.futures.ProcessPoolExecutor' : 'tinypool.Pool'), contextKeyword: kw };
  };
  const process = startSpec('process', '{ctx}.Process');
  const pool = startSpec('pool', '{ctx}.Pool');
  const executor = startSpec('executor', '{ctx}.Pool');

  const bool = (b: boolean) => (b ? 'True' : 'False');
  const callee = (spec: StartSpec | null, ctxExpr: string, what: Feature): string => {
    if (spec === null) throw new Error(`${id}: ${what} is declared lacking; the scenario should have been skipped`);
    const c = renderTemplate(spec.callee, { ctx: ctxExpr });
    return spec.contextKeyword === null ? c : `functools.partial(${c}, ${spec.contextKeyword}=${ctxExpr})`;
  };
  const needsFunctools = [process, pool].some((s) => s !== null && s.contextKeyword !== null);
  const reasonFor = (f: Feature) => `${id}: lacks ${f} (declared in ${file})`;
  const unsupportedStep = (step: Step, facts?: OracleFacts): string | null => {
    if (isProcessStep(step) && lacking('process')) return reasonFor('process');
    if (isPoolStep(step) && lacking('pool')) return reasonFor('pool');
    if (isExecutorStep(step) && lacking('executor')) return reasonFor('executor');
    if (step.op === 'forkserver-preload') return `${id}: a data-file target describes no set_forkserver_preload`;
    if (createsSharedMemory(step)) return lacking('shared-memory') ? reasonFor('shared-memory') : sharedMemoryVersionReason(id, step, facts);
    return null;
  };
  const dialect: Dialect = {
    id,
    imports(features: ProgramFeatures): readonly string[] {
      const lines = [...(needsFunctools ? ['import functools'] : []), ...imports];
      if (features.sharedMemory) lines.push('import atexit', ...sharedMemoryImports);
      return lines;
    },
    defaultContext,
    getContext: (method: Method) => renderTemplate(getContext, { method: lit(method) }),
    setStartMethod: (method: Method, force: boolean) => renderTemplate(setStart, { method: lit(method), force: bool(force) }),
    getStartMethod: (allowNone: boolean) => renderTemplate(getStart, { allowNone: bool(allowNone) }),
    getUnknownContext: () => renderTemplate(getContext, { method: lit('nope') }),
    contextSetStartMethod: (method: Method) => `${renderTemplate(getContext, { method: lit(method) })}.set_start_method(${lit('spawn')})`,
    processClass: (ctxExpr: string) => callee(process, ctxExpr, 'process'),
    poolClass: (ctxExpr: string) => callee(pool, ctxExpr, 'pool'),
    executorClass: () => (executor === null ? callee(null, '', 'executor') : renderTemplate(executor.callee, {})),
    executorContextKeyword: executor?.contextKeyword ?? 'mp_context',
    manager: (ctxExpr: string) => `${renderTemplate(manager, { ctx: ctxExpr })}()`,
    object: (kind: ContextObjectKind, ctxExpr: string) => `${renderTemplate(object, { ctx: ctxExpr, kind })}(${OBJECT_ARGS[kind].join(', ')})`,
    sharedMemory: () => (sharedMemory === null ? callee(null, '', 'shared-memory') : `${renderTemplate(sharedMemory, {})}(create=True, size=${int(16)})`),
    unsupportedStep,
    unsupported: (scenario: Scenario, facts?: OracleFacts) => firstReason(scenario, unsupportedStep, facts),
  };
  return { file, id, module, imports, sharedMemoryImports, lacks, dialect };
}

/** True when a `--target` value names a data file rather than a shipped target id. */
export function isTargetFile(value: string): boolean {
  return value.endsWith('.json') || value.includes('/');
}

/** Reads and validates a target file (`E_TARGET_INVALID` for any problem, `E_TARGET_UNREADABLE` when it cannot be read). */
export function loadTargetFile(file: string): TargetFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new TargetFileUnreadableError(file, (e as NodeJS.ErrnoException).code ?? String(e));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new TargetFileInvalidError(file, '(file)', 'JSON', (e as Error).message);
  }
  return parseTargetFile(raw, file);
}

/**
 * A data-file target cannot be read (code `E_TARGET_UNREADABLE`).
 *
 * @public
 */
export class TargetFileUnreadableError extends MpconformError<'E_TARGET_UNREADABLE'> {
  /** `reason`: the errno code (`ENOENT`) or what else went wrong. */
  constructor(readonly file: string, readonly reason: string) {
    super('E_TARGET_UNREADABLE', `--target ${file}: cannot read (${reason})`);
  }
}
