/**
 * Scenario → Python source, exactly as src/render/SEMANTICS.md describes.
 * The scenario is re-validated first, and every identifier and literal goes through
 * src/python/source.ts, so the output is built only from enums and validated integers.
 */
import { MpconformError } from '../errors/index.js';
import type { ContextObjectKind, Dialect, ProgramFeatures } from '../targets/dialect.js';
import { stdlibDialect } from '../targets/multiprocessing.js';
import { createsSharedMemory, isExecutor } from '../scenario/rules.js';
import type { CreateStep, StartStep } from '../scenario/rules.js';
import type { ChildAction, ContextRef, ObjectKind, Passing, Scenario, Step } from '../scenario/types.js';
import { parseScenario } from '../scenario/validate.js';
import { ctxIdent, ident, int, lit, note, objectName, tuple } from '../python/source.js';
import { renderBody } from './body.js';
import { grandchildLabel, workerLabel } from '../contracts/labels.js';
import { ARGV_EXTRA, ARGV_VALUES, argvNote, grandchildNote, MAP_ITEMS, NOTE_PREFIX, stepNote, SYSPATH_VALUES, syspathNote, WORKER_RETURN, workerNote } from '../contracts/notes.js';

/**
 * Options of {@link renderScenario}.
 *
 * @public
 */
export interface RenderOptions {
  /**
   * Extra comment lines after the two fixed header lines (repros: expected / observed).
   * Free text is allowed here: each line is split on line breaks and control characters are
   * replaced, so it can only ever be a comment.
   */
  readonly header?: readonly string[];
}

/**
 * Thrown when the dialect declares a step of the scenario unsupported (code `E_UNSUPPORTED`).
 *
 * @public
 */
export class UnsupportedScenarioError extends MpconformError<'E_UNSUPPORTED'> {
  constructor(reason: string) {
    super('E_UNSUPPORTED', `scenario not supported by this target: ${reason}`);
  }
}

const INDENT = '    ';

/** Turns free text into comment lines that cannot break out of the comment. */
export function commentLines(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  return text.split(/\r\n|\r|\n/).map((line) => `# ${line.replace(/[\x00-\x1f\x7f\u2028\u2029\ufeff]/g, '?')}`.trimEnd());
}

/** What the program imports beyond the core module. */
export function programFeatures(scenario: Scenario): ProgramFeatures {
  return {
    executor: scenario.steps.some((s) => s.op === 'start' && isExecutor(s.worker)),
    sharedMemory: scenario.steps.some(createsSharedMemory),
  };
}

/** Renders a scenario as a Python program (see SEMANTICS.md). */
/**
 * Every note goes out as ONE write of a whole line (well under PIPE_BUF, so the kernel keeps it
 * atomic): a `print()` is several writes on an unbuffered stdout (loky's workers run with one),
 * and two processes' lines would then interleave.
 */
const NOTE_HELPER: readonly string[] = [
  'def note(key, value):',
  '    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave',
  `    sys.stdout.write('${NOTE_PREFIX}%s %s%s' % (key, value, chr(10)))`,
  '    sys.stdout.flush()',
];

/**
 * The Python program of a scenario, spelled in a library's {@link Dialect} (default the stdlib's):
 * every step at its placement, the `__main__` guard where the scenario puts it, and `@note` lines
 * reporting what the expectation may constrain. Deterministic: the same scenario and dialect give
 * the same text (src/render/SEMANTICS.md).
 *
 * @throws UnsupportedScenarioError when the dialect cannot express a step.
 * @public
 */
