import { OptionError } from '../options/errors.js';

/**
 * Reads `MPCONFORM_SEED`, the seed of fast-check properties: an integer (that seed), `random`
 * (a fresh seed every run), or unset / empty (`undefined`: the caller's default — a fresh seed for
 * {@link conformanceProperty}, a fixed one for mpconform's own properties). The one parser of it.
 *
 * @throws OptionError for any other value (fast-check would otherwise read `NaN` as seed 0).
 * @public
 */
export function seedFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number | 'random' | undefined {
  const raw = env['MPCONFORM_SEED']?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'random') return 'random';
  const seed = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(seed)) {
    throw new OptionError(`MPCONFORM_SEED must be an integer or 'random', got ${JSON.stringify(env['MPCONFORM_SEED'])}`);
  }
  return seed;
}
