/**
 * Rule ids are a type (`RuleId`, derived from the rule registry): a typo is a compile error
 * (`npm run typecheck` fails on an unused `@ts-expect-error`), and still throws at run time.
 */
import { describe, expect, test } from 'vitest';
import { holds } from '../../src/oracle/holds.js';
import { allRules, type RuleId } from '../../src/oracle/rules/index.js';

const facts = { implementation: 'cpython', version: '3.12.1', platform: 'linux' } as const;

describe('RuleId', () => {
  test('every registered id is a RuleId, and holds() accepts it', () => {
    const id: RuleId = 'ctx.fixed-by-object';
    expect(allRules.map((r) => r.id)).toContain(id);
    expect(typeof holds(id, facts)).toBe('boolean');
  });

  test('a misspelt id does not compile (and throws when forced)', () => {
    // @ts-expect-error: 'ctx.fixed-by-objet' is not a rule id
    expect(() => holds('ctx.fixed-by-objet', facts)).toThrow(/unknown rule id/);
  });
});