export function renderScenario(scenario: Scenario, dialect: Dialect = stdlibDialect, options: RenderOptions = {}): string {
  const s = parseScenario(scenario);
  const reason = dialect.unsupported(s);
  if (reason !== null) throw new UnsupportedScenarioError(reason);
  const kinds = new Map<number, ObjectKind>();
  for (const step of s.steps) if (step.op === 'create') kinds.set(step.id, step.kind);
  const usesGlobal = s.steps.some((st) => st.op === 'set-global' || (st.op === 'start' && st.action === 'read-global'));

  const out: string[] = [];
  // Two fixed lines first: Python reads a coding cookie only on lines 1-2, and free header text comes later.
  out.push(`# mpconform scenario: ${s.name ?? '(unnamed)'}`);
  out.push(...commentLines(`target ${dialect.id}; rendered per src/render/SEMANTICS.md`));
  for (const line of options.header ?? []) out.push(...commentLines(line));
  const usesNotes = s.steps.some((st) => st.op === 'start' || st.op === 'get-start-method' || st.op === 'report-syspath' || st.op === 'report-argv');
  out.push(...dialect.imports(programFeatures(s)));
  if (usesNotes) out.push('import sys');
  if (s.steps.some((st) => st.op === 'start-thread')) out.push('import threading');
  const usesOs = s.steps.some((st) => st.op === 'forkserver-preload' && st.modules === 'script');
  if (s.steps.some((st) => st.op === 'start' && st.action === 'die')) out.push('import os', 'import signal');
  else if (usesOs) out.push('import os');
  if (usesGlobal) out.push('', `G = ${lit('initial')}`);
  if (usesNotes) out.push('', ...NOTE_HELPER);

  for (const step of s.steps) {
    if (step.op !== 'start') continue;
    if (step.target !== 'guarded-function') out.push('', ...workerFunction(step, kinds, dialect, ''));
    if (step.target === 'local') out.push('', ...localFactory(step));
    if (step.grandchild !== null && !ENDS_WORKER.has(step.action)) out.push('', ...grandFunction(step, dialect));
    const init = step.pass.filter((p) => p.via === 'initargs');
    if (init.length > 0) out.push('', ...initFunction(step, init));
  }

  const bound = new Set<string>();
  const top = s.steps.filter((st) => st.at === 'top');
  const main = s.steps.filter((st) => st.at === 'main');
  if (top.length > 0) out.push('');
  s.steps.forEach((step, index) => {
    if (step.at === 'main' && main[0] === step) out.push('', "if __name__ == '__main__':");
    const indent = step.at === 'main' ? INDENT : '';
    for (const line of renderStep(step, index, kinds, dialect, bound)) out.push(line === '' ? '' : indent + line);
  });
  return `${out.join('\n')}\n`;
}

/** The expression of a context, binding `ctx_<m>` (once, at the first place it is needed) in `lines`. */
function contextExpr(ref: ContextRef, dialect: Dialect, bound: Set<string>, lines: string[]): string {
  if (ref === 'default') return dialect.defaultContext;
  const name = ctxIdent(ref);
  if (!bound.has(name)) {
    bound.add(name);
    lines.push(`${name} = ${dialect.getContext(ref)}`);
  }
  return name;
}

