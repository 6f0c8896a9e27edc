/**
 * The expression language of a data-file target (schema/target.schema.json): no free Python,
 * only a callee made of identifiers and dots, optionally called with arguments that are fixed
 * placeholders, small integers, `True`/`False`/`None` or dotted names, each optionally passed by
 * keyword. Placeholders are filled by mpconform from its own enums:
 *
 * | placeholder   | becomes                                        |
 * |---------------|------------------------------------------------|
 * | `{method}`    | a start method literal: `'fork'`, `'spawn'`, `'forkserver'` |
 * | `{force}`     | `True` / `False` (`set_start_method(…, force=)`) |
 * | `{allowNone}` | `True` / `False` (`get_start_method(allow_none=)`) |
 * | `{ctx}`       | the context expression the program uses        |
 * | `{kind}`      | an object kind (`Lock`, `Queue`, …), only as a name part |
 */
import { MpconformError } from '../../errors/index.js';

/** A placeholder name. */
export type Placeholder = 'method' | 'force' | 'allowNone' | 'ctx' | 'kind';

/** One part of a parsed template: literal text mpconform validated, or a placeholder. */
export type Part = { readonly text: string } | { readonly hole: Placeholder };

/** A parsed template: its parts in order (rendering is concatenation). */
export interface Template {
  readonly source: string;
  readonly parts: readonly Part[];
}

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
const IDENT_RE = new RegExp(`^${IDENT}$`);
const PLACEHOLDERS: readonly Placeholder[] = ['method', 'force', 'allowNone', 'ctx', 'kind'];
const PYTHON_KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

const CODE_BUILTINS = new Set(['eval', 'exec', 'compile', 'open', 'getattr', 'setattr', 'delattr', 'globals', 'locals', 'vars', 'input', 'breakpoint', 'help', 'exit', 'quit']);

/** Why a template is rejected: what was expected where (the caller adds the field). */
export class TemplateError extends MpconformError<'E_TARGET_TEMPLATE'> {
  constructor(readonly expected: string) {
    super('E_TARGET_TEMPLATE', expected);
  }
}

/** True for a plain identifier that is not a Python keyword. */
export function isIdentifier(s: string): boolean {
  return IDENT_RE.test(s) && !PYTHON_KEYWORDS.has(s);
}

/** True for `a`, `a.b.c` (identifiers joined by dots). */
export function isDottedName(s: string): boolean {
  return s.split('.').every(isIdentifier);
}

/**
 * Parses `template`, allowing only the placeholders in `allowed`. The grammar:
 * `callee [ "(" [ arg { ", " arg } ] ")" ]`, `callee := head { "." name }`, `head := identifier | "{ctx}"`,
 * `name := identifier | "{kind}"`, `arg := [ identifier "=" ] value`,
 * `value := "{method}" | "{force}" | "{allowNone}" | "{ctx}" | integer | True | False | None | dotted name`.
 */
export function parseTemplate(template: string, allowed: readonly Placeholder[], options: { call?: 'required' | 'forbidden' | 'optional' } = {}): Template {
  const parts: Part[] = [];
  const text = (t: string) => parts.push({ text: t });
  const hole = (h: Placeholder, where: string) => {
    if (!allowed.includes(h)) throw new TemplateError(`${where} (placeholders allowed here: ${allowed.map((a) => `{${a}}`).join(', ') || 'none'}), not {${h}}`);
    parts.push({ hole: h });
  };
  const placeholderAt = (s: string): Placeholder | null => {
    const m = /^\{([A-Za-z]+)\}$/.exec(s);
    if (m === null) return null;
    if (!(PLACEHOLDERS as readonly string[]).includes(m[1]!)) throw new TemplateError(`a known placeholder ({method}, {force}, {allowNone}, {ctx}, {kind}), not {${m[1]}}`);
    return m[1] as Placeholder;
  };
  const open = template.indexOf('(');
  const callee = open < 0 ? template : template.slice(0, open);
  const names = callee.split('.');
  // builtins that evaluate code or reach any object are no callee a library needs (dunder names neither)
  if (names.some((n) => /^__\w*__$/.test(n)) || (names.length === 1 && CODE_BUILTINS.has(names[0]!))) {
    throw new TemplateError('a callee of the library, not a dunder name or a builtin that evaluates code or reaches any object (no free Python)');
  }
  names.forEach((n, i) => {
    if (i > 0) text('.');
    const p = placeholderAt(n);
    if (p !== null) {
      if (i === 0 ? p !== 'ctx' : p !== 'kind') throw new TemplateError(i === 0 ? 'a callee starting with an identifier or {ctx}' : 'name parts that are identifiers or {kind}');
      hole(p, 'a callee');
    } else if (isIdentifier(n)) text(n);
    else throw new TemplateError('a callee of identifiers joined by dots (no free Python)');
  });
  const call = options.call ?? 'optional';
  if (open < 0) {
    if (call === 'required') throw new TemplateError('a call');
    return { source: template, parts };
  }
  if (call === 'forbidden') throw new TemplateError('a callee without a call (mpconform adds the arguments)');
  if (!template.endsWith(')')) throw new TemplateError('a call ending in ")"');
  const inner = template.slice(open + 1, -1);
  text('(');
  if (inner.trim() !== '') {
    inner.split(',').forEach((raw, i) => {
      const arg = raw.trim();
      if (arg === '') throw new TemplateError('arguments separated by ", " (none empty)');
      if (i > 0) text(', ');
      const eq = arg.indexOf('=');
      let value = arg;
      if (eq >= 0) {
        const key = arg.slice(0, eq).trim();
        if (!isIdentifier(key)) throw new TemplateError('keyword arguments named by identifiers');
        text(`${key}=`);
        value = arg.slice(eq + 1).trim();
      }
      const p = placeholderAt(value);
      if (p !== null) {
        if (p === 'kind') throw new TemplateError('{kind} only as a name part of the callee');
        hole(p, 'an argument');
      } else if (/^(0|[1-9][0-9]{0,3})$/.test(value) || value === 'True' || value === 'False' || value === 'None' || isDottedName(value)) text(value);
      else throw new TemplateError('arguments that are placeholders, small integers, True/False/None or dotted names (no free Python)');
    });
  }
  text(')');
  return { source: template, parts };
}

/** Values of the placeholders for one rendering (each already valid Python). */
export type Fill = Partial<Record<Placeholder, string>>;

/** The template with its placeholders filled (every used placeholder must be given). */
export function renderTemplate(t: Template, fill: Fill): string {
  return t.parts.map((p) => {
    if ('text' in p) return p.text;
    const v = fill[p.hole];
    if (v === undefined) throw new Error(`template ${t.source}: no value for {${p.hole}}`);
    return v;
  }).join('');
}
