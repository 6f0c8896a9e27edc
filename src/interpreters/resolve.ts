import { discoverInterpreters, type Discovered } from './discover.js';
import { MpconformError } from '../errors/index.js';
import { probeInterpreter } from './probe.js';
import type { InterpreterFacts } from '../model/facts.js';
import { environmentPython, selectForTargets } from './environments.js';

const VERSION = /^(pypy)?(\d+)(\.\d+){0,2}$/;

/**
 * Options of {@link resolvePythons}.
 *
 * @public
 */
export interface ResolveOptions {
  /**
   * The targets the interpreters are for: `all` then means, per interpreter, the per-interpreter
   * environment that has them rather than its base (src/interpreters/environments.ts). Without
   * targets, `all` is the plain interpreters.
   */
  readonly targets?: readonly string[];
  /** Target ids whose versions the facts probe reports (the library list's). */
  readonly knownTargets?: readonly string[];
}

/**
 * Resolves `--python` values to probed interpreters: `all` (every usable discovered interpreter),
 * a version (`3.12`, `3.11.2`, `pypy3.9`: every discovered match), `env:<name>` (a per-interpreter
 * environment), or a path / PATH name.
 * Duplicates (same realpath) collapse to the first; an unmatched version is an error.
 *
 * @public
 */
export async function resolvePythons(values: readonly string[], options: ResolveOptions = {}): Promise<InterpreterFacts[]> {
  let discovered: Discovered[] | null = null;
  const discover = async () => (discovered ??= await discoverInterpreters());
  const out: InterpreterFacts[] = [];
  const seen = new Set<string>();
  const add = (f: InterpreterFacts) => {
    if (!seen.has(f.executable)) {
      seen.add(f.executable);
      out.push(f);
    }
  };
  for (const value of values) {
    if (value === 'all') {
      const usable = (await discover()).flatMap((d) => (d.status === 'ok' ? [d.facts] : []));
      for (const f of selectForTargets(usable, options.targets ?? ['multiprocessing'], options.knownTargets ?? [])) add(f);
    } else if (VERSION.test(value)) {
      const pypy = value.startsWith('pypy');
      const wanted = value.replace(/^pypy/, '');
      const matches = (await discover()).filter(
        (d): d is Extract<Discovered, { status: 'ok' }> =>
          d.status === 'ok' &&
          (d.facts.implementation === 'pypy') === pypy &&
          (d.facts.version === wanted || d.facts.version.startsWith(`${wanted}.`)),
      );
      if (matches.length === 0) throw new InterpreterNotFoundError(`--python ${value}: no discovered interpreter has that version (see 'mpconform pythons')`);
      // like `all`: an environment stands in for its base only when a library target needs it
      const chosen = selectForTargets(matches.map((m) => m.facts), options.targets ?? ['multiprocessing'], options.knownTargets ?? []);
      if (chosen.length === 0) throw new InterpreterNotFoundError(`--python ${value}: no discovered interpreter of that version has ${(options.targets ?? []).join(', ')} (see 'mpconform pythons')`);
      for (const f of chosen) add(f);
    } else if (value.startsWith('env:')) {
      add(await probeInterpreter(environmentPython(value) ?? value, { source: 'env' }));
    } else {
      add(await probeInterpreter(value));
    }
  }
  return out;
}

/**
 * A `--python` version (`3.12`, `pypy3.9`) that no discovered interpreter has (code `E_BAD_OPTION`,
 * like any other bad option value).
 *
 * @public
 */
export class InterpreterNotFoundError extends MpconformError<'E_BAD_OPTION'> {
  constructor(message: string) {
    super('E_BAD_OPTION', message);
  }
}
