import { compareVersions, type OracleFacts } from '../model/facts.js';
import type { Rule } from './types.js';
import { rulesById, type RuleId } from './rules/index.js';

/** True when `rule` holds for this interpreter: version in one of its half-open ranges, platform and implementation listed. */
export function ruleHolds(rule: Rule, facts: OracleFacts): boolean {
  if (!rule.platforms.includes(facts.platform)) return false;
  if (rule.implementations !== undefined && !rule.implementations.includes(facts.implementation)) return false;
  return rule.versions.some(
    (r) => compareVersions(facts.version, r.from) >= 0 && (r.to === null || compareVersions(facts.version, r.to) < 0),
  );
}

/** Like {@link ruleHolds} by id; throws on an unknown id (a programming error in the oracle). */
export function holds(id: RuleId, facts: OracleFacts): boolean {
  const rule = rulesById.get(id);
  if (rule === undefined) throw new Error(`oracle: unknown rule id ${id}`);
  return ruleHolds(rule, facts);
}