function renderStep(step: Step, index: number, kinds: ReadonlyMap<number, ObjectKind>, dialect: Dialect, bound: Set<string>): string[] {
  const lines: string[] = [];
  switch (step.op) {
    case 'set-start-method':
      lines.push(dialect.setStartMethod(step.method, step.force));
      break;
    case 'get-start-method':
      lines.push(note(stepNote(Number(int(index))), dialect.getStartMethod(step.allowNone)));
      break;
    case 'create':
      lines.push(...createLines(step, contextExpr(step.ctx, dialect, bound, lines), dialect));
      break;
    case 'start':
      if (step.target === 'guarded-function') lines.push(...workerFunction(step, kinds, dialect, ''));
      lines.push(...startLines(step, contextExpr(step.ctx, dialect, bound, lines), dialect));
      break;
    case 'get-context-unknown':
      lines.push(dialect.getUnknownContext());
      break;
    case 'context-set-start-method':
      lines.push(dialect.contextSetStartMethod(step.ctx));
      break;
    case 'set-global':
      lines.push(`G = ${lit('changed')}`);
      break;
    case 'freeze-support':
      lines.push(`${dialect.defaultContext}.freeze_support()`);
      break;
    case 'start-thread':
      lines.push('threading.Thread(target=threading.Event().wait, daemon=True).start()');
      break;
    case 'forkserver-preload':
      // the script's own module name: main.py under the harness, the repro's name when a user runs the repro
      lines.push(`${dialect.defaultContext}.set_forkserver_preload(${step.modules === 'script' ? '[os.path.splitext(os.path.basename(__file__))[0]]' : '[]'})`);
      break;
    case 'report-argv':
      lines.push(
        `if __name__ == ${lit('__main__')}:`,
        `    sys.argv.append(${lit(ARGV_EXTRA)})`,
        'else:',
        `    ${note(argvNote(Number(int(index))), `${lit(ARGV_VALUES.extra)} if len(sys.argv) > 1 else ${lit(ARGV_VALUES.none)}`)}`,
      );
      break;
    case 'report-syspath':
      lines.push(note(syspathNote(Number(int(index))), `${lit(SYSPATH_VALUES.empty)} if not sys.path[0] else ${lit(SYSPATH_VALUES.set)}`));
      break;
    default: {
      const never: never = step;
      throw new Error(`unknown step ${String(never)}`);
    }
  }
  return lines;
}

const MANAGER_METHOD = { ManagerDict: 'dict()', ManagerLock: 'Lock()', ManagerQueue: 'Queue()' } as const;

function createLines(step: CreateStep, ctx: string, dialect: Dialect): string[] {
  const o = ident('o', step.id);
  switch (step.kind) {
    case 'ManagerDict':
    case 'ManagerLock':
    case 'ManagerQueue': {
      const m = ident('m', step.id);
      return [`${m} = ${dialect.manager(ctx)}`, `${o} = ${m}.${MANAGER_METHOD[step.kind]}`];
    }
    case 'SharedMemory':
      return [`${o} = ${dialect.sharedMemory()}`, `atexit.register(${o}.unlink)`];
    case 'Pipe':
      return [`${o}_peer, ${o} = ${dialect.object('Pipe', ctx)}`];
    default: {
      const kind: ContextObjectKind = step.kind;
      return [`${o} = ${dialect.object(kind, ctx)}`];
    }
  }
}

function params(step: StartStep): string[] {
  const names = step.pass.filter((p) => p.via === 'process-arg' || p.via === 'task-arg').map((p) => ident('o', p.obj));
  // A map-style task always receives one item: `0` when no object travels as the task argument.
  if (names.length === 0 && (step.worker === 'pool-map' || step.worker === 'executor-map')) return ['_task'];
  return names;
}

/** Actions after which the worker function runs nothing more (no grandchild, no return). */
const ENDS_WORKER: ReadonlySet<ChildAction> = new Set<ChildAction>(['raise', 'die']);

function workerFunction(step: StartStep, kinds: ReadonlyMap<number, ObjectKind>, dialect: Dialect, indent: string): string[] {
  const lines = [`def ${ident('work_', step.id)}(${params(step).join(', ')}):`];
  for (const line of renderBody(step, kinds, dialect)) lines.push(INDENT + line);
  if (step.grandchild !== null && !ENDS_WORKER.has(step.action)) {
    const g = step.grandchild === 'default' ? dialect.defaultContext : dialect.getContext(step.grandchild);
    lines.push(
      `${INDENT}g = ${dialect.processClass(g)}(target=${ident('grand_', step.id)}, name=${lit(grandchildLabel(step.id))})`,
      `${INDENT}g.start()`,
      `${INDENT}g.join()`,
      `${INDENT}${note(grandchildNote(step.id, 'exitcode'), 'g.exitcode')}`,
    );
  }
  if (!ENDS_WORKER.has(step.action)) lines.push(`${INDENT}return ${int(WORKER_RETURN)}`);
  return lines.map((l) => indent + l);
}

