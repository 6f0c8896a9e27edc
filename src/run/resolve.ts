import { discoverInterpreters, probeInterpreter, type Discovered } from '../interpreters/index.js';
import type { InterpreterFacts } from '../interpreters/facts.js';
import { OptionError } from './options.js';

const VERSION = /^(pypy)?(\d+)(\.\d+){0,2}$/;

/**
 * Resolves `--python` values to probed interpreters: `all` (every usable discovered interpreter),
 * a version (`3.12`, `3.11.2`, `pypy3.9`: every discovered match), or a path / PATH name.
 * Duplicates (same realpath) collapse to the first; an unmatched version is an error.
 */
export async function resolvePythons(values: readonly string[]): Promise<InterpreterFacts[]> {
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
      for (const d of await discover()) if (d.status === 'ok') add(d.facts);
    } else if (VERSION.test(value)) {
      const pypy = value.startsWith('pypy');
      const wanted = value.replace(/^pypy/, '');
      const matches = (await discover()).filter(
        (d): d is Extract<Discovered, { status: 'ok' }> =>
          d.status === 'ok' &&
          (d.facts.implementation === 'pypy') === pypy &&
          (d.facts.version === wanted || d.facts.version.startsWith(`${wanted}.`)),
      );
      if (matches.length === 0) throw new OptionError(`--python ${value}: no discovered interpreter has that version (see 'mpconform pythons')`);
      for (const m of matches) add(m.facts);
    } else {
      add(await probeInterpreter(value));
    }
  }
  return out;
}
