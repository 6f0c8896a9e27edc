import fc from 'fast-check';
import { NAMED_LABEL } from '../contracts/labels.js';
import { ARGV_EXTRA, ARGV_VALUES, SCENARIO_NOTE_KEY, SYSPATH_VALUES } from '../contracts/notes.js';
import { describe, expect, it } from 'vitest';
import {
  contextSetOnceArb, corpus, crossContextSemLockArb, defaultsArb, globalsArb, guardArb,
  inheritanceOnlyArb, picklabilityArb, scenarioArb,
} from '../../scenarios/index.js';
import type { Scenario } from '../scenario/types.js';
import { ScenarioValidationError } from '../scenario/validate.js';
import { moduleDialect, stdlibDialect } from '../targets/index.js';
import type { InterpreterFacts } from '../model/facts.js';
import { LITERAL_PATTERN } from '../python/source.js';
import { UnsupportedScenarioError, printAsPython, renderScenario, withPythonPrinting } from './index.js';
import { PY312, PY313, PY37, compileAll, hasPython, notesOf, runProgram } from '../../test/support/python-kit.js';

const ALL_ARBS = [scenarioArb(), contextSetOnceArb(), guardArb(), crossContextSemLockArb(), inheritanceOnlyArb(), globalsArb(), picklabilityArb(), defaultsArb()];
const SAMPLES: Scenario[] = [
  ...corpus.map((c) => c.scenario),
  ...ALL_ARBS.flatMap((arb, i) => fc.sample(arb, { seed: 1000 + i, numRuns: i === 0 ? 300 : 60 })),
];

const inner = (re: RegExp): string => re.source.replace(/^\^/, '').replace(/\$$/, '');
const ALLOWED_LITERAL = new RegExp(`^(fork|spawn|forkserver|nope|i|k|initial|changed|__main__|${Object.values(SYSPATH_VALUES).join('|')}|${Object.values(ARGV_VALUES).join('|')}|${ARGV_EXTRA}|${inner(NAMED_LABEL)}|raised by worker \\d+|@note %s %s%s|${inner(SCENARIO_NOTE_KEY)})$`);

const docsExample: Scenario = {
  version: 1,
  name: 'docs-get-context-spawn-queue',
  steps: [
    { op: 'create', at: 'main', id: 0, kind: 'Queue', ctx: 'spawn' },
    { op: 'start', at: 'main', id: 1, worker: 'process', ctx: 'spawn', pass: [{ obj: 0, via: 'process-arg' }], action: 'use', target: 'function', grandchild: null },
  ],
};

