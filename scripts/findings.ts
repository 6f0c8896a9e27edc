/**
 * Regenerates the README's findings table and `reports/findings/` from a merged run of every
 * library (scripts/run-targets.sh, as CI runs it):
 *
 *   npx tsx scripts/findings.ts [MERGED]      (MERGED default: reports/targets/merged)
 *
 * The table (library × release × Python, with pass / fail / declared / flaky / skipped counts)
 * replaces what lies between the `findings-table` markers of README.md; every case that has a repro
 * (fail, flaky, unexpected-pass) has it copied into reports/findings/ (its old contents are replaced).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { STDLIB_IDS } from '../src/contracts/libraries.js';
import type { RunReport } from '../src/model/report.js';
import { needsRepro } from '../src/report/describe.js';

const USAGE = 'usage: npx tsx scripts/findings.ts [MERGED_REPORT_DIR]   (default reports/targets/merged)';
const START = '<!-- findings-table:start -->';
const END = '<!-- findings-table:end -->';

function fail(message: string): never {
  process.stderr.write(`findings: ${message}\n`);
  process.exit(2);
}

interface Row { lib: string; release: string; python: string; counts: Record<string, number> }

/** The README's findings table of a merged report: one row per library × Python, verdict counts. */
export function findingsTable(report: RunReport): string[] {
  const rows = new Map<string, Row>();
  const facts = new Map(report.interpreters.map((i) => [i.path, i]));
  for (const c of report.cases) {
    const f = facts.get(c.python);
    if (f === undefined || STDLIB_IDS.includes(c.target)) continue;
    const python = `${f.implementation === 'pypy' ? 'PyPy ' : ''}${f.version}`;
    const release = f.targets[c.target] ?? 'not installed';
    const key = `${c.target}\0${python}`;
    const row = rows.get(key) ?? { lib: c.target, release, python, counts: {} };
    row.counts[c.verdict.kind] = (row.counts[c.verdict.kind] ?? 0) + 1;
    rows.set(key, row);
  }
  const byVersion = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  const pypy = (r: Row) => (r.python.startsWith('PyPy') ? 1 : 0);
  // per library: CPython newest first, then PyPy
  const sorted = [...rows.values()].sort((a, b) => a.lib.localeCompare(b.lib) || pypy(a) - pypy(b) || byVersion(b.python, a.python));
  const n = (r: Row, k: string) => r.counts[k] ?? 0;
  const table = [
    '| library | release | Python | pass | fail | expected-fail (declared) | flaky | skipped (feature lacking) |',
    '|---|---|---|---|---|---|---|---|',
    ...sorted.map((r) => `| ${r.lib} | ${r.release} | ${r.python} | ${n(r, 'pass')} | ${n(r, 'fail')} | ${n(r, 'expected-fail')} | ${n(r, 'flaky')} | ${n(r, 'skipped')} |`),
  ];
  return table;
}

function main(): void {
  const arg = process.argv[2];
  if (arg === '--help' || arg === '-h') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const dir = arg ?? 'reports/targets/merged';
  const file = join(dir, 'report.json');
  if (!existsSync(file)) fail(`${file}: no such report (run bash scripts/run-targets.sh first)`);
  let report: RunReport;
  try {
    report = JSON.parse(readFileSync(file, 'utf8')) as RunReport;
  } catch (e) {
    fail(`${file}: not JSON (${(e as Error).message})`);
  }

  const table = findingsTable(report);
  const readme = readFileSync('README.md', 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) fail(`README.md has no ${START} … ${END} block`);
  writeFileSync('README.md', `${readme.slice(0, from + START.length)}\n${table.join('\n')}\n${readme.slice(to)}`);

  const out = 'reports/findings';
  mkdirSync(out, { recursive: true });
  for (const old of readdirSync(out)) if (old.endsWith('.py')) rmSync(join(out, old));
  let copied = 0;
  for (const c of report.cases) {
    if (!needsRepro(c.verdict.kind) || c.repro === null || c.repro === undefined) continue;
    const src = join(dir, c.repro);
    if (!existsSync(src)) continue;
    copyFileSync(src, join(out, basename(c.repro)));
    copied++;
  }
  if (existsSync(join(dir, 'summary.md'))) copyFileSync(join(dir, 'summary.md'), join(out, 'summary.md'));
  process.stdout.write(`findings: ${table.length - 2} rows into README.md, ${copied} repros into ${out}/ (from ${file}: ${report.cases.length} cases, seed ${report.seed})\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
