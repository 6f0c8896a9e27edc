/**
 * The only two ways a rendered program gets a name or a string literal: identifiers made from a
 * fixed prefix and a validated small integer, and literals made from enum-like tokens.
 * Both assert their input, so free text can never reach generated Python.
 */
import { MpconformError } from '../errors/index.js';
import { MAX_ID } from '../scenario/rules.js';
import { METHODS } from '../scenario/types.js';
import type { Method, Passing } from '../scenario/types.js';

/** Prefixes of generated identifiers (`o3`, `work_3`, `p3`, ...). */
export const IDENT_PREFIXES = ['o', 'm', 'p', 'pool', 'ex', 'work_', 'init_', 'grand_', 'local_', 'I'] as const;
export type IdentPrefix = (typeof IDENT_PREFIXES)[number];

/** Characters a literal token may hold: enum values, note keys and fixed words. */
const TOKEN = /^[A-Za-z0-9_.@ -]{1,64}$/;

/** Thrown when the renderer is asked to emit something not built from enums and ints (a bug). */
export class UnsafeRenderError extends MpconformError<'E_RENDER_UNSAFE'> {
  constructor(message: string) {
    super('E_RENDER_UNSAFE', message);
  }
}

function assertId(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_ID) throw new UnsafeRenderError(`identifier number out of range: ${String(n)}`);
}

/** An identifier: a fixed prefix plus a validated id (`ident('o', 3)` → `o3`). */
export function ident(prefix: IdentPrefix, n: number): string {
  if (!(IDENT_PREFIXES as readonly string[]).includes(prefix)) throw new UnsafeRenderError(`unknown identifier prefix`);
  assertId(n);
  return `${prefix}${n}`;
}

/** The identifier a context is bound to (`ctx_spawn`); `method` must be a start method name. */
export function ctxIdent(method: Method): string {
  if (!(METHODS as readonly string[]).includes(method)) throw new UnsafeRenderError('unknown start method');
  return `ctx_${method}`;
}

/** A single-quoted Python string literal of an enum-like token (`lit('spawn')` → `'spawn'`). */
export function lit(token: string): string {
  if (!TOKEN.test(token)) throw new UnsafeRenderError(`literal token is not enum-like: ${JSON.stringify(token).slice(0, 40)}`);
  return `'${token}'`;
}

/** A Python integer literal of a validated small integer. */
export function int(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 1024) throw new UnsafeRenderError(`integer literal out of range: ${String(n)}`);
  return String(n);
}

/** A Python tuple display: `()`, `(a,)`, `(a, b)`. */
export function tuple(items: readonly string[]): string {
  if (items.length === 1) return `(${items[0]},)`;
  return `(${items.join(', ')})`;
}

/** Every string literal the renderer can emit matches this (used by tests to audit output). */
export const LITERAL_PATTERN = /'([^'\\\n]*)'/g;

/** A note line: `note('<key>', <expr>)` (the program's helper: one flushed write per line). */
export function note(key: string, expr: string): string {
  return `note(${lit(key)}, ${expr})`;
}

/** The Python name a worker function uses for a passed object. */
export function objectName(stepId: number, p: Passing): string {
  return p.via === 'initargs' ? `${ident('I', stepId)}_${ident('o', p.obj)}` : ident('o', p.obj);
}