/** `local_<id>()` returns a function defined inside it (`local_<id>.<locals>.work`), which pickle cannot find by name. */
function localFactory(step: StartStep): string[] {
  return [
    `def ${ident('local_', step.id)}():`,
    `${INDENT}def work(*a):`,
    `${INDENT}${INDENT}return ${ident('work_', step.id)}(*a)`,
    `${INDENT}return work`,
  ];
}

/** The callable a start passes as target / task function. */
function targetExpr(step: StartStep): string {
  switch (step.target) {
    case 'lambda': return `lambda *a: ${ident('work_', step.id)}(*a)`;
    case 'local': return `${ident('local_', step.id)}()`;
    case 'function':
    case 'guarded-function': return ident('work_', step.id);
  }
}

function grandFunction(step: StartStep, dialect: Dialect): string[] {
  return [`def ${ident('grand_', step.id)}():`, `${INDENT}${note(grandchildNote(step.id, 'method'), dialect.getStartMethod(false))}`];
}

function initFunction(step: StartStep, init: readonly Passing[]): string[] {
  const names = init.map((p) => objectName(step.id, p));
  return [
    `def ${ident('init_', step.id)}(${init.map((p) => ident('o', p.obj)).join(', ')}):`,
    `${INDENT}global ${names.join(', ')}`,
    ...init.map((p, i) => `${INDENT}${names[i]} = ${ident('o', p.obj)}`),
  ];
}

function startLines(step: StartStep, ctx: string, dialect: Dialect): string[] {
  const w = workerLabel(step.id);
  const fn = targetExpr(step);
  const args = step.pass.filter((p) => p.via === 'process-arg' || p.via === 'task-arg').map((p) => ident('o', p.obj));
  const init = step.pass.filter((p) => p.via === 'initargs').map((p) => ident('o', p.obj));
  const initKw = init.length > 0 ? [`initializer=${ident('init_', step.id)}`, `initargs=${tuple(init)}`] : [];
  const item = args[0] ?? int(0);
  const items = `[${Array.from({ length: MAP_ITEMS }, () => item).join(', ')}]`;
  switch (step.worker) {
    case 'process': {
      const p = ident('p', step.id);
      return [
        `${p} = ${dialect.processClass(ctx)}(target=${fn}, args=${tuple(args)}, name=${lit(w)})`,
        `${p}.start()`,
        `${p}.join()`,
        note(workerNote(step.id, 'exitcode'), `${p}.exitcode`),
      ];
    }
    case 'pool-map':
    case 'pool-starmap':
    case 'pool-apply_async': {
      const pool = ident('pool', step.id);
      const call =
        step.worker === 'pool-map' ? `${pool}.map(${fn}, ${items})`
        : step.worker === 'pool-starmap' ? `${pool}.starmap(${fn}, [${Array.from({ length: MAP_ITEMS }, () => tuple(args)).join(', ')}])`
        : `${pool}.apply_async(${fn}, ${tuple(args)}).get()`;
      return [`with ${dialect.poolClass(ctx)}(${[int(2), ...initKw].join(', ')}) as ${pool}:`, `${INDENT}${note(workerNote(step.id, 'result'), call)}`];
    }
    case 'executor-submit':
    case 'executor-map': {
      const ex = ident('ex', step.id);
      const kw = [`max_workers=${int(2)}`];
      if (step.ctx !== 'default') kw.push(`${dialect.executorContextKeyword}=${ctx}`);
      kw.push(...initKw);
      const call = step.worker === 'executor-submit'
        ? `${ex}.submit(${[fn, ...args].join(', ')}).result()`
        : `list(${ex}.map(${fn}, ${items}))`;
      return [`with ${dialect.executorClass()}(${kw.join(', ')}) as ${ex}:`, `${INDENT}${note(workerNote(step.id, 'result'), call)}`];
    }
    default: {
      const never: never = step.worker;
      throw new Error(`unknown worker ${String(never)}`);
    }
  }
}
