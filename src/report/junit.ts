import type { CaseResult, RunReport } from '../model/report.js';
import { escapeXml as x } from './escape.js';
import { interpreterName, needsRepro } from './describe.js';
import { processRows } from './process-rows.js';
import { formatRate } from './repro.js';

/**
 * JUnit XML: one `<testsuite>` per interpreter × target, one `<testcase>` per case.
 * fail / unexpected-pass / flaky are failures; skipped is skipped; expected-fail and
 * unspecified pass with a `<system-out>` note.
 *
 * @public
 */
export function junitXml(report: RunReport): string {
  const suites = new Map<string, CaseResult[]>();
  for (const c of report.cases) {
    const key = `${c.python}\u0000${c.target}`;
    suites.set(key, [...(suites.get(key) ?? []), c]);
  }
  const body = [...suites.values()].map((cases) => suite(report, cases)).join('\n');
  const t = report.totals;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mpconform ${x(report.runId)}" tests="${t.cases}" failures="${t.fail + t['unexpected-pass'] + t.flaky}" errors="0" skipped="${t.skipped}" time="${seconds(sum(report.cases))}">`,
    body,
    '</testsuites>',
    '',
  ].join('\n');
}

function suite(report: RunReport, cases: readonly CaseResult[]): string {
  const first = cases[0];
  if (!first) return '';
  const failures = cases.filter((c) => needsRepro(c.verdict.kind)).length;
  const skipped = cases.filter((c) => c.verdict.kind === 'skipped').length;
  const name = `${interpreterName(report, first.python)} (${first.python}) / ${first.target}`;
  return [
    `  <testsuite name="${x(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(sum(cases))}" timestamp="${x(report.startedAt.replace(/Z$/, ''))}">`,
    ...cases.map((c) => `    <testcase classname="${x(c.family)}" name="${x(c.id)}" time="${seconds(c.durationMs)}">${body(c)}</testcase>`),
    '  </testsuite>',
  ].join('\n');
}

function body(c: CaseResult): string {
  const v = c.verdict;
  switch (v.kind) {
    case 'pass':
      return '';
    case 'skipped':
      return `<skipped message="${x(v.reason ?? 'skipped')}"/>`;
    case 'expected-fail':
      return `<system-out>${x(`expected-fail (declared deviation): ${v.reason ?? ''}\n${details(c)}`)}</system-out>`;
    case 'unspecified':
      return `<system-out>${x(`unspecified (the oracle cannot decide): ${v.reason ?? ''}\n${details(c)}`)}</system-out>`;
    case 'fail':
      return failure('expected outcome not observed', c);
    case 'unexpected-pass':
      return failure(`unexpected pass: a declared deviation did not occur${v.reason ? ` (${v.reason})` : ''}`, c);
    case 'flaky':
      return failure(`flaky: failed ${formatRate(c.failureRate ?? 0)} of runs`, c);
  }
}

function failure(message: string, c: CaseResult): string {
  return `<failure message="${x(message)}" type="${x(c.verdict.kind)}">${x(details(c))}</failure>`;
}

function details(c: CaseResult): string {
  const rows = processRows(c).map((r) => `${r.label}: expected ${r.expected} [${r.rules.join(', ')}], observed ${r.observed}${r.detail ? ` (${r.detail})` : ''}`);
  return [...rows, ...(c.repro ? [`repro: ${c.repro}`] : [])].join('\n');
}

function sum(cases: readonly CaseResult[]): number {
  return cases.reduce((a, c) => a + c.durationMs, 0);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
