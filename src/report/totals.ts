import type { CaseResult, RunReport } from '../model/report.js';
import { VERDICTS, type VerdictKind } from '../model/verdict.js';

/** Counts per verdict plus the number of cases, as report.json's `totals`. */
export function computeTotals(cases: readonly CaseResult[]): RunReport['totals'] {
  const counts = Object.fromEntries(VERDICTS.map((k) => [k, 0])) as Record<VerdictKind, number>;
  for (const c of cases) counts[c.verdict.kind] += 1;
  return { ...counts, cases: cases.length };
}
