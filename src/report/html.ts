import { createHash } from 'node:crypto';
import type { RunReport } from '../model/report.js';
import { VERDICTS } from '../model/verdict.js';
import { escapeHtml as h } from './escape.js';
import { pageData, scriptJson, type RenderProgram } from './html-data.js';
import { buildMatrix, matrixTable } from './html-matrix.js';
import { ruleCoverageTable, ruleMatrixTable } from './html-rules.js';
import { scenarioSection, scenarioView } from './html-scenarios.js';
import { HTML_SCRIPT } from './html-script.js';
import { HTML_STYLE } from './html-style.js';
import { stubRenderRepro } from './repro.js';
import { needsRepro } from './describe.js';
import { processRows, stderrTail } from './process-rows.js';
import { ruleSections, type RuleSections } from './rules.js';

/**
 * Options for {@link indexHtml}.
 *
 * @public
 */
export interface IndexHtmlOptions {
  /** The rule sections, when already computed. */
  readonly rules?: RuleSections;
  /** The program text shown in a case view (default: the scenario as a comment). */
  readonly program?: RenderProgram;
}

/** The Content-Security-Policy of every page: nothing loads, only the one inline script (by hash) runs. */
export function csp(script: string): string {
  const hash = createHash('sha256').update(script).digest('base64');
  return `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'`;
}

/**
 * index.html, self-contained: totals, the rule matrix (rules × interpreter × target), the family
 * matrix (family × start method × interpreter), the targets side by side per scenario
 * (src/report/html-scenarios.ts), rule coverage, and the case list with a case view
 * per case. Filters (interpreter, target, family, rule, verdict) recount every table. Cases are
 * data (JSON in a non-executed script element) rendered by the page's one inline script with
 * textContent only, so nothing a process printed can become markup.
 *
 * @public
 */
export function indexHtml(report: RunReport, opts: IndexHtmlOptions = {}): string {
  const m = buildMatrix(report);
  const rules = opts.rules ?? ruleSections(report);
  const view = scenarioView(report);
  const data = pageData(report, m, rules.byRule, opts.program ?? stubRenderRepro, view);
  const t = report.totals;
  const opt = (value: string | number, text: string) => `<option value="${h(String(value))}">${h(text)}</option>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp(HTML_SCRIPT)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mpconform ${h(report.runId)}</title>
<style>${HTML_STYLE}</style></head>
<body>
<header class="top"><h1>mpconform run ${h(report.runId)}${report.complete ? '' : ' <span class="badge v-flaky">interrupted: partial</span>'}</h1>
<form class="filters" aria-label="Filters">
<label>Interpreter <select id="f-python"><option value="">all interpreters</option>${data.interpreters.map((p, i) => opt(i, p.name)).join('')}</select></label>
<label>Target <select id="f-target"><option value="">all targets</option>${data.targets.map((x) => opt(x, x)).join('')}</select></label>
<label>Family <select id="f-family"><option value="">all families</option>${data.families.map((x, i) => opt(i, x)).join('')}</select></label>
<label>Rule <select id="f-rule"><option value="">all rules</option>${data.rules.map((x, i) => opt(i, x)).join('')}</select></label>
<span role="group" aria-label="Verdicts">${VERDICTS.map((v) => `<label><input type="checkbox" class="f-verdict" value="${v}" checked> ${v} <span class="n" data-v="${v}">${t[v]}</span></label>`).join(' ')}</span>
<span id="shown" class="muted" aria-live="polite">${t.cases} cases</span>
</form></header>
<main>
<p>${t.cases} cases · ${VERDICTS.map((k) => `${k}: ${t[k]}`).join(' · ')} · seed <code>${report.seed}</code> · ${h(report.startedAt)} → ${h(report.finishedAt)}${report.shard ? ` · shard ${report.shard.index}/${report.shard.count}` : ''}</p>
<nav class="toc" aria-label="Sections"><a href="#by-rule">By rule</a> · <a href="#by-family">By family</a> · <a href="#by-scenario">By scenario</a> · <a href="#coverage">Rule coverage</a> · <a href="#cases">Cases</a> · <span class="muted">keys: <kbd>/</kbd> filters, <kbd>j</kbd>/<kbd>k</kbd> next/previous case, <kbd>o</kbd> or <kbd>Enter</kbd> open/close, <kbd>Esc</kbd> close</span></nav>
<ul class="legend" aria-label="Legend">${VERDICTS.map((v) => `<li class="badge v-${v}">${v}</li>`).join('')}<li class="muted">A cell shows its worst verdict (colour and text) and the count of each.</li></ul>
<h2 id="by-rule">By rule</h2>
${ruleMatrixTable(report, rules.byRule)}
<h2 id="by-family">By family</h2>
${matrixTable(report, m)}
<h2 id="by-scenario">By scenario</h2>
${scenarioSection(view)}
<h2 id="coverage">Rule coverage</h2>
${ruleCoverageTable(report, rules.ruleCoverage)}
<h2 id="cases">Cases</h2>
<div id="case-list"><p class="muted">The case list needs JavaScript; report.json holds every case.</p></div>
${noscriptFailures(report)}
<p><button type="button" id="more" hidden>show more cases</button></p>
</main>
<script type="application/json" id="mpc-data">${scriptJson(data)}</script>
<script>${HTML_SCRIPT}</script>
</body></html>
`;
}

/** Without JavaScript the page still lists its failures (at most 200): verdict, processes, stderr tail, repro. */
function noscriptFailures(report: RunReport): string {
  const failing = report.cases.filter((c) => needsRepro(c.verdict.kind));
  if (failing.length === 0) return '';
  const items = failing.slice(0, 200).map((c) => {
    const procs = processRows(c).map((r) => `<tr><td>${h(r.label)}</td><td>${h(r.expected)}</td><td>${h(r.rules.join(', '))}</td><td>${h(r.observed)}</td><td>${h(r.detail ?? '')}</td></tr>`).join('');
    const tail = stderrTail(c, 20);
    return `<li><b>${h(c.verdict.kind)}</b> <code>${h(c.id)}</code>${c.repro ? ` — <a href="${h(encodeURI(c.repro))}">${h(c.repro)}</a>` : ''}
<table class="procs"><tr><th>process</th><th>expected</th><th>rules</th><th>observed</th><th>exception</th></tr>${procs}</table>${tail.trim() ? `<pre>${h(tail)}</pre>` : ''}</li>`;
  });
  return `<noscript><h3>Failures (${failing.length}${failing.length > 200 ? ', first 200' : ''})</h3><ul>${items.join('\n')}</ul></noscript>`;
}
