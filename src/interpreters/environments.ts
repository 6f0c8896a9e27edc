/**
 * Per-interpreter environments: one virtual environment per interpreter holding the newest release
 * of every pool library that interpreter supports (made by `scripts/setup-targets.sh`, described by
 * its manifest). They are interpreters like any other — `--python env:<name>` or the venv's
 * `bin/python` — and with `--python all` a non-stdlib `--target` runs on the environments that
 * have it instead of on their base interpreters.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { MpconformError } from '../errors/index.js';
import type { InterpreterFacts } from '../model/facts.js';
import { STDLIB_IDS } from '../contracts/libraries.js';

/**
 * One environment of the manifest.
 *
 * @public
 */
export interface Environment {
  /** `<implementation>-<version>-<source>`, e.g. `cpython-3.12.1-pyenv`. */
  readonly name: string;
  /** The venv's interpreter (`…/envs/<name>/bin/python`). */
  readonly python: string;
  /** The interpreter the venv was made from. */
  readonly base: string;
  /** Library → installed release (`null`: no release installs on this interpreter). */
  readonly libraries: Readonly<Record<string, string | null>>;
}

/**
 * The environments manifest is not what scripts/setup-targets.sh writes (code `E_ENVS_INVALID`).
 *
 * @public
 */
export class EnvironmentsInvalidError extends MpconformError<'E_ENVS_INVALID'> {
  constructor(readonly file: string, field: string, expected: string, received: unknown) {
    super('E_ENVS_INVALID', `${file}: ${field}: expected ${expected}, got ${JSON.stringify(received)?.slice(0, 60) ?? 'nothing'}`);
  }
}

/**
 * `--python env:<name>` names no environment of the manifest (code `E_BAD_OPTION`).
 *
 * @public
 */
export class EnvironmentNotFoundError extends MpconformError<'E_BAD_OPTION'> {
  constructor(name: string, file: string, known: readonly string[]) {
    super('E_BAD_OPTION', `--python env:${name}: no such environment in ${file} (${known.length > 0 ? `known: ${known.join(', ')}` : 'it lists none; run scripts/setup-targets.sh'})`);
  }
}

/** The manifest: `$MPCONFORM_ENVS/manifest.json`, else `~/.cache/mpconform/envs/manifest.json`. */
export function environmentsManifest(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['MPCONFORM_ENVS'];
  return join(dir !== undefined && dir !== '' ? dir : join(env['HOME'] ?? homedir(), '.cache', 'mpconform', 'envs'), 'manifest.json');
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Validates a parsed manifest strictly (every problem names its field). */
export function parseEnvironments(raw: unknown, file: string): Environment[] {
  const bad = (field: string, expected: string, received: unknown): never => {
    throw new EnvironmentsInvalidError(file, field, expected, received);
  };
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { environments?: unknown }).environments)) {
    return bad('environments', 'an array', (raw as { environments?: unknown } | null)?.environments);
  }
  return ((raw as { environments: unknown[] }).environments).map((e, i) => {
    const at = `environments[${i}]`;
    if (typeof e !== 'object' || e === null) return bad(at, 'an object', e);
    const o = e as Record<string, unknown>;
    if (typeof o['name'] !== 'string' || !NAME.test(o['name'])) bad(`${at}.name`, 'a name of letters, digits, ., _ and -', o['name']);
    for (const k of ['python', 'base'] as const) if (typeof o[k] !== 'string' || !String(o[k]).startsWith('/')) bad(`${at}.${k}`, 'an absolute path', o[k]);
    const libs = o['libraries'];
    if (typeof libs !== 'object' || libs === null || Array.isArray(libs)) return bad(`${at}.libraries`, 'an object of library → release or null', libs);
    for (const [k, v] of Object.entries(libs)) if (v !== null && typeof v !== 'string') bad(`${at}.libraries.${k}`, 'a release string or null', v);
    return { name: o['name'] as string, python: o['python'] as string, base: o['base'] as string, libraries: libs as Record<string, string | null> };
  });
}

/** The manifest's environments; none when there is no manifest (environments are optional). */
export function readEnvironments(env: NodeJS.ProcessEnv = process.env): Environment[] {
  const file = environmentsManifest(env);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new EnvironmentsInvalidError(file, '(file)', 'JSON', (e as Error).message);
  }
  return parseEnvironments(raw, file);
}

/** Discovery candidates: each environment whose interpreter exists (a removed venv is left out). */
export function environmentCandidates(env: NodeJS.ProcessEnv = process.env): { path: string; source: 'env' }[] {
  return readEnvironments(env).filter((e) => existsSync(e.python)).map((e) => ({ path: e.python, source: 'env' as const }));
}

/** The interpreter path of `env:<name>`, or null when `value` is not of that form. */
export function environmentPython(value: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (!value.startsWith('env:')) return null;
  const name = value.slice('env:'.length);
  const all = readEnvironments(env);
  const found = all.find((e) => e.name === name);
  if (found === undefined) throw new EnvironmentNotFoundError(name, environmentsManifest(env), all.map((e) => e.name));
  return found.python;
}

/** Targets every interpreter has (the standard library's). */
const STDLIB_TARGETS = new Set(STDLIB_IDS);

function realpathOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

function has(f: InterpreterFacts, target: string): boolean {
  return (f.targets[target === 'stdlib' ? 'multiprocessing' : target] ?? null) !== null;
}

/**
 * What `--python all` means for these targets. Standard-library targets only: the interpreters
 * themselves (an environment adds nothing but packages). Otherwise the interpreters that can
 * import every non-stdlib target, where an environment that can replaces its base interpreter —
 * so a library runs at the release its environment installed, not at whatever its base happens
 * to carry (Debian's `python3` has Debian's old packages). Targets unknown to the facts (a
 * library's own data-file target) keep every interpreter.
 */
export function selectForTargets(all: readonly InterpreterFacts[], targets: readonly string[], knownTargets: readonly string[]): InterpreterFacts[] {
  const libraries = targets.filter((t) => !STDLIB_TARGETS.has(t) && knownTargets.includes(t));
  if (libraries.length === 0) {
    // stdlib only, or data-file targets: plain interpreters when there are any, else the environments
    const plain = all.filter((f) => f.source !== 'env');
    return targets.every((t) => STDLIB_TARGETS.has(t)) && plain.length > 0 ? plain : [...all];
  }
  const able = all.filter((f) => libraries.every((t) => has(f, t)));
  const envBases = new Set(able.filter((f) => f.source === 'env').map((f) => realpathOr(f.path)));
  return able.filter((f) => f.source === 'env' || !envBases.has(realpathOr(f.path)));
}
