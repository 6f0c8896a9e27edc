/**
 * The expectations files shipped for the shipped targets (`expectations/<id>.json`): each library's
 * deliberate departures from the stdlib, with the library's own source line as the reason. A run
 * of `--target <id>` applies its file unless `--expectations FILE` or `--expectations none` says
 * otherwise.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { libraryOf } from '../contracts/libraries.js';

/** The package root (this file is <root>/src/targets/expectations.ts, or <root>/dist/src/targets/… when built). */
function packageRoot(): string {
  const src = dirname(dirname(fileURLToPath(import.meta.url)));
  return basename(dirname(src)) === 'dist' ? dirname(dirname(src)) : dirname(src);
}

/** The shipped expectations file of a target id or alias, or null when it has none. */
export function shippedExpectations(target: string): string | null {
  const library = libraryOf(target);
  if (library === undefined) return null;
  const file = join(packageRoot(), 'expectations', `${library.id}.json`);
  return existsSync(file) ? file : null;
}

/**
 * The expectations files a run applies: `--expectations none` none, `--expectations FILE` that
 * file, otherwise the shipped file of each selected target that has one.
 */
export function expectationFiles(option: string | null, targets: readonly string[]): string[] {
  if (option === 'none') return [];
  if (option !== null) return [option];
  return [...new Set(targets.flatMap((t) => shippedExpectations(t) ?? []))];
}