describe('renderScenario', () => {
  it('renders the docs contexts example exactly as SEMANTICS.md describes', () => {
    expect(renderScenario(docsExample)).toBe([
      '# mpconform scenario: docs-get-context-spawn-queue',
      '# target multiprocessing; rendered per src/render/SEMANTICS.md',
      'import multiprocessing as mp',
      'import sys',
      '',
      'def note(key, value):',
      '    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave',
      "    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))",
      '    sys.stdout.flush()',
      '',
      'def work_1(o0):',
      '    o0.put(1)',
      '    return 1',
      '',
      "if __name__ == '__main__':",
      "    ctx_spawn = mp.get_context('spawn')",
      '    o0 = ctx_spawn.Queue()',
      "    p1 = ctx_spawn.Process(target=work_1, args=(o0,), name='w1')",
      '    p1.start()',
      '    p1.join()',
      "    note('w1.exitcode', p1.exitcode)",
      '',
    ].join('\n'));
  });

  it('renders top-level steps, pools with initargs, lambdas and guarded functions', () => {
    const s: Scenario = {
      version: 1,
      steps: [
        { op: 'set-start-method', at: 'top', method: 'spawn', force: true },
        { op: 'create', at: 'top', id: 0, kind: 'Lock', ctx: 'fork' },
        { op: 'set-global', at: 'main' },
        { op: 'start', at: 'main', id: 1, worker: 'pool-map', ctx: 'fork', pass: [{ obj: 0, via: 'initargs' }], action: 'use', target: 'lambda', grandchild: null },
        { op: 'start', at: 'main', id: 2, worker: 'process', ctx: 'default', pass: [], action: 'read-global', target: 'guarded-function', grandchild: 'spawn' },
      ],
    };
    const py = renderScenario(s);
    expect(py).toContain("G = 'initial'\n");
    expect(py).toContain("mp.set_start_method('spawn', force=True)\nctx_fork = mp.get_context('fork')\no0 = ctx_fork.Lock()\n");
    expect(py).toContain('def init_1(o0):\n    global I1_o0\n    I1_o0 = o0\n');
    expect(py).toContain('def work_1(_task):\n    with I1_o0:\n        pass\n    return 1\n');
    expect(py).toContain("    with ctx_fork.Pool(2, initializer=init_1, initargs=(o0,)) as pool1:\n        note('w1.result', pool1.map(lambda *a: work_1(*a), [0, 0]))\n");
    expect(py).toContain("    def work_2():\n        note('w2.global', G)\n        g = mp.get_context('spawn').Process(target=grand_2, name='w2.g')\n");
    expect(py.indexOf('    def work_2')).toBeLessThan(py.indexOf('    p2 = mp.Process'));
    expect(py.indexOf("if __name__ == '__main__':")).toBeGreaterThan(py.indexOf('o0 = ctx_fork.Lock()'));
  });

  it('is deterministic and emits only literals built from enums and ints', () => {
    for (const s of SAMPLES) {
      const py = renderScenario(s);
      expect(renderScenario(s)).toBe(py);
      const code = py.split('\n').filter((l) => !l.startsWith('#'));
      for (const line of code) {
        expect(line).not.toMatch(/["\\]/);
        for (const m of line.matchAll(LITERAL_PATTERN)) expect(m[1]).toMatch(ALLOWED_LITERAL);
      }
    }
  });

  it('re-validates: a hostile value cast to Scenario is rejected, never rendered', () => {
    const hostile = { version: 1, steps: [{ op: 'set-start-method', at: 'main', method: "spawn'); __import__('os').system('id'); ('", force: false }] };
    expect(() => renderScenario(hostile as unknown as Scenario)).toThrow(ScenarioValidationError);
  });

  it('keeps free header text inside comments, after the two fixed lines', () => {
    const py = renderScenario(docsExample, stdlibDialect, { header: ['# -*- coding: latin-1 -*-', "observed: boom\nimport os\r\nos.system('x')\u0000"] });
    const lines = py.split('\n');
    expect(lines[0]).toBe('# mpconform scenario: docs-get-context-spawn-queue');
    const headerEnd = lines.indexOf('import multiprocessing as mp');
    expect(lines.slice(0, headerEnd).every((l) => l.startsWith('#'))).toBe(true);
    expect(lines.slice(0, headerEnd)).toContain('# import os');
    expect(py).not.toContain('\u0000');
  });

  it('refuses scenarios the dialect declares unsupported', () => {
    const noExecutor = moduleDialect({ id: 'multiprocess', module: 'multiprocess', executor: false });
    const s: Scenario = { version: 1, steps: [{ op: 'start', at: 'main', id: 0, worker: 'executor-submit', ctx: 'default', pass: [], action: 'use', target: 'function', grandchild: null }] };
    expect(() => renderScenario(s, noExecutor)).toThrow(UnsupportedScenarioError);
    expect(renderScenario(s, stdlibDialect)).toContain('import concurrent.futures');
    const shm: Scenario = { version: 1, steps: [{ op: 'create', at: 'main', id: 0, kind: 'SharedMemory', ctx: 'default' }] };
    const py37 = { implementation: 'cpython', version: '3.7.16', platform: 'linux' } as InterpreterFacts;
    // the stdlib's ImportError on 3.7 is judged (rule platform.shared-memory-3.8); a library's missing module is not
    expect(stdlibDialect.unsupported(shm, py37)).toBeNull();
    expect(noExecutor.unsupported(shm, py37)).toMatch(/3\.8/);
    expect(noExecutor.unsupported(shm, { ...py37, version: '3.8.18' })).toBeNull();
  });

  it('prints scenarios as Python through fc.toStringMethod without changing their JSON', () => {
    const printable = withPythonPrinting(docsExample);
    expect(fc.stringify(printable)).toContain("ctx_spawn = mp.get_context('spawn')");
    expect(JSON.stringify(printable)).toBe(JSON.stringify(docsExample));
    expect(printable).toEqual(docsExample);
    const [sample] = fc.sample(printAsPython(scenarioArb()), { seed: 3, numRuns: 1 });
    expect(fc.stringify(sample)).toContain('import multiprocessing as mp');
  });
});

describe.each([
  ['3.7 (oldest)', PY37],
  ['3.13 (newest)', PY313],
])('rendered programs compile on %s', (_label, python) => {
  it.skipIf(!hasPython(python))(`compiles ${SAMPLES.length} programs in one invocation (skipped if ${python} is missing)`, () => {
    const programs = SAMPLES.map((s) => renderScenario(s));
    const failures = compileAll(python, programs);
    expect(failures.map(([i, err]) => `${err}\n${programs[i] ?? ''}`)).toEqual([]);
  });
});

describe('rendered programs run on 3.12', () => {
  const cases: [string, Scenario, Record<string, string>][] = [
    ['fork Process with a Lock', {
      version: 1,
      steps: [
        { op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'fork' },
        { op: 'start', at: 'main', id: 1, worker: 'process', ctx: 'fork', pass: [{ obj: 0, via: 'process-arg' }], action: 'use', target: 'function', grandchild: null },
      ],
    }, { 'w1.exitcode': '0' }],
    ['docs spawn Queue example', docsExample, { 'w1.exitcode': '0' }],
    ['spawn pool with a Value initarg, reporting the method', {
      version: 1,
      steps: [
        { op: 'create', at: 'main', id: 0, kind: 'Value', ctx: 'spawn' },
        { op: 'get-start-method', at: 'main', allowNone: true },
        { op: 'start', at: 'main', id: 1, worker: 'pool-apply_async', ctx: 'spawn', pass: [{ obj: 0, via: 'initargs' }], action: 'use', target: 'function', grandchild: null },
      ],
    }, { 'w1.result': '1', 's1.method': 'None' }],
    ['executor map over a Manager dict, forkserver grandchild', {
      version: 1,
      steps: [
        { op: 'set-global', at: 'top' },
        { op: 'create', at: 'main', id: 0, kind: 'ManagerDict', ctx: 'default' },
        { op: 'start', at: 'main', id: 1, worker: 'executor-map', ctx: 'forkserver', pass: [{ obj: 0, via: 'task-arg' }], action: 'use', target: 'function', grandchild: null },
        { op: 'start', at: 'main', id: 2, worker: 'process', ctx: 'spawn', pass: [], action: 'read-global', target: 'function', grandchild: 'forkserver' },
      ],
    }, { 'w1.result': '[1, 1]', 'w2.global': 'changed', 'w2.g.method': 'forkserver', 'w2.g.exitcode': '0', 'w2.exitcode': '0' }],
  ];
  it.skipIf(!hasPython(PY312)).each(cases)(`%s (skipped if ${PY312} is missing)`, (_label, scenario, notes) => {
    const r = runProgram(PY312, renderScenario(scenario));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(notesOf(r.stdout)).toMatchObject(notes);
  });
});
