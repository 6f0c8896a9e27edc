import type { CaseResult, RunReport } from '../run/types.js';
import { escapeHtml as h } from './escape.js';
import { interpreterName, startMethodOf } from './describe.js';
import { processRows, stderrTail } from './process-rows.js';
import { formatRate, sanitiseId } from './repro.js';

/** The HTML id of a case's expandable entry. */
export function caseAnchor(c: CaseResult): string {
  return `case-${sanitiseId(c.id)}`;
}

/** One expandable case: verdict, facts, expected vs observed per process, stderr tail, scenario JSON, repro link. */
export function caseDetails(report: RunReport, c: CaseResult, cell: string): string {
  const v = c.verdict;
  const end = c.observation?.end;
  const endText = !end ? 'not run' : end.kind === 'exited' ? `exited ${end.code}` : end.kind === 'signaled' ? `killed by ${end.signal}` : `hang (${end.how} after ${end.afterMs} ms: ${end.reason})`;
  const tail = stderrTail(c, 20);
  const procs = processRows(c)
    .map((r) => `<tr><th scope="row" class="mono">${h(r.label)}</th><td class="mono">${h(r.expected)}</td><td class="mono">${h(r.rules.join(', '))}</td><td class="mono">${h(r.observed)}</td><td>${r.detail ? h(r.detail) : ''}</td></tr>`)
    .join('');
  return `<details class="case" id="${h(caseAnchor(c))}" data-target="${h(c.target)}" data-verdict="${h(v.kind)}" data-cell="${h(cell)}">
<summary><span class="badge v-${h(v.kind)}">${h(v.kind)}</span> <span class="mono">${h(c.id)}</span> <span class="muted">${h(c.target)} · ${c.durationMs} ms</span></summary>
<dl class="facts">
<dt>interpreter</dt><dd>${h(interpreterName(report, c.python))} <span class="mono">${h(c.python)}</span></dd>
<dt>target · family · start method</dt><dd>${h(c.target)} · ${h(c.family)} · ${h(startMethodOf(c.scenario))}</dd>
<dt>run end</dt><dd>${h(endText)}</dd>
${v.reason ? `<dt>reason</dt><dd>${h(v.reason)}</dd>` : ''}${c.failureRate !== null ? `<dt>failure rate</dt><dd>${formatRate(c.failureRate)}</dd>` : ''}
<dt>rules</dt><dd class="mono">${h(c.expectation.rules.join(', ') || '—')}</dd>
${c.repro ? `<dt>repro</dt><dd><a href="${h(encodeURI(c.repro))}">${h(c.repro)}</a></dd>` : ''}
</dl>
<table class="procs"><thead><tr><th>process</th><th>expected</th><th>rules</th><th>observed</th><th>exception</th></tr></thead><tbody>${procs}</tbody></table>
${tail.trim() ? `<p class="muted">stderr (tail)</p><pre class="stderr">${h(tail)}</pre>` : ''}
<details><summary>scenario JSON</summary><pre>${h(JSON.stringify(c.scenario, null, 2))}</pre></details>
${c.minimal ? `<details><summary>minimal scenario JSON (shrunk in ${c.minimal.shrinks} steps; observed there: ${h(c.minimal.verdict.kind)})</summary><pre>${h(JSON.stringify(c.minimal.scenario, null, 2))}</pre></details>` : ''}
</details>`;
}
