/**
 * The "By scenario" view of index.html: one scenario on one interpreter, its outcome per target in
 * adjacent columns. Cases are matched across targets by {@link scenarioHash} (the program's steps,
 * independent of case ids and sampling order) of the scenario they ran — not of a shrunk minimal,
 * which differs per target.
 */
import type { CaseResult, RunReport } from '../model/report.js';
import { escapeHtml as h } from './escape.js';
import { startMethodOf } from './describe.js';
import { scenarioHash } from './scenario-hash.js';

/** One scenario on one interpreter that ran on more than one target. */
export interface ScenarioRow {
  readonly python: string;
  /** {@link scenarioHash} of the scenario. */
  readonly hash: string;
  /** The family and start method of its first case (a scenario two families generated shows the first's). */
  readonly family: string;
  readonly method: string;
  /** Target → the cases of this scenario on this interpreter and target, in report order. */
  readonly cells: ReadonlyMap<string, readonly CaseResult[]>;
  /**
   * What differs between the targets that ran it (skipped cases ran nothing and are left out of
   * the comparison): `verdict` when their verdicts differ, then each process label whose observed
   * outcomes differ between two targets that both have the label. Empty: the targets agree.
   */
  readonly differs: readonly string[];
}

/** The view's rows and the targets its columns show (in the report's target order). */
export interface ScenarioView {
  readonly targets: readonly string[];
  readonly rows: readonly ScenarioRow[];
}

/** A case's observed outcomes per process label (distinct, sorted, ` + `-joined); expected labels not observed are `absent`. */
export function observedByLabel(c: CaseResult): Map<string, string> {
  const out = new Map<string, Set<string>>();
  for (const p of c.observation?.processes ?? []) {
    if (p.label === null) continue;
    let set = out.get(p.label);
    if (set === undefined) out.set(p.label, (set = new Set()));
    set.add(p.outcome);
  }
  for (const p of c.expectation.processes) if (!out.has(p.label)) out.set(p.label, new Set(['absent']));
  return new Map([...out].map(([label, set]) => [label, [...set].sort().join(' + ')]));
}

/** The main process's observed outcome as a cell shows it: `(not run)` for a skipped case. */
export function mainOutcome(c: CaseResult): string {
  if (c.observation === null) return '(not run)';
  return observedByLabel(c).get('main') ?? 'absent';
}

/** What differs between the cells of a row (see {@link ScenarioRow.differs}). */
export function differences(cells: ReadonlyMap<string, readonly CaseResult[]>): string[] {
  const ran = [...cells.values()].map((cs) => cs.filter((c) => c.observation !== null)).filter((cs) => cs.length > 0);
  if (ran.length < 2) return [];
  const out: string[] = [];
  const verdicts = new Set(ran.map((cs) => [...new Set(cs.map((c) => c.verdict.kind))].sort().join('|')));
  if (verdicts.size > 1) out.push('verdict');
  // per target: label → the union of its cases' outcomes
  const perTarget = ran.map((cs) => {
    const m = new Map<string, Set<string>>();
    for (const c of cs) {
      for (const [label, text] of observedByLabel(c)) {
        let set = m.get(label);
        if (set === undefined) m.set(label, (set = new Set()));
        for (const o of text.split(' + ')) set.add(o);
      }
    }
    return new Map([...m].map(([label, set]) => [label, [...set].sort().join(' + ')]));
  });
  const labels = [...new Set(perTarget.flatMap((m) => [...m.keys()]))];
  // main first, then the labels in the order the first target lists them
  labels.sort((a, b) => (a === 'main' ? -1 : b === 'main' ? 1 : 0));
  for (const label of labels) {
    const seen = new Set(perTarget.flatMap((m) => (m.has(label) ? [m.get(label)!] : [])));
    const having = perTarget.filter((m) => m.has(label)).length;
    if (having >= 2 && seen.size > 1) out.push(label);
  }
  return out;
}

/**
 * The rows of the view: every (interpreter, scenario) that has cases on two or more targets.
 * Rows where the targets disagree come first; otherwise rows keep the order of their first case.
 */
export function scenarioView(report: RunReport): ScenarioView {
  const groups = new Map<string, { python: string; hash: string; first: CaseResult; cells: Map<string, CaseResult[]> }>();
  for (const c of report.cases) {
    const hash = scenarioHash(c.scenario);
    const key = `${c.python}\u0000${hash}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { python: c.python, hash, first: c, cells: new Map() }));
    let cell = g.cells.get(c.target);
    if (cell === undefined) g.cells.set(c.target, (cell = []));
    cell.push(c);
  }
  const rows: ScenarioRow[] = [];
  for (const g of groups.values()) {
    if (g.cells.size < 2) continue;
    rows.push({ python: g.python, hash: g.hash, family: g.first.family, method: startMethodOf(g.first.scenario), cells: g.cells, differs: differences(g.cells) });
  }
  const order = new Map(rows.map((r, i) => [r, i]));
  rows.sort((a, b) => (Number(b.differs.length > 0) - Number(a.differs.length > 0)) || (order.get(a)! - order.get(b)!));
  const used = new Set(rows.flatMap((r) => [...r.cells.keys()]));
  const all = [...new Set([...report.targets, ...report.cases.map((c) => c.target)])];
  return { targets: all.filter((t) => used.has(t)), rows };
}

/**
 * The section's static part: caption, controls and the container the script fills (or the reason
 * there is nothing to compare). Every text is escaped; the rows themselves are built by the
 * script from the page data with textContent.
 */
export function scenarioSection(view: ScenarioView): string {
  if (view.rows.length === 0) {
    return '<p class="muted" id="scen-none">No scenario ran on more than one target on the same interpreter: there is nothing to compare side by side.</p>';
  }
  const disagree = view.rows.filter((r) => r.differs.length > 0).length;
  return `<p class="muted">Rows: one scenario on one interpreter that ran on two or more targets (${view.rows.length}; ${disagree} where the targets disagree, listed first and marked). Columns: ${h(view.targets.join(', '))}. A cell shows the case's verdict and how its main process ended, and links to the case. Targets disagree when their verdicts differ or a process label ended differently; skipped cases ran nothing and are not compared.</p>
<p class="scen-controls"><label><input type="checkbox" id="f-disagree"> only scenarios where the targets disagree</label> <span id="scen-shown" class="muted" aria-live="polite"></span></p>
<div id="scen-list"><p class="muted">The side-by-side view needs JavaScript; report.json holds every case.</p></div>
<p><button type="button" id="scen-more" hidden>show more scenarios</button></p>`;
}
