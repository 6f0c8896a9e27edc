/**
 * The import graph of src/ and scenarios/: every import points down the stage order below, and no
 * import cycle exists (between files, or between the directories of the order).
 * Parses the sources with the TypeScript compiler (static imports, `export … from`, `import()`),
 * type-only imports included: a type is a dependency too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The stage order, bottom first: a module may import only from its own unit or from a unit listed
 * before it. A unit is a directory of src/ (or a file directly in src/, or scenarios/), or a file
 * listed here on its own (an entry). Nothing in src/ or scenarios/ imports from elsewhere (test/),
 * except tests beside the code.
 */
export const STAGE_ORDER: readonly string[] = [
  // the bottom: shared by every stage, importing nothing of ours (or only each other, in this order)
  'src/errors', //         one error base (MpconformError) and the small error classes
  'src/contracts', //      what two stages must agree on: note keys, probe events, env names, process labels, libraries
  'src/version.ts', //     the tool's version
  'src/fsutil', //         file system helpers
  'src/options', //        validating option values at the boundary (commands and the programmatic API)
  'src/outcome', //        the outcome vocabulary
  'src/scenario', //       the scenario language (types, rules, validation)
  'src/model', //          the data model: facts, observation, expectation, verdict, case result, report
  // scenario → render
  'src/python', //         the only ways to spell a Python identifier or literal (renderer and dialects)
  'src/targets', //        the libraries under test: one dialect each
  'src/render', //         scenario → Python program
  'scenarios', //          scenario generators (fast-check), printed as Python
  // → execute
  'src/probe', //          the in-process probe: its files, and what its records mean (roles)
  'src/execute', //        running one program under the probe
  'src/interpreters', //   finding interpreters and probing their facts (runs Python through execute)
  // → observe → oracle → verdict
  'src/observe', //        raw run → one outcome per process
  'src/oracle', //         scenario × facts → expectation (never reads an observation)
  'src/verdict', //        expectation × observation → verdict
  'src/deviations', //     a library's declared deviations turn verdicts into expected failures
  // → report
  'src/report', //         report files (JSON, HTML, JUnit, Markdown, repros)
  'src/run', //            the engine: families × interpreters × targets → a report
  'src/cli', //            the command line
  'src/vitest', //         vitest helpers for pool authors (matcher, interpreters, seed)
  'src/public', //         the public API, grouped by what a pool author does
  'src/index.ts', //       the entries: re-exports of src/public only
  'src/vitest/index.ts',
];

interface SourceFile { readonly path: string; readonly imports: readonly string[] }

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listTs(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Relative import specifiers of a file, resolved to repo-relative paths of .ts files. */
function importsOf(file: string, text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  const out: string[] = [];
  for (const ref of info.importedFiles) {
    if (!ref.fileName.startsWith('.')) continue;
    let target = resolve(dirname(file), ref.fileName.replace(/\.js$/, '.ts'));
    if (!target.endsWith('.ts')) target = `${target}.ts`;
    out.push(relative(ROOT, target));
  }
  return out;
}

function loadGraph(): SourceFile[] {
  const files = [...listTs(join(ROOT, 'src')), ...listTs(join(ROOT, 'scenarios'))];
  return files.map((f) => ({ path: relative(ROOT, f), imports: importsOf(f, readFileSync(f, 'utf8')) }));
}

/** The unit of the stage order a file belongs to (`src/<dir>`, `src/<file>.ts`, `scenarios`). */
export function unitOf(path: string): string {
  if (STAGE_ORDER.includes(path)) return path;
  const parts = path.split('/');
  if (parts[0] !== 'src' && parts[0] !== 'scenarios') return parts[0] ?? path;
  if (parts[0] === 'scenarios') return 'scenarios';
  return parts.length === 2 ? path : `${parts[0]}/${parts[1]}`;
}

const isTest = (path: string): boolean => path.endsWith('.test.ts');

/** Import edges that point to a unit not below the importer's (tests beside the code are exempt: nothing imports them). */
export function backEdges(files: readonly SourceFile[], order: readonly string[] = STAGE_ORDER): string[] {
  const rank = new Map(order.map((u, i) => [u, i]));
  const out: string[] = [];
  for (const f of files) {
    if (isTest(f.path)) continue;
    const from = unitOf(f.path);
    for (const target of f.imports) {
      const to = unitOf(target);
      if (to === from) continue;
      const a = rank.get(from);
      const b = rank.get(to);
      if (a === undefined || b === undefined || b > a) out.push(`${f.path} -> ${target} (${from} must not import ${to})`);
    }
  }
  return out;
}

/** Strongly connected components with more than one node (or a self-loop): the cycles of a graph. */
export function cycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (edges.get(v)?.has(v) ?? false)) out.push(scc.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

function graph(files: readonly SourceFile[], key: (path: string) => string): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const f of files) {
    const from = key(f.path);
    if (!edges.has(from)) edges.set(from, new Set());
    for (const t of f.imports) {
      const to = key(t);
      if (to !== from) edges.get(from)!.add(to);
    }
  }
  return edges;
}

const files = loadGraph();

describe('imports follow the stage order', () => {
  test('every unit of src/ and scenarios/ has a place in the stage order', () => {
    const units = [...new Set(files.map((f) => unitOf(f.path)))].sort();
    expect(units.filter((u) => !STAGE_ORDER.includes(u))).toEqual([]);
  });

  test('every relative import resolves to a source file', () => {
    const known = new Set(files.map((f) => f.path));
    const inside = (t: string): boolean => t.startsWith('src/') || t.startsWith('scenarios/');
    const missing = files.flatMap((f) => f.imports.filter((t) => inside(t) && !known.has(t)).map((t) => `${f.path} -> ${t}`));
    expect(missing).toEqual([]);
  });

  test('no import points back up the stage order', () => {
    expect(backEdges(files)).toEqual([]);
  });

  test('no import cycle between files', () => {
    expect(cycles(graph(files, (p) => p))).toEqual([]);
  });

  test('no import cycle between the units of the stage order (tests beside the code excluded)', () => {
    expect(cycles(graph(files.filter((f) => !isTest(f.path)), unitOf))).toEqual([]);
  });

  test('the checks catch a back-edge and a cycle', () => {
    const planted: SourceFile[] = [
      { path: 'src/model/verdict.ts', imports: ['src/report/totals.ts'] },
      { path: 'src/report/totals.ts', imports: ['src/model/verdict.ts'] },
    ];
    expect(backEdges(planted)).toEqual(['src/model/verdict.ts -> src/report/totals.ts (src/model must not import src/report)']);
    expect(cycles(graph(planted, (p) => p))).toEqual([['src/model/verdict.ts', 'src/report/totals.ts']]);
    expect(backEdges([{ path: 'src/newstage/a.ts', imports: ['src/model/index.ts'] }])).toHaveLength(1);
  });
});
