/**
 * Safety: hostile strings in every string-accepting position of scenario JSON are rejected, free
 * header text only ever renders as comments (compiled, run, a canary never appears), process
 * output reaches HTML and Markdown escaped, and children see only the documented environment.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { executeProgram } from '../../src/execute/index.js';
import { childEnv } from '../../src/execute/env.js';
import { observe } from '../../src/observe/index.js';
import { renderScenario } from '../../src/render/index.js';
import { indexHtml } from '../../src/report/html.js';
import { summaryMarkdown } from '../../src/report/markdown.js';
import { parseScenario, ScenarioValidationError } from '../../src/scenario/validate.js';
import { dialectFor } from '../../src/targets/index.js';
import { buildCases, buildReport } from '../report/fixtures.js';
import { python } from '../support/pythons.js';

const py = python('3.12') ?? python('debian');
const scratch = mkdtempSync(join(tmpdir(), 'mpconform-safety-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const CANARY = join(scratch, 'CANARY');

/** A valid scenario with every kind of field: name, enums, ids, booleans, a pass list, a grandchild. */
const BASE = {
  version: 1,
  name: 'all-fields',
  steps: [
    { op: 'set-start-method', at: 'top', method: 'fork', force: true },
    { op: 'get-start-method', at: 'main', allowNone: true },
    { op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'fork' },
    { op: 'start', at: 'main', id: 1, worker: 'process', ctx: 'fork', pass: [{ obj: 0, via: 'process-arg' }], action: 'use', target: 'function', grandchild: 'fork' },
    { op: 'context-set-start-method', at: 'main', ctx: 'spawn' },
    { op: 'set-global', at: 'main' },
  ],
};

/** Every JSON path of BASE that holds a value (each one a position a hostile string can take). */
function positions(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [...(path.length ? [path] : []), ...v.flatMap((x, i) => positions(x, [...path, i]))];
  if (typeof v === 'object' && v !== null) return [...(path.length ? [path] : []), ...Object.entries(v).flatMap(([k, x]) => positions(x, [...path, k]))];
  return [path];
}
const POSITIONS = positions(BASE);

function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = value;
  return copy;
}

const NASTY = [
  `"`, `'`, `'''`, `"""`, '\\', '\n', '\r\n', '\r', '\u0000', '\u2028', '\u2029', '\u0085', '\ufeff', '\u001b[31m',
  `__import__('os').system('touch ${CANARY}')`, `open(${JSON.stringify(CANARY)}, 'w')`, `'); import os; os.system('id') #`,
  '# -*- coding: latin-1 -*-', '${x}', '{0}', '%s', '<script>alert(1)</script>', '|', '```', 'fork\u0000', 'fork\n', ' fork', 'Fork',
];
const hostile = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.tuple(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...NASTY)).map(([a, b, c]) => a + b + c),
  fc.tuple(fc.constantFrom('fork', 'spawn', 'Lock', 'main', 'process', 'use', 'function', 'all-fields'), fc.constantFrom(...NASTY)).map(([a, b]) => a + b),
);

describe('hostile strings in scenario JSON', () => {
  test('the base scenario is valid (so every rejection below is the hostile value\'s)', () => {
    expect(() => parseScenario(BASE)).not.toThrow();
    expect(POSITIONS.length).toBeGreaterThan(25);
  });

  test('in every position (and as unknown keys) they are rejected by parseScenario with a one-line, printable message', () => {
    fc.assert(fc.property(fc.constantFrom(...POSITIONS), hostile, (path, value) => {
      const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], BASE);
      // the value itself, and (where the parent is an object) the value as an extra key
      const variants = [setAt(BASE, path, value), ...(Array.isArray(parent) ? [] : [setAt(BASE, [...path.slice(0, -1), value], 1)])];
      for (const bad of variants) {
        let error: unknown = null;
        try {
          parseScenario(bad);
        } catch (e) {
          error = e;
        }
        expect(error, `${JSON.stringify(path)} = ${JSON.stringify(value)}`).toBeInstanceOf(ScenarioValidationError);
        expect((error as Error).message).toMatch(/^[\x20-\x7e]+$/);
      }
    }), { numRuns: 600 });
  });

  test('as header text they render only as comments: py_compile passes, running the program never creates the canary', async () => {
    const files: string[] = [];
    const dialect = dialectFor('multiprocessing');
    const plain = { version: 1 as const, steps: [{ op: 'get-start-method' as const, at: 'main' as const, allowNone: true }] };
    fc.assert(fc.property(fc.array(hostile, { minLength: 1, maxLength: 4 }), (header) => {
      const source = renderScenario(plain, dialect, { header });
      const lines = source.split(/\r\n|\r|\n/); // what Python's tokenizer takes as line ends
      const firstCode = lines.findIndex((l) => !l.startsWith('#') && l !== '');
      // every line before the imports is a comment, and nothing hostile survives outside comments
      expect(lines[firstCode], JSON.stringify(source)).toMatch(/^import /);
      expect(lines.slice(firstCode).join('\n')).not.toMatch(/CANARY|system\(|__import__/);
      const file = join(scratch, `h${files.length}.py`);
      writeFileSync(file, source);
      files.push(file);
    }), { numRuns: 150 });
    if (py === null) return;
    // compile all, then run all as __main__ (cheap: the program only asks for the start method)
    const check = `import py_compile, runpy, sys
for f in sys.argv[1:]:
    py_compile.compile(f, doraise=True, cfile=f + 'c')
    runpy.run_path(f, run_name='__main__')
print('ran', len(sys.argv) - 1)
`;
    const r = await execa(py, ['-c', check, ...files], { reject: false, cwd: scratch, env: { PATH: process.env['PATH'] ?? '' }, extendEnv: false });
    expect(r.exitCode, String(r.stderr)).toBe(0);
    expect(String(r.stdout).trim().split('\n').pop()).toBe(`ran ${files.length}`);
    expect(existsSync(CANARY)).toBe(false);
  });
});

