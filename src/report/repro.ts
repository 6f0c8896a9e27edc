import type { CaseResult, RunReport } from '../model/report.js';
import type { Observation } from '../model/observation.js';
import { pyComment } from './escape.js';
import { findInterpreter, needsRepro } from './describe.js';
import { processRows } from './process-rows.js';

/**
 * Renders a case's program text (the renderer lives in src/render/; injected to keep this stage independent).
 *
 * @public
 */
export type RenderRepro = (c: CaseResult) => string;

/** Default renderer: the scenario as a JSON comment and a program that says it is a stub. */
export const stubRenderRepro: RenderRepro = (c) =>
  [
    '# (no renderer was injected: the scenario below is the program, as JSON)',
    ...JSON.stringify(c.scenario, null, 2).split('\n').map((l) => `# ${pyComment(l)}`),
    'raise SystemExit("mpconform: render this scenario with `mpconform replay`")',
    '',
  ].join('\n');

/** File-system-safe form of a case id (`/`, `@` and the like become `_`). */
export function sanitiseId(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 180);
}

/**
 * Repro paths (relative to the report dir) for every case that needs one. Ids that sanitise to
 * the same name get a stable hash suffix, so no repro overwrites another.
 */
export function reproPaths(cases: readonly CaseResult[]): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const c of cases) {
    if (!needsRepro(c.verdict.kind)) continue;
    let name = sanitiseId(c.id);
    if (used.has(name)) name = `${name}-${fnv1a(c.id)}`;
    used.add(name);
    out.set(c.id, `repro/${name}.py`);
  }
  return out;
}

/** The case as its repro shows it: the shrunk minimal counterexample when there is one. */
export function reproCase(c: CaseResult): CaseResult {
  const m = c.minimal;
  return m ? { ...c, scenario: m.scenario, expectation: m.expectation, observation: m.observation, verdict: m.verdict } : c;
}

/** The repro file: a comment header (what was expected, what was observed, where) then the (minimal) program. */
export function reproFile(report: RunReport, original: CaseResult, render: RenderRepro): string {
  const facts = findInterpreter(report, original.python);
  const c = reproCase(original);
  const header = [
    `mpconform repro — verdict: ${c.verdict.kind}${c.failureRate !== null ? ` (failure rate ${formatRate(c.failureRate)})` : ''}`,
    `case:        ${c.id}`,
    `family:      ${c.family}`,
    `interpreter: ${c.python}${facts ? ` (${facts.implementation} ${facts.version}, ${facts.platform})` : ''}`,
    `target:      ${c.target}`,
    `seed:        ${report.seed}   run: ${report.runId}`,
    ...(original.minimal ? [`shrunk:      minimal counterexample after ${original.minimal.shrinks} shrink steps (${original.minimal.runs} runs)`] : []),
    '',
    'per process: expected  [rules]  ->  observed',
    ...processRows(c).map((r) => `  ${r.label}: ${r.expected}  [${r.rules.join(', ')}]  ->  ${r.observed}${r.detail ? `  (${r.detail})` : ''}`),
    ...(c.verdict.reason ? ['', `reason: ${c.verdict.reason}`] : []),
    ...hangHeader(c.observation),
    ...leakHeader(c.observation),
    '',
    `run it: ${c.python} ${c.repro ?? 'this-file.py'}`,
  ];
  return `${header.map((l) => (l ? `# ${pyComment(l)}` : '#')).join('\n')}\n\n${render(c)}`;
}

/**
 * Where each Python process of a hung tree waited, one line per thread (main thread first):
 * `w1 (pid 6): billiard/pool.py line 660 in \`_terminate_pool\`, waiting in threading.py line 327 in \`wait\``.
 * Empty when the run did not hang or no stacks were taken.
 */
export function stackLines(o: Observation | null): string[] {
  if (o === null || o.end.kind !== 'hang') return [];
  return (o.stacks ?? []).flatMap((s) => s.where.map((w, i) => `${i === 0 ? `${s.label ?? 'process'} (pid ${s.pid})` : `${' '.repeat((s.label ?? 'process').length)}   thread ${i + 1}`}: ${w}`));
}

function hangHeader(o: Observation | null): string[] {
  if (o === null || o.end.kind !== 'hang') return [];
  const lines = stackLines(o);
  const by = o.end.hangBy ?? o.end.how;
  return ['', `hang: recognised by ${by} after ${o.end.afterMs} ms — ${o.end.reason}`, ...(lines.length > 0 ? ['where it hangs:', ...lines.map((l) => `  ${l}`)] : [])];
}

/** What the tree leaked, in the resource tracker's own words (src/observe/leaks.ts); empty when nothing. */
function leakHeader(o: Observation | null): string[] {
  const leaks = o?.leaks ?? [];
  return leaks.length === 0 ? [] : ['', 'leaks:', ...leaks.map((l) => `  ${l.process ?? '?'}: ${l.text}`)];
}

/** A failure rate in [0, 1] as a whole percentage (`30%`). */
export function formatRate(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
