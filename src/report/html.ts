import { createHash } from 'node:crypto';
import type { RunReport } from '../run/types.js';
import { VERDICTS } from '../verdict/types.js';
import { escapeHtml as h } from './escape.js';
import { interpreterName } from './describe.js';
import { caseDetails } from './html-case.js';
import { buildMatrix, matrixTable } from './html-matrix.js';
import { HTML_SCRIPT } from './html-script.js';
import { HTML_STYLE } from './html-style.js';

/**
 * index.html: a self-contained outcome matrix (rows: family × start method, columns: interpreters),
 * each cell coloured by its worst verdict and linked to its cases, with target and verdict filters.
 */
export function indexHtml(report: RunReport): string {
  const m = buildMatrix(report);
  // The CSP pins the one inline script by hash: the page loads nothing and runs nothing else.
  const scriptHash = createHash('sha256').update(HTML_SCRIPT).digest('base64');
  const t = report.totals;
  const lists = [...m.cells.entries()].map(([key, cases]) => {
    const [ri = 0, ci = 0] = key.split('-').map(Number);
    const r = m.rows[ri];
    const col = m.cols[ci] ?? '';
    return `<section class="cell-list" id="list-${key}"><h3>${h(r?.family ?? '')} · ${h(r?.method ?? '')} · ${h(interpreterName(report, col))} <span class="muted mono">${h(col)}</span></h3>
${cases.map((c) => caseDetails(report, c, key)).join('\n')}</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mpconform ${h(report.runId)}</title>
<style>${HTML_STYLE}</style></head>
<body>
<header class="top"><h1>mpconform run ${h(report.runId)}${report.complete ? '' : ' <span class="badge v-flaky">interrupted: partial</span>'}</h1>
<form class="filters" aria-label="Filters">
<label>Target <select id="f-target"><option value="">all targets</option>${report.targets.map((x) => `<option value="${h(x)}">${h(x)}</option>`).join('')}</select></label>
<span role="group" aria-label="Verdicts">${VERDICTS.map((v) => `<label><input type="checkbox" class="f-verdict" value="${v}" checked> ${v}</label>`).join(' ')}</span>
<span id="shown" class="muted" aria-live="polite">${t.cases} cases</span>
</form></header>
<main>
<p>${t.cases} cases · ${VERDICTS.map((k) => `${k}: ${t[k]}`).join(' · ')} · seed <code>${report.seed}</code> · ${h(report.startedAt)} → ${h(report.finishedAt)}${report.shard ? ` · shard ${report.shard.index}/${report.shard.count}` : ''}</p>
<ul class="legend" aria-label="Legend">${VERDICTS.map((v) => `<li class="badge v-${v}">${v}</li>`).join('')}<li class="muted">A cell shows its worst verdict (colour and text) and the count of each.</li></ul>
${matrixTable(report, m)}
${lists.join('\n')}
</main>
<script>${HTML_SCRIPT}</script>
</body></html>
`;
}
