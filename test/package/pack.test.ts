// The published shape of mpconform: `npm pack` (its prepack builds dist/), install the tarball into
// an empty project, then use it the way a pool library would — the bin, the ESM API, the
// `mpconform/vitest` subpath, and the worked example of docs/library-authors.md (extracted from the
// doc and run with vitest, then type-checked against the installed .d.ts files).
// Skipped, with the reason in the title, when npm cannot install the tarball offline.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOC = join(ROOT, 'docs', 'library-authors.md');

/** The environment of a user's shell: nothing of this vitest run leaks into the nested npm/node/vitest. */
function userEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VITEST|TEST$|NODE_OPTIONS$|npm_|INIT_CWD$|FORCE_COLOR$)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1' };
}

/** Fenced code blocks of the doc whose info string names a file: ```lang file=PATH. */
export function docFiles(markdown: string): Map<string, string> {
  const files = new Map<string, string>();
  const fence = /^```[a-z]*\s+file=(\S+)\n([\s\S]*?)^```$/gm;
  for (const m of markdown.matchAll(fence)) files.set(m[1]!, m[2]!);
  return files;
}

let work = '';
let project = '';
let skipReason: string | null = null;
let packedFiles: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mpconform-pack-'));
  project = join(work, 'project');
  mkdirSync(project);
  const pack = await execa('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, env: userEnv(), extendEnv: false, reject: false, timeout: 120_000 });
  if (pack.exitCode !== 0) throw new Error(`npm pack failed (${pack.exitCode}):\n${pack.stderr.slice(-3000)}`);
  const json = pack.stdout.slice(pack.stdout.indexOf('['));
  const info = JSON.parse(json) as { filename: string; files: { path: string }[] }[];
  packedFiles = info[0]!.files.map((f) => f.path);
  const tgz = join(work, info[0]!.filename);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'pool-lib-conformance', private: true, type: 'module' }, null, 2));
  const install = await execa('npm', ['install', tgz, '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: project, env: userEnv(), extendEnv: false, reject: false, timeout: 90_000,
  });
  if (install.exitCode !== 0) {
    const line = install.stderr.split('\n').find((l) => /ERR!/.test(l)) ?? `exit ${install.exitCode}`;
    skipReason = `npm could not install the tarball offline: ${line.trim()}`;
  }
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const run = (file: string, args: readonly string[], timeout = 60_000) =>
  execa(file, args, { cwd: project, env: userEnv(), extendEnv: false, reject: false, timeout });

describe('npm pack → npm install → use', () => {
  test('the tarball ships the compiled API, the probe, the schema and the docs, and no tests', () => {
    const has = (p: string) => packedFiles.includes(p);
    for (const p of [
      'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/vitest/index.js', 'dist/src/vitest/index.d.ts',
      'dist/src/cli/main.js', 'dist/src/probe/python/site/sitecustomize.py', 'dist/src/probe/python/facts.py',
      'dist/scenarios/index.js', 'schema/report.schema.json', 'docs/library-authors.md', 'src/deviations/FORMAT.md',
    ]) expect(has(p), p).toBe(true);
    expect(packedFiles.filter((p) => /\.test\.|__pycache__|\.pyc$|^src\/.*\.ts$|^test\//.test(p))).toEqual([]);
  });

  test('npx mpconform --help exits 0 (bin: shebang, executable)', async (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const r = await run('npx', ['--no', '--', 'mpconform', '--help']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^usage: mpconform <command>/);
  });

  test('npx mpconform pythons --json lists python3', async (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const r = await run('npx', ['--no', '--', 'mpconform', 'pythons', '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as { status: string; path: string; facts?: { version: string } }[];
    const py3 = list.filter((p) => p.status === 'ok' && /\/python3$/.test(p.path));
    expect(py3.length, r.stdout.slice(0, 2000)).toBeGreaterThan(0);
  });

  test('an ESM script imports the API, runs a corpus scenario on python3: verdict pass; mpconform/vitest resolves', async (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    writeFileSync(join(project, 'smoke.mjs'), [
      "import { scenarioArb, predict, runScenario, corpus, readReport } from 'mpconform';",
      "import { toConformTo } from 'mpconform/vitest';",
      "import fc from 'fast-check';",
      "if (typeof toConformTo !== 'function') throw new Error('toConformTo missing');",
      "if (fc.sample(scenarioArb(), { numRuns: 2, seed: 1 }).length !== 2) throw new Error('scenarioArb');",
      "const entry = corpus.find((c) => c.name === 'set-start-method-twice');",
      "const r = await runScenario(entry.scenario, { python: 'python3' });",
      "const again = predict(entry.scenario, r.facts);",
      "if (JSON.stringify(again) !== JSON.stringify(r.expectation)) throw new Error('predict differs');",
      // the report schema is found from dist/ (readReport validates against it)
      "await readReport('/nonexistent/report.json').catch((e) => { if (!/cannot read/.test(e.message)) throw e; });",
      "console.log(`verdict ${r.verdict.kind}`);",
    ].join('\n'));
    const r = await run('node', ['smoke.mjs']);
    expect(r.exitCode, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout.trim()).toBe('verdict pass');
  });

  test('the docs example (custom Dialect + declared deviation + vitest property) passes in the installed project', async (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const files = docFiles(readFileSync(DOC, 'utf8'));
    expect([...files.keys()].sort()).toEqual(['conformance/expectations.json', 'conformance/ourpool-dialect.ts', 'conformance/ourpool.test.ts', 'ourpool/__init__.py']);
    for (const [path, text] of files) {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      writeFileSync(join(project, path), text);
    }
    // vitest, typescript and @types/node are the user's own devDependencies: linked from this repo's.
    for (const dep of ['vitest', 'typescript', '@types']) {
      symlinkSync(join(ROOT, 'node_modules', dep), join(project, 'node_modules', dep), 'dir');
    }
    const v = await run('node', ['node_modules/vitest/vitest.mjs', 'run', 'conformance', '--reporter=verbose'], 150_000);
    const out = `${v.stdout}\n${v.stderr}`;
    expect(v.exitCode, out.slice(-4000)).toBe(0);
    expect(out).toMatch(/✓ .*ourpool: map never hangs when a worker raises \[python3\]/);

    // The example and the smoke script type-check against the installed declarations (exports → types,
    // the toConformTo augmentation of vitest's Assertion).
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
      include: ['conformance', 'typed.ts'],
    }));
    writeFileSync(join(project, 'typed.ts'), [
      "import { expect } from 'vitest';",
      "import { predict, corpus, probeInterpreter, runProgram, renderScenario, type Dialect } from 'mpconform';",
      "import 'mpconform/vitest';",
      "const facts = await probeInterpreter('python3');",
      "const s = corpus[0]!.scenario;",
      "const d: Dialect = (await import('mpconform')).stdlibDialect;",
      "expect(await runProgram({ python: facts, source: renderScenario(s, d), timeoutMs: 1 })).toConformTo(predict(s, facts));",
    ].join('\n'));
    const tsc = await run('node', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
    expect(tsc.exitCode, `${tsc.stdout}\n${tsc.stderr}`).toBe(0);
  });
});
