import { describe, expect, it } from 'vitest';
import { rulesById } from './rules/index.js';
import type { Rule } from './types.js';
import { lineCell } from './version-table.js';

const rule = (id: string): Rule => {
  const r = rulesById.get(id);
  if (r === undefined) throw new Error(id);
  return r;
};

describe('lineCell: where a rule flips within a version line', () => {
  it('whole lines, none, a start, an end and a window', () => {
    expect(lineCell(rule('ctx.already-set'), '3.7')).toBe('all');
    expect(lineCell(rule('forkserver.preload-main'), '3.12')).toBe('—');
    expect(lineCell(rule('forkserver.preload-main'), '3.13')).toBe('≥3.13.8');
    expect(lineCell(rule('forkserver.preload-main'), '3.14')).toBe('≥3.14.1');
    expect(lineCell(rule('ctx.fixed-by-preparation'), '3.13')).toBe('<3.13.12');
    expect(lineCell(rule('ctx.freeze-support-fixes'), '3.13')).toBe('3.13.4–3.13.12');
    expect(lineCell(rule('ctx.freeze-support-noop'), '3.13')).toBe('<3.13.4, ≥3.13.13');
    expect(lineCell(rule('semlock.fork-context-error'), '3.11')).toBe('≥3.11.5');
  });
});
