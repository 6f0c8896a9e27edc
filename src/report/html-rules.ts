import type { RunReport } from '../model/report.js';
import { escapeHtml as h } from './escape.js';
import { interpreterName } from './describe.js';
import { NEVER_TEXT, type InterpreterRuleCoverage, type RuleCell, type RuleMatrix } from './rules.js';

/** A rule-matrix cell's text: conform / depart counts (the script recounts them under filters). */
export function ruleCellText(cell: RuleCell): string {
  return `${cell.conform} ✓${cell.depart ? ` · ${cell.depart} ✗` : ''}`;
}

/**
 * The rule matrix: rows are rules (id, statement, versions), columns interpreter × target. A cell
 * links to its cases (the script sets the interpreter, target and rule filters); a rule that
 * departs in every cell it ran is marked on its row, so it reads as one red row.
 */
export function ruleMatrixTable(report: RunReport, m: RuleMatrix): string {
  if (m.rows.length === 0) return '<p class="muted">No judged case exercised a rule.</p>';
  const groups: { python: string; span: number }[] = [];
  for (const col of m.columns) {
    const last = groups[groups.length - 1];
    if (last && last.python === col.python) last.span++;
    else groups.push({ python: col.python, span: 1 });
  }
  const head1 = groups.map((g) => `<th scope="colgroup" colspan="${g.span}">${h(interpreterName(report, g.python))}</th>`).join('');
  const head2 = m.columns.map((c) => `<th scope="col">${h(c.target)}</th>`).join('');
  const body = m.rows.map((r, ri) => {
    const cells = r.cells.map((cell, ci) => {
      if (cell === null) return `<td class="rcell empty" data-row="${ri}" data-col="${ci}">—</td>`;
      return `<td class="rcell v-${h(cell.worst)}" data-row="${ri}" data-col="${ci}"><a href="#cases" data-row="${ri}" data-col="${ci}" title="${h(`${cell.conform} conform, ${cell.depart} depart, decisive in ${cell.decisive}`)}"><span class="worst">${h(cell.worst)}</span><span class="counts">${h(ruleCellText(cell))}</span></a></td>`;
    }).join('');
    const mark = r.brokenEverywhere ? ' <span class="badge v-fail">departs everywhere it ran</span>'
      : r.departCells > 0 ? ` <span class="badge v-fail">departs in ${r.departCells} of ${r.exercisedCells}</span>${r.brokenBy.map((t) => ` <span class="badge v-fail broken-by">${h(t)}: every interpreter</span>`).join('')}` : '';
    return `<tr class="${r.brokenEverywhere ? 'broken' : r.departCells > 0 ? 'departs' : 'conforms'}" data-rule="${h(r.rule.id)}"><th scope="row"><code>${h(r.rule.id)}</code>${mark}<small title="${h(r.rule.statement)}">${h(r.rule.statement)}</small></th><td class="versions">${h(r.rule.versions)}</td>${cells}</tr>`;
  }).join('\n');
  return `<table class="rules" id="rule-matrix"><caption class="muted">Rows: documented rules the oracle used. Columns: interpreter × target. A cell counts the judged cases that exercised the rule: ✓ conform, ✗ depart (a mismatch names the rule). Click a cell for its cases.</caption>
<thead><tr><th scope="col" rowspan="2">rule</th><th scope="col" rowspan="2">holds for</th>${head1}</tr><tr>${head2}</tr></thead>
<tbody>
${body}
</tbody></table>`;
}

/** Rule coverage per interpreter: decisive / applicable, and the never-decisive rules with why. */
export function ruleCoverageTable(report: RunReport, coverage: readonly InterpreterRuleCoverage[]): string {
  if (coverage.length === 0) return '';
  const rows = coverage.map((c) => {
    const never = c.never.length === 0 ? '—' : c.never.map((n) => `<code title="${h(NEVER_TEXT[n.why])}">${h(n.id)}</code> <span class="muted">(${h(n.why)})</span>`).join(', ');
    return `<tr><th scope="row">${h(interpreterName(report, c.python))}</th><td class="num">${c.decisive}/${c.applicable} (${Math.round(c.fraction * 100)}%)</td><td>${never}</td></tr>`;
  }).join('\n');
  const whys = [...new Set(coverage.flatMap((c) => c.never.map((n) => n.why)))];
  return `<table class="coverage" id="rule-coverage"><caption class="muted">A rule is decisive in a case when a program that broke it would get a different verdict there: it decided how a compared process ends, and that process accepts only that ending (one outcome, or no ok and no other library rule). Definitions: src/report/rules.ts.</caption>
<thead><tr><th scope="col">interpreter</th><th scope="col">decisive / applicable</th><th scope="col">never decisive</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${whys.length ? `<ul class="muted">${whys.map((w) => `<li><b>${h(w)}</b>: ${h(NEVER_TEXT[w])}</li>`).join('')}</ul>` : ''}`;
}
