import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// src/probe/python is beside this file under tsx and, copied by scripts/copy-assets.mjs, under dist/.
const PYTHON_DIR = join(dirname(fileURLToPath(import.meta.url)), 'python');

/**
 * The directory to put on PYTHONPATH: it holds only `sitecustomize.py`, so nothing else of ours
 * can shadow a user's module. Never copied per case; execute uses a copy precompiled once per
 * interpreter (src/execute/compiled-probe.ts) and falls back to this one.
 */
export function probeSiteDir(): string {
  return checked(join(PYTHON_DIR, 'site'), 'sitecustomize.py');
}

/** The script that prints an interpreter's facts (see src/interpreters/probe.ts). */
export function factsScript(): string {
  return join(checked(PYTHON_DIR, 'facts.py'), 'facts.py');
}

function checked(dir: string, file: string): string {
  if (!existsSync(join(dir, file))) throw new Error(`mpconform install is incomplete: ${join(dir, file)} is missing`);
  return dir;
}
