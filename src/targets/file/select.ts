/**
 * `--target` values as the run command receives them: shipped ids stay ids; a path to a data file
 * is loaded, registered (so its cases' repros render) and passed on as its Dialect.
 */
import { resolve } from 'node:path';
import type { Dialect } from '../dialect.js';
import { registerDialect } from '../index.js';
import { isTargetFile, loadTargetFile, type TargetFile } from './load.js';

/** The targets of a run: what the engine takes, and the data files among them. */
export interface SelectedTargets {
  readonly targets: readonly (string | Dialect)[];
  readonly files: readonly TargetFile[];
}

/** Loads every data-file `--target` (eagerly: a bad file fails before any interpreter starts). */
export function selectTargets(values: readonly string[]): SelectedTargets {
  const files: TargetFile[] = [];
  const targets = values.map((v) => {
    if (!isTargetFile(v)) return v;
    const t = loadTargetFile(v);
    registerDialect(t.dialect);
    files.push(t);
    return t.dialect;
  });
  return { targets, files };
}

/**
 * What report.json records of the run's data-file targets (field `targetFiles`): target id → the
 * data file's absolute path as the run loaded it, so `mpconform replay` can load the same file.
 */
export function targetFilesRecord(files: readonly TargetFile[]): Record<string, string> {
  return Object.fromEntries(files.map((t) => [t.id, resolve(t.file)]));
}
