/**
 * `deviationsFromCases`: a starting deviations file from current failures (for
 * `mpconform run --update-expectations FILE`), one entry per (target, label, observed outcome or
 * note value, worker kinds, start methods, Python minor), conditioned on the features every case
 * of the group shares, each with `"reason": "TODO: explain"` for a maintainer to review.
 */
import type { InterpreterFacts } from '../model/facts.js';
import type { CaseResult } from '../model/report.js';
import { featuresOf } from './features.js';
import type { ScenarioFeatures } from './features.js';

/**
 * One entry as written to the file (the JSON shape of FORMAT.md).
 *
 * @public
 */
export interface DeviationEntry {
  readonly target: string;
  readonly when: Readonly<Record<string, string | boolean | readonly string[]>>;
  readonly outcome?: string;
  readonly note?: string;
  readonly value?: string;
  readonly reason: string;
}

/**
 * The JSON document of a deviations file.
 *
 * @public
 */
export interface DeviationsDocument {
  readonly version: 1;
  readonly deviations: readonly DeviationEntry[];
}

interface Group {
  readonly head: Omit<DeviationEntry, 'when' | 'reason'>;
  readonly label: string | null;
  readonly python: string | null;
  readonly features: ScenarioFeatures[];
  readonly families: Set<string>;
}

function common(lists: readonly (readonly string[])[]): string[] {
  const [first, ...rest] = lists;
  return first === undefined ? [] : first.filter((x) => rest.every((l) => l.includes(x)));
}

function minorRange(version: string): string {
  const [major, minor] = version.split('.');
  return `>=${major}.${minor},<${major}.${Number(minor) + 1}`;
}

/** A starting deviations document from the failing cases (stable order, no duplicates). */
export function deviationsFromCases(cases: readonly CaseResult[], interpreters: readonly InterpreterFacts[] = []): DeviationsDocument {
  const groups = new Map<string, Group>();
  for (const c of cases) {
    if (c.verdict.kind !== 'fail') continue;
    const features = featuresOf(c.scenario);
    const facts = interpreters.find((i) => i.path === c.python);
    const python = facts === undefined ? null : minorRange(facts.version);
    for (const m of c.verdict.mismatches) {
      const isNote = m.label.startsWith('note ');
      const head = isNote ? { target: c.target, note: m.label.slice(5), value: m.observed } : { target: c.target, outcome: m.observed };
      const label = isNote ? null : m.label;
      const key = JSON.stringify([head, label, python, features.workers, features.startMethods]);
      const g = groups.get(key) ?? { head, label, python, features: [], families: new Set<string>() };
      g.features.push(features);
      g.families.add(c.family);
      groups.set(key, g);
    }
  }
  const entries = [...groups.values()].map((g): DeviationEntry => {
    const when: Record<string, string | boolean | readonly string[]> = {};
    const put = (k: string, values: readonly string[]): void => { if (values.length > 0) when[k] = values; };
    put('worker', common(g.features.map((f) => f.workers)));
    put('startMethod', common(g.features.map((f) => f.startMethods)));
    put('objectKind', common(g.features.map((f) => f.objectKinds)));
    put('channel', common(g.features.map((f) => f.channels)));
    put('targetForm', common(g.features.map((f) => f.targetForms)));
    put('guard', common(g.features.map((f) => [f.guard])));
    if (g.families.size === 1) put('family', [...g.families]);
    if (g.label !== null) put('label', [g.label]);
    if (g.python !== null) when['python'] = g.python;
    return { ...g.head, when, reason: 'TODO: explain' };
  });
  entries.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { version: 1, deviations: entries };
}

/**
 * The document as file text: one entry per block, two-space indent, trailing newline.
 *
 * @public
 */
export function formatDeviations(doc: DeviationsDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