describe.skipIf(py === null)('a child gets only the documented environment', () => {
  test('an unrelated parent variable (MPCONFORM_SECRET_TEST) reaches no process of the tree', async () => {
    process.env['MPCONFORM_SECRET_TEST'] = '1';
    process.env['PYTHONSTARTUP'] = join(scratch, 'startup.py');
    try {
      const source = `import multiprocessing as mp, os
def show(tag):
    print('@note ' + tag + '.env', ','.join(sorted(os.environ)), flush=True)
if __name__ == '__main__':
    show('main')
    for m in ('fork', 'spawn', 'forkserver'):
        p = mp.get_context(m).Process(target=show, args=(m,), name=m)
        p.start(); p.join()
`;
      const raw = await executeProgram({ python: py!, source, timeoutMs: 20_000 });
      const documented = Object.keys(childEnv({ probeDir: 'p', eventsFile: 'e', token: 't', tmpDir: 'd' })).sort();
      expect(documented).toEqual(['HOME', 'LANG', 'LC_ALL', 'MPCONFORM_EVENTS', 'MPCONFORM_RUN_TOKEN', 'PATH', 'PYTHONDONTWRITEBYTECODE', 'PYTHONIOENCODING', 'PYTHONPATH', 'TMPDIR'].sort());
      for (const tag of ['main', 'fork', 'spawn', 'forkserver']) {
        const seen = (raw.notes[`${tag}.env`] ?? '').split(',').filter((k) => k !== 'LC_CTYPE'); // CPython may add LC_CTYPE on coercion
        expect(seen, tag).not.toContain('MPCONFORM_SECRET_TEST');
        expect(seen, tag).not.toContain('PYTHONSTARTUP');
        expect(seen.every((k) => documented.includes(k)), `${tag}: ${seen.join(',')}`).toBe(true);
      }
      // env.ts documents every variable it passes
      const doc = readFileSync(new URL('../../src/execute/env.ts', import.meta.url), 'utf8');
      for (const k of documented) expect(doc.includes(k) || (k.startsWith('MPCONFORM_') && doc.includes(k.replace('MPCONFORM_', ''))), k).toBe(true);
    } finally {
      delete process.env['MPCONFORM_SECRET_TEST'];
      delete process.env['PYTHONSTARTUP'];
    }
  });
});

describe.skipIf(py === null)('what came from a real process is escaped in HTML and Markdown reports', () => {
  test('a process name, an exception message and a stderr with <script>, | and newlines', async () => {
    const source = `import multiprocessing as mp, sys
def boom():
    raise ValueError('<script>alert("msg")</script> a | b\\nsecond line')
if __name__ == '__main__':
    sys.stderr.write('<script>alert("stderr")</script> | ${'`'}${'`'}${'`'} & \\x1b[31m\\n'); sys.stderr.flush()
    p = mp.get_context('fork').Process(target=boom, name='<img src=x onerror=alert(1)>|w1')
    p.start(); p.join()
`;
    const o = observe(await executeProgram({ python: py!, source, timeoutMs: 20_000 }));
    const child = o.processes.find((p) => p.name?.startsWith('<img'));
    expect(child?.exception?.message).toContain('<script>');
    const cases = buildCases();
    const i = cases.findIndex((c) => c.verdict.kind === 'fail');
    cases[i] = { ...cases[i]!, observation: o, verdict: { kind: 'fail', mismatches: [{ label: 'main', expected: ['<script>x</script>|'], observed: 'exception:ValueError', rules: ['r'] }] } as never };
    const report = buildReport(cases);
    const html = indexHtml(report);
    const md = summaryMarkdown(report, { repros: new Map() } as never);
    for (const text of [html]) {
      expect(text).not.toMatch(/<script>alert|<img src=x/);
    }
    // Markdown: outside code fences no raw tag survives, and table rows keep their column count
    const outside = md.split(/^`{3,}.*$[\s\S]*?^`{3,}$/m).join('');
    expect(outside).not.toMatch(/<script|<img/);
    for (const row of outside.split('\n').filter((l) => l.startsWith('| ') && l.includes('alert'))) {
      expect(row.replace(/\\\|/g, '').match(/\|/g)!.length, row).toBeGreaterThanOrEqual(2);
      expect(row).not.toMatch(/[^\\]\| b/);
    }
  });
});
