// MPCONFORM_SEED has one parser: `random` means a fresh seed (never NaN, which fast-check would read as seed 0).
import { describe, expect, it } from 'vitest';
import { OptionError } from '../options/errors.js';
import { seedFromEnv } from './seed.js';

describe('seedFromEnv', () => {
  it('reads an integer, `random`, or nothing', () => {
    expect(seedFromEnv({ MPCONFORM_SEED: '1234' })).toBe(1234);
    expect(seedFromEnv({ MPCONFORM_SEED: '-7' })).toBe(-7);
    expect(seedFromEnv({ MPCONFORM_SEED: 'random' })).toBe('random');
    expect(seedFromEnv({ MPCONFORM_SEED: '' })).toBeUndefined();
    expect(seedFromEnv({})).toBeUndefined();
  });

  it('refuses anything else, naming the value', () => {
    for (const bad of ['abc', '1.5', '1e3', '99999999999999999999']) {
      expect(() => seedFromEnv({ MPCONFORM_SEED: bad })).toThrow(OptionError);
    }
    expect(() => seedFromEnv({ MPCONFORM_SEED: 'rand' })).toThrow(`MPCONFORM_SEED must be an integer or 'random', got "rand"`);
  });
});
