// executeProgram's options are checked at its boundary, before a temp dir or a process exists.
import { describe, expect, it } from 'vitest';
import { OptionError } from '../options/errors.js';
import { normalizeExecuteOptions } from './normalize-options.js';
import { executeProgram } from './run.js';

describe('normalizeExecuteOptions', () => {
  it('accepts well-formed options', () => {
    expect(() => normalizeExecuteOptions({ python: 'python3', source: 'pass', timeoutMs: 1000, graceMs: 0, captureBytes: 16, token: 'abc' })).not.toThrow();
  });

  it.each([
    [null, 'executeProgram: options must be an object, got null'],
    [{ source: 'pass', timeoutMs: 1 }, 'executeProgram: python expects a non-empty string, got undefined'],
    [{ python: 'python3', timeoutMs: 1 }, 'executeProgram: source expects the program text (a string), got undefined'],
    [{ python: 'python3', source: '', timeoutMs: Number.NaN }, 'executeProgram: timeoutMs expects an integer from 1 to 86400000, got NaN'],
    [{ python: 'python3', source: '', timeoutMs: 1, captureBytes: -1 }, 'executeProgram: captureBytes expects an integer from 0 to 67108864, got -1'],
    [{ python: 'python3', source: '', timeoutMs: 1, detectHangs: 'yes' }, 'executeProgram: detectHangs expects true or false, got "yes"'],
  ])('refuses %j', (options, message) => {
    expect(() => normalizeExecuteOptions(options)).toThrow(new OptionError(message));
  });

  it('executeProgram rejects bad options before starting anything', async () => {
    await expect(executeProgram({ python: 'python3', source: 'pass', timeoutMs: -5 })).rejects.toThrow(OptionError);
  });
});
