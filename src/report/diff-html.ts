import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { escapeHtml as h } from './escape.js';
import { HTML_STYLE } from './html-style.js';
import { BEHAVIOUR_CHANGES, CHANGE_KINDS, CHANGE_TEXT, RULE_CHANGE_TEXT, type CaseChange, type RunDiff } from './diff.js';

/** The CSP of diff.html: no script at all, nothing loads. */
const DIFF_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * diff.html: the pairing, counts per change kind, the rules whose behaviour changed (with an
 * example case and its repro), then every changed case. Static (no script), every text escaped;
 * repro links are relative to `htmlFile`'s directory.
 */
export function diffHtml(d: RunDiff, htmlFile: string): string {
  const link = (p: string | null) => {
    if (!p) return '';
    const rel = isAbsolute(p) || p.includes('/') ? relative(dirname(resolve(htmlFile)), resolve(p)) : p;
    return ` <a href="${h(encodeURI(rel))}">repro</a>`;
  };
  const pairName = (i: number) => (i < 0 ? 'unpaired' : `${d.pairs[i]!.baseName} → ${d.pairs[i]!.newName}`);
  const behaviour = d.rules.filter((r) => BEHAVIOUR_CHANGES.includes(r.kind));
  const sampled = d.rules.filter((r) => !BEHAVIOUR_CHANGES.includes(r.kind));
  const rules = [...behaviour, ...sampled].map((r) => `<tr class="r-${h(r.kind)}"><td>${h(r.kind)}</td><th scope="row"><code>${h(r.rule.id)}</code><small>${h(r.rule.statement)}</small></th><td>${h(r.rule.versions)}</td><td>${h(pairName(r.pair))} · ${h(r.target)}</td><td class="num">${r.base.depart}/${r.base.exercised}</td><td class="num">${r.new.depart}/${r.new.exercised}</td><td>${r.example ? `<span class="mono">${h(r.example.id)}</span>${r.example.side === 'base' ? ' (base)' : ''}${link(r.example.repro)}<br><code>${h(r.example.replay)}</code>` : ''}</td></tr>`).join('\n');
  const caseRow = (c: CaseChange) => {
    const s = c.new ?? c.base!;
    const what = [...c.what, ...(c.kind === 'newly-failing' || c.kind === 'appeared-failing' ? s.mismatches : [])];
    return `<tr><td><span class="badge v-${h(c.base?.verdict ?? 'skipped')}">${h(c.base?.verdict ?? '—')}</span> → <span class="badge v-${h(c.new?.verdict ?? 'skipped')}">${h(c.new?.verdict ?? '—')}</span></td><td class="mono">${h(c.base?.id ?? '—')}<br>${h(c.new?.id ?? '—')}</td><td>${h(pairName(c.pair))} · ${h(c.target)} · ${h(c.family)}</td><td class="mono">${what.map((w) => h(w)).join('<br>')}</td><td>${link(c.new?.repro ?? c.base?.repro ?? null)}</td></tr>`;
  };
  const sections = CHANGE_KINDS.map((k) => {
    const cs = d.cases.filter((c) => c.kind === k);
    if (cs.length === 0) return '';
    return `<h2 id="${k}">${h(k)} (${cs.length})</h2><p class="muted">${h(CHANGE_TEXT[k])}</p>
<table class="procs"><thead><tr><th>verdict</th><th>case (base / new)</th><th>interpreters · target · family</th><th>what changed</th><th>repro</th></tr></thead><tbody>
${cs.map(caseRow).join('\n')}
</tbody></table>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DIFF_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mpconform diff ${h(d.base.runId)} → ${h(d.new.runId)}</title>
<style>${HTML_STYLE}</style></head>
<body>
<header class="top"><h1>mpconform diff: ${h(d.base.runId)} → ${h(d.new.runId)}</h1>
<p class="${d.newFailures > 0 ? 'badge v-fail' : 'badge v-pass'}" id="verdict">${d.newFailures > 0 ? `${d.newFailures} new failure${d.newFailures === 1 ? '' : 's'}` : 'no new failures'}</p></header>
<main>
<ul>${d.pairs.map((p) => `<li>${h(p.baseName)} <span class="mono muted">${h(p.base)}</span> → ${h(p.newName)} <span class="mono muted">${h(p.new)}</span> (${h(p.how)})</li>`).join('')}${d.unpairedBase.map((p) => `<li>only in base: <span class="mono">${h(p)}</span></li>`).join('')}${d.unpairedNew.map((p) => `<li>only in new: <span class="mono">${h(p)}</span></li>`).join('')}</ul>
<p id="counts">${d.matched} scenarios matched (of ${d.base.cases} base and ${d.new.cases} new cases) · ${CHANGE_KINDS.map((k) => `<a href="#${k}">${h(k)}</a>: <span data-kind="${k}">${d.counts[k]}</span>`).join(' · ')}</p>
<h2 id="rules">Rules whose behaviour changed (${behaviour.length})${sampled.length ? ` <small class="muted">and ${sampled.length} exercised in one run only because the runs sampled different scenarios</small>` : ''}</h2>
${d.rules.length === 0 ? '<p>None.</p>' : `<table class="rules"><thead><tr><th>change</th><th>rule</th><th>holds for</th><th>interpreters · target</th><th>base depart/exercised</th><th>new depart/exercised</th><th>example</th></tr></thead><tbody>
${rules}
</tbody></table>
<ul class="muted">${Object.entries(RULE_CHANGE_TEXT).map(([k, v]) => `<li><b>${h(k)}</b>: ${h(v)}</li>`).join('')}</ul>`}
${sections}
</main>
</body></html>
`;
}
