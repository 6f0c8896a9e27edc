/**
 * Checks for the fields of programmatic options (`normalize…Options` next to each feature uses
 * them): every failure is an {@link OptionError} naming the function, the field, what it expects
 * and what it got.
 */
import { OptionError } from './errors.js';

/** Inclusive bounds of an integer option. */
export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/** The longest wall-clock limit any option accepts: one day, in ms. */
export const MAX_DURATION_MS = 86_400_000;

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'function' ? 'a function' : `an ${typeof value}`;
}

/** Throws unless `options` is a plain object (what every programmatic entry takes). */
export function checkObject(where: string, options: unknown): asserts options is Record<string, unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new OptionError(`${where}: options must be an object, got ${shown(options)}`);
  }
}

/** An integer within `bounds`, or `fallback` when undefined. */
export function checkInteger(where: string, name: string, value: unknown, bounds: Bounds, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < bounds.min || value > bounds.max) {
    throw new OptionError(`${where}: ${name} expects an integer from ${bounds.min} to ${bounds.max}, got ${shown(value)}`);
  }
  return value;
}

/** A wall-clock duration in ms: an integer from 1 to one day, or `fallback` when undefined. */
export function checkDurationMs(where: string, name: string, value: unknown, fallback?: number): number {
  return checkInteger(where, name, value, { min: 1, max: MAX_DURATION_MS }, fallback);
}

/** A boolean, or `fallback` when undefined. */
export function checkBoolean(where: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new OptionError(`${where}: ${name} expects true or false, got ${shown(value)}`);
  return value;
}

/** A non-empty string. */
export function checkString(where: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new OptionError(`${where}: ${name} expects a non-empty string, got ${shown(value)}`);
  return value;
}

/** An AbortSignal, or undefined. */
export function checkSignal(where: string, value: unknown): AbortSignal | undefined {
  if (value === undefined || value instanceof AbortSignal) return value;
  throw new OptionError(`${where}: signal expects an AbortSignal, got ${shown(value)}`);
}

/** A function, or undefined. */
export function checkFunction<F>(where: string, name: string, value: unknown): F | undefined {
  if (value === undefined || typeof value === 'function') return value as F | undefined;
  throw new OptionError(`${where}: ${name} expects a function, got ${shown(value)}`);
}

/** A non-empty array, checked element by element. */
export function checkList<T>(where: string, name: string, value: unknown, each: (v: unknown, i: number) => T): T[] {
  if (!Array.isArray(value) || value.length === 0) throw new OptionError(`${where}: ${name} expects a non-empty array, got ${shown(value)}`);
  return value.map(each);
}
