import type { CaseResult, RunReport } from '../model/report.js';
import { VERDICTS, type VerdictKind } from '../model/verdict.js';
import { escapeHtml as h } from './escape.js';
import { findInterpreter, interpreterName, libraryReleases, startMethodOf, worstVerdict } from './describe.js';

/** The outcome matrix: rows are family × start method, columns interpreter paths, cells keyed `row-col`. */
export interface Matrix {
  readonly rows: readonly { readonly family: string; readonly method: string }[];
  readonly cols: readonly string[];
  /** Cases per non-empty cell, in row-major order. */
  readonly cells: ReadonlyMap<string, readonly CaseResult[]>;
}

/** Groups a report's cases into the matrix (rows sorted; columns in the report's interpreter order). */
export function buildMatrix(report: RunReport): Matrix {
  const cols = [...new Set([...report.interpreters.map((i) => i.path), ...report.cases.map((c) => c.python)])];
  const rowKey = (c: CaseResult): string => `${c.family}\u0000${startMethodOf(c.scenario)}`;
  const keys = [...new Set(report.cases.map(rowKey))].sort();
  const cells = new Map<string, CaseResult[]>();
  for (let r = 0; r < keys.length; r++) {
    for (let col = 0; col < cols.length; col++) {
      const cases = report.cases.filter((c) => rowKey(c) === keys[r] && c.python === cols[col]);
      if (cases.length > 0) cells.set(`${r}-${col}`, cases);
    }
  }
  const rows = keys.map((k) => {
    const [family = '', method = ''] = k.split('\u0000');
    return { family, method };
  });
  return { rows, cols, cells };
}

/** The matrix as an HTML table; each cell shows its worst verdict in colour and text, with counts. */
export function matrixTable(report: RunReport, m: Matrix): string {
  const head = m.cols.map((p) => {
    const f = findInterpreter(report, p);
    const libs = libraryReleases(report, p);
    return `<th scope="col">${h(interpreterName(report, p))}<small class="mono">${h(p)}</small>${f ? `<small>${h(f.platform)} · default ${h(f.defaultMethod)}</small>` : ''}${libs ? `<small>${h(libs)}</small>` : ''}</th>`;
  });
  const body = m.rows.map((r, ri) =>
    `<tr><th scope="row">${h(r.family)}</th><th scope="row">${h(r.method)}</th>${m.cols.map((_, ci) => cell(`${ri}-${ci}`, m.cells.get(`${ri}-${ci}`) ?? [])).join('')}</tr>`);
  return `<table class="matrix"><caption class="muted">Rows: scenario family × start method. Columns: interpreters. Click a cell for its cases.</caption>
<thead><tr><th scope="col">family</th><th scope="col">start method</th>${head.join('')}</tr></thead>
<tbody>
${body.join('\n')}
</tbody></table>`;
}

function cell(key: string, cases: readonly CaseResult[]): string {
  const worst = worstVerdict(cases.map((c) => c.verdict.kind));
  if (worst === null) return `<td class="cell empty">—</td>`;
  const counts = new Map<VerdictKind, number>();
  for (const c of cases) counts.set(c.verdict.kind, (counts.get(c.verdict.kind) ?? 0) + 1);
  const text = VERDICTS.filter((k) => counts.has(k)).map((k) => `${counts.get(k)} ${k}`).join(' · ');
  return `<td class="cell v-${worst}" data-cell="${key}"><a href="#list-${key}"><span class="worst">${worst}</span><span class="counts">${text}</span></a></td>`;
}
