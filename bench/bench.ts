/**
 * mpconform benchmark (`npm run bench [-- --quick] [-- --json] [-- --only=PARTS]`; `-- --help`):
 * measures, in one run on this machine, the bars of docs/design.md and prints one line per
 * figure, `name: value (target)`, then a summary line. Parts that need something missing
 * (python3, a build) are skipped visibly.
 *
 * Nothing here is fudged: the harness side is the real runConformance / shrinkCase / CLI, the
 * direct side is the same rendered programs run with `python3 main.py` by a plain spawn pool.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpus, scenarioArb } from '../scenarios/index.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { probeInterpreter } from '../src/interpreters/index.js';
import { readEnvironments, type Environment } from '../src/interpreters/environments.js';
import type { InterpreterFacts } from '../src/model/facts.js';
import { binaryOf } from '../src/observe/run-program.js';
import { EVENTS_ENV, TOKEN_ENV } from '../src/contracts/env.js';
import { probeSiteDir } from '../src/probe/paths.js';
import { predict } from '../src/oracle/index.js';
import { renderScenario } from '../src/render/index.js';
import { ObservationCache } from '../src/run/cache.js';
import { generateFamily } from '../src/run/cases.js';
import { evaluateScenario, primeCache } from '../src/run/evaluate.js';
import type { CaseSpec, Family } from '../src/run/family.js';
import { mapPool } from '../src/run/pool.js';
import { runConformance } from '../src/run/run.js';
import { shrinkCase } from '../src/run/shrink.js';
import type { CaseResult } from '../src/model/report.js';
import type { Scenario } from '../src/scenario/types.js';
import { dialectFor } from '../src/targets/index.js';
import { samplingCost } from '../src/execute/terminate/quiescence.js';
import { runProgram } from '../src/observe/index.js';
import { selectFamilies } from '../src/run/families.js';
import { childrenOf, cleanupAllNow } from '../src/execute/sandbox/index.js';
import { killAllRunning } from '../src/execute/registry.js';
import { probeSiteFor } from '../src/execute/compiled-probe.js';
import { DEADLOCKS } from './deadlocks.js';
import { blocksOf, interleaved } from './interleave.js';
import { shippedExpectations } from '../src/targets/expectations.js';
import { deviationAdjuster, loadDeviations } from '../src/cli/run/expectations.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const JSON_OUT = argv.includes('--json');
const onlyAt = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
const onlyArg = onlyAt < 0 ? undefined : argv[onlyAt] === '--only' ? argv[onlyAt + 1] : argv[onlyAt]!.slice('--only='.length);
/** The parts `--only` can pick (`cpu`: the overhead rounds and CPU figures of `overhead`, without its scaling runs). */
const PARTS = ['overhead', 'cpu', 'hang', 'shrink', 'billiard', 'startup', 'page', 'memory'] as const;
/** `--only=overhead,hang,...` (or `--only cpu`): run just those parts (for iterating; the summary says so). */
const ONLY = onlyArg !== undefined ? new Set(onlyArg.split(',')) : null;
const roundsAt = argv.findIndex((a) => a === '--rounds' || a.startsWith('--rounds='));
const roundsArg = roundsAt < 0 ? undefined : argv[roundsAt] === '--rounds' ? argv[roundsAt + 1] : argv[roundsAt]!.slice('--rounds='.length);
/** Rounds of the interleaved side-by-side figures (overhead, CPU split, scaling): 4 (1 with --quick). */
const ROUNDS = roundsAt < 0 ? (QUICK ? 1 : 4) : roundsArg === undefined ? null : /^[1-9][0-9]?$/.test(roundsArg) ? Number(roundsArg) : null;
const HELP = `usage: npm run bench [-- --quick] [-- --json] [-- --only=PART,...] [-- --rounds=N]

Measures the harness against the bare interpreter on this machine; one line per figure, then a summary.

  --quick         fewer scenarios and rounds
  --json          the figures as one JSON document on stdout (details on stderr)
  --only PARTS    comma-separated, from: ${PARTS.join(', ')}
                  (cpu: the overhead rounds and the overhead-cpu figures, without the scaling runs)
  --rounds N      rounds of the side-by-side figures (overhead, CPU split, scaling), 1-99;
                  default 4 (1 with --quick). Each is about 40 s here; more narrow their spread
  -h, --help      this text`;
const part = (name: (typeof PARTS)[number]): boolean => ONLY === null || ONLY.has(name);
const JOBS = 2;
const TARGET = 'multiprocessing';
/** Debian's interpreter, whose billiard really hangs. */
const DEBIAN_PYTHON = '/usr/bin/python3';

/**
 * The billiard run's interpreter: Debian's python3 with billiard's newest release (its environment from
 * scripts/setup-targets.sh), else with Debian's own python3-billiard; the label names which.
 */
function billiardPython(): { readonly path: string; readonly label: string } {
  let envs: readonly Environment[] = [];
  try {
    envs = readEnvironments();
  } catch {
    // no manifest (setup-targets.sh not run): Debian's package
  }
  const e = envs.find((x) => x.base === DEBIAN_PYTHON && typeof x.libraries['billiard'] === 'string');
  return e === undefined ? { path: DEBIAN_PYTHON, label: "Debian's python3-billiard" } : { path: e.python, label: `billiard ${e.libraries['billiard']} (env:${e.name})` };
}

interface Figure {
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly target: string;
  /** null: informational (no target), or skipped. */
  readonly pass: boolean | null;
  readonly note?: string;
}
const figures: Figure[] = [];

function say(text: string): void {
  // details go to stderr with --json, so stdout stays one JSON document
  (JSON_OUT ? process.stderr : process.stdout).write(`${text}\n`);
}
function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}
function figure(f: Figure): void {
  figures.push(f);
  const value = f.value === null ? 'skipped' : `${fmt(f.value)}${f.unit}`;
  say(`${f.name}: ${value} (${f.target})${f.note ? ` — ${f.note}` : ''}`);
}
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
const now = (): number => performance.now();

/**
 * The bench runs as the only child of a small subreaper (PR_SET_CHILD_SUBREAPER, Linux 3.4+), so
 * that the CPU of descendants nobody of ours waits for still counts: a sandboxed tree's launcher
 * (src/execute/sandbox/init.ts) exits as soon as the program has, without waiting for its pid
 * namespace's init, which has reaped the program and every orphan (their CPU is in its cutime).
 * That init was reparented to the host's reaper and its CPU showed nowhere here: overhead-cpu read
 * 0.34× (a 1.5 s CPU loop under runProgram added 0.2 s to this process's cutime). Under the
 * reaper, init is reparented to it, it waits for it, and the CPU shows in its own cutime (1.20×,
 * 5 rounds of 40 scenarios). The env variable carries the reaper's pid, or 'none' when prctl
 * failed: the bench then runs without one, and overhead-cpu's note says so.
 */
const REAPER_ENV = 'MPCONFORM_BENCH_REAPER';
const REAPER_PY = String.raw`
import os, signal, sys
try:
    import ctypes
    ok = ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
except Exception:
    ok = False
os.environ['${REAPER_ENV}'] = str(os.getpid()) if ok else 'none'
if not ok:
    os.execvp(sys.argv[1], sys.argv[1:])
child = os.fork()
if child == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
def forward(sig, _):
    try:
        os.kill(child, sig)
    except OSError:
        pass
signal.signal(signal.SIGINT, lambda *_: None)  # the terminal sent it to the bench too
signal.signal(signal.SIGTERM, forward)
signal.signal(signal.SIGHUP, forward)
while True:
    pid, status = os.wait()
    if pid == child:
        break
if os.WIFSIGNALED(status):
    signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
    os.kill(os.getpid(), os.WTERMSIG(status))
os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)
`;
const REAPER = process.env[REAPER_ENV] === String(process.ppid) ? process.ppid : null;

/** Re-runs this bench under the reaper (true: it ran, its status is ours); false when it cannot. */
function reranUnderReaper(): boolean {
  if (process.platform !== 'linux' || process.env[REAPER_ENV] !== undefined) return false;
  // Ctrl-C reaches the re-run bench from the terminal; this process only waits for it
  const ignore = (): void => undefined;
  process.on('SIGINT', ignore);
  const r = spawnSync('python3', ['-c', REAPER_PY, process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.off('SIGINT', ignore);
  if (r.error !== undefined) return false;
  if (r.signal !== null) process.kill(process.pid, r.signal);
  process.exitCode = r.status ?? 1;
  return true;
}

function statFields(pid: number | 'self'): number[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // fields 14-17 of stat (utime stime cutime cstime) are at 11..14 after "pid (comm) "
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
}

/**
 * CPU seconds of this process plus its reaped descendants (/proc/self/stat utime+stime+cutime+cstime),
 * plus the orphans the reaper reaped (its cutime+cstime): far less sensitive than wall time to what
 * other users of the machine are doing. null off Linux.
 */
function cpuSeconds(): number | null {
  try {
    const f = statFields('self');
    const r = REAPER === null ? [] : statFields(REAPER);
    return ((f[11] ?? 0) + (f[12] ?? 0) + (f[13] ?? 0) + (f[14] ?? 0) + (r[13] ?? 0) + (r[14] ?? 0)) / 100;
  } catch {
    return null;
  }
}

/** Until the reaper has reaped every orphan (its only child left is this process), at most 3 s. */
async function orphansReaped(): Promise<void> {
  if (REAPER === null) return;
  for (let waited = 0; waited < 3_000 && childrenOf(REAPER).some((p) => p !== process.pid); waited += 10) await new Promise((r) => setTimeout(r, 10));
}

// ---------------------------------------------------------------------------------------------
// The fixed scenario set: corpus + generated `general` cases, non-hanging (by the oracle and by a
// warm-up run), rendered once.

interface Prepared {
  readonly scenarios: Scenario[];
  readonly programs: string[];
}

function mayHang(s: Scenario, facts: InterpreterFacts): boolean {
  return predict(s, facts, TARGET).processes.some((p) => p.kind === 'unspecified' || p.accept.includes('hang'));
}

async function prepare(facts: InterpreterFacts, count: number): Promise<Prepared> {
  const dialect = dialectFor(TARGET);
  const general: Family = { name: 'bench-general', summary: '', kind: 'generated', arb: scenarioArb() };
  const candidates = [
    ...corpus.map((c) => c.scenario),
    ...generateFamily(general, 1, count * 2).map((c) => c.scenario),
  ].filter((s) => dialect.unsupported(s, facts) === null && !mayHang(s, facts));
  // warm-up run (also fills the page cache): keep what really ended quickly without a hang
  const warm = await mapPool(candidates, JOBS, async (s) => {
    const e = await evaluateScenario(s, { facts, target: TARGET, timeoutMs: 10_000 });
    return e.observation !== null && e.observation.end.kind !== 'hang' && e.observation.durationMs < 3_000;
  });
  const scenarios = candidates.filter((_, i) => warm[i] === true).slice(0, count);
  return { scenarios, programs: scenarios.map((s) => renderScenario(s, dialect)) };
}

// ---------------------------------------------------------------------------------------------
// Harness side: the real runConformance over a fixed family (no reruns, no shrinking: pure per-case cost).

async function harness(facts: InterpreterFacts, scenarios: readonly Scenario[], jobs: number): Promise<{ ms: number; cases: readonly CaseResult[] }> {
  const t0 = now();
  const report = await runConformance({
    runId: 'bench', toolVersion: 'bench', interpreters: [facts], targets: [TARGET],
    families: [{ name: 'bench', summary: '', kind: 'fixed', scenarios }],
    runs: 0, seed: 1, jobs, timeoutMs: 60_000, shard: null, reruns: 0, shrink: false,
  });
  return { ms: now() - t0, cases: report.cases };
}

// Direct side: the same programs, `python3 main.py` in their own directory, plain spawn pool.
function directEnv(): NodeJS.ProcessEnv {
  // what the harness gives a child, minus the probe (PYTHONPATH, events file, token)
  return {
    PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin', HOME: process.env['HOME'] ?? '/',
    LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8',
  };
}

function writeScripts(programs: readonly string[]): { dirs: string[]; cleanup: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'mpconform-bench-'));
  const dirs = programs.map((p, i) => {
    const d = join(base, `case-${i}`);
    mkdirSync(d);
    writeFileSync(join(d, 'main.py'), p);
    return d;
  });
  return { dirs, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/**
 * Runs every script with a plain spawn pool; a case ends when its output pipes close (as the
 * harness's does). `probe`: with the harness's probe loaded (PYTHONPATH, events file, token) but no
 * harness, to split the overhead into its Python side and its Node side. `probe` is the probe's
 * site directory.
 */
async function direct(python: string, dirs: readonly string[], jobs: number, probe: string | null = null): Promise<number> {
  const base = directEnv();
  const runOne = (cwd: string): Promise<void> => new Promise((resolve, reject) => {
    const env = probe !== null ? { ...base, PYTHONPATH: probe, [EVENTS_ENV]: join(cwd, '.events.jsonl'), [TOKEN_ENV]: 'bench' } : base;
    const child = spawn(python, ['main.py'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', () => undefined); // consume, as the harness does
    child.stderr.on('data', () => undefined);
    child.once('error', reject);
    child.once('close', () => resolve());
  });
  const t0 = now();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < dirs.length) await runOne(dirs[next++] as string);
  };
  await Promise.all(Array.from({ length: jobs }, lane));
  return now() - t0;
}

// ---------------------------------------------------------------------------------------------

async function overheadAndScaling(facts: InterpreterFacts, prep: Prepared): Promise<void> {
  const { dirs, cleanup } = writeScripts(prep.programs);
  try {
    const python = binaryOf(facts);
    const rounds = ROUNDS ?? 1;
    const blocks = blocksOf(prep.scenarios.length, 10);
    const where = `median of ${rounds} rounds of ${blocks.length} interleaved blocks of 10 cases (bench/interleave.ts)`;
    const timed = async (f: () => Promise<unknown>): Promise<{ ms: number; cpu: number }> => {
      const c0 = cpuSeconds();
      const t0 = now();
      await f();
      const ms = now() - t0;
      await orphansReaped();
      const c1 = cpuSeconds();
      return { ms, cpu: c0 === null || c1 === null ? Number.NaN : c1 - c0 };
    };
    const ratios = (rs: readonly Map<string, Map<string, number>>[], a: string, b: string, m: string): number[] =>
      rs.map((r) => r.get(a)!.get(m)! / r.get(b)!.get(m)!).filter((x) => Number.isFinite(x));
    const range = (xs: readonly number[]): string => `range ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;

    // overhead: the harness (runConformance) against `python main.py` on the same cases, --jobs 2
    const cost0 = { ...samplingCost };
    const over = await interleaved(['harness', 'direct'] as const, blocks, rounds, async (v, from, to) =>
      v === 'harness' ? timed(() => harness(facts, prep.scenarios.slice(from, to), JOBS)) : timed(() => direct(python, dirs.slice(from, to), JOBS)));
    over.forEach((r, i) => say(`#   overhead round ${i + 1}: harness ${fmt(r.get('harness')!.get('ms')!)} ms (cpu ${r.get('harness')!.get('cpu')!.toFixed(2)} s), direct ${fmt(r.get('direct')!.get('ms')!)} ms (cpu ${r.get('direct')!.get('cpu')!.toFixed(2)} s)`));
    samplingFigure(cost0, prep.scenarios.length * rounds);
    const wall = ratios(over, 'harness', 'direct', 'ms');
    figure({ name: 'overhead', value: median(wall), unit: '×', target: 'harness/direct wall ≤ 1.10', pass: median(wall) <= 1.1, note: `${where}, ${range(wall)}; ${prep.scenarios.length} scenarios, --jobs ${JOBS}` });
    const cpuRatios = ratios(over, 'harness', 'direct', 'cpu');
    if (cpuRatios.length > 0) {
      figure({ name: 'overhead-cpu', value: median(cpuRatios), unit: '×', target: 'informational: CPU of harness+tree / CPU of direct tree', pass: null, note: `${range(cpuRatios)}; includes the probe in every Python process${REAPER === null ? '; NOT under the reaper: a sandboxed tree\'s CPU is missed' : ''}` });
      // where the CPU goes: the same direct pool with the probe the harness loads (its site dir precompiled for this
      // interpreter, src/execute/compiled-probe.ts), and with the probe's source (every process compiles it)
      const compiled = await probeSiteFor(python);
      const probeDirs = { probe: compiled, source: probeSiteDir(), bare: null } as const;
      const split = await interleaved(['probe', 'bare', 'source'] as const, blocks, rounds, (v, from, to) => timed(() => direct(python, dirs.slice(from, to), JOBS, probeDirs[v])));
      const pr = ratios(split, 'probe', 'bare', 'cpu');
      const sr = ratios(split, 'source', 'bare', 'cpu');
      if (pr.length > 0) {
        say(`#   CPU split: the probe (Python side) ${((median(pr) - 1) * 100).toFixed(0)}%, the harness process + execute (Node side) ${((median(cpuRatios) - median(pr)) * 100).toFixed(0)}% of the direct run's CPU`);
        const precompiled = compiled !== probeSiteDir();
        figure({ name: 'overhead-cpu-probe', value: median(pr), unit: '×', target: 'the probe alone (CPU of direct+probe / CPU of direct) ≤ 1.05', pass: median(pr) <= 1.05, note: `${where}, ${range(pr)}; ${precompiled ? 'the precompiled probe the harness loads' : 'the probe could not be precompiled here: its source, as the harness then loads it'}` });
      }
      if (sr.length > 0) {
        figure({ name: 'overhead-cpu-probe-source', value: median(sr), unit: '×', target: 'informational: the probe from its source (each process compiles it)', pass: null, note: `what precompiling saves; ${range(sr)}` });
      }
    }

    if (!part('overhead')) return; // --only cpu
    // scaling: the same cases at --jobs 1 and --jobs 2, against the bare interpreter's own
    // jobs-2/jobs-1 ratio on the same cases (what this machine allows): per round, the harness's
    // ratio over the bare one. The harness pays its fixed cost per run (about 9 ms) once per
    // block, at both --jobs: that counts against it, by about 0.5 %.
    const scale = await interleaved(['h1', 'd1', 'h2', 'd2'] as const, blocks, rounds, async (v, from, to) => {
      const jobs = v.endsWith('1') ? 1 : 2;
      return { ms: v.startsWith('h') ? (await harness(facts, prep.scenarios.slice(from, to), jobs)).ms : await direct(python, dirs.slice(from, to), jobs) };
    });
    const relative = scale.map((r, i) => {
      const [h1, d1, h2, d2] = (['h1', 'd1', 'h2', 'd2'] as const).map((v) => r.get(v)!.get('ms')!) as [number, number, number, number];
      say(`#   scaling round ${i + 1}: harness jobs1 ${fmt(h1)} ms, jobs2 ${fmt(h2)} ms (${(h1 / h2).toFixed(2)}×); direct jobs1 ${fmt(d1)} ms, jobs2 ${fmt(d2)} ms (${(d1 / d2).toFixed(2)}×); relative ${((h1 / h2) / (d1 / d2)).toFixed(3)}`);
      return (h1 / h2) / (d1 / d2);
    });
    const harnessRatio = median(ratios(scale, 'h1', 'h2', 'ms'));
    const allowed = median(ratios(scale, 'd1', 'd2', 'ms'));
    const rel = median(relative);
    figure({
      name: 'scaling', value: harnessRatio, unit: '×', target: `jobs2/jobs1 ≥ 0.97 × the bare interpreter's own (${allowed.toFixed(2)}×), per round`,
      pass: cpus().length >= 2 ? rel >= 0.97 : null,
      note: `${where}: ${rel.toFixed(2)} of what the machine allows, ${range(relative)}`,
    });
  } finally {
    cleanup();
  }
}

async function hangLatency(facts: InterpreterFacts): Promise<void> {
  const entry = corpus.find((c) => c.name === 'unguarded-spawn-pool');
  if (!entry) {
    figure({ name: 'hang-latency', value: null, unit: ' s', target: '≤ 2 s', pass: null, note: 'corpus entry unguarded-spawn-pool missing' });
    return;
  }
  const times: number[] = [];
  const kinds: string[] = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i++) {
    const t0 = now();
    const e = await evaluateScenario(entry.scenario, { facts, target: TARGET, timeoutMs: 60_000 });
    times.push((now() - t0) / 1000);
    const end = e.observation?.end;
    kinds.push(end?.kind === 'hang' ? `hang/${end.how}` : String(end?.kind));
  }
  const t = median(times);
  const allHang = kinds.every((k) => k.startsWith('hang'));
  say(`#   hang runs: ${times.map((x) => x.toFixed(2)).join(', ')} s; classified ${kinds.join(', ')}`);
  figure({ name: 'hang-latency', value: t, unit: ' s', target: '≤ 2 s with --timeout 60', pass: allHang && t <= 2, note: allHang ? `median of ${times.length}` : `NOT classified hang: ${kinds.join(', ')}` });
}

/**
 * The CPU quiescence sampling cost on the overhead rounds (none of their cases hangs): time spent
 * in samples (synchronous /proc reads, so CPU time of this process) per second of watched run, as
 * a share of one core.
 */
function samplingFigure(before: { readonly samples: number; readonly sampleMs: number; readonly watchedMs: number }, cases: number): void {
  const samples = samplingCost.samples - before.samples;
  const ms = samplingCost.sampleMs - before.sampleMs;
  const watched = samplingCost.watchedMs - before.watchedMs;
  const share = watched > 0 ? (100 * ms) / watched : null;
  figure({
    name: 'sampling-cpu', value: share, unit: ' %', target: '< 2 % of one core on a run without hangs', pass: share === null ? null : share < 2,
    note: `${samples} samples, ${fmt(ms)} ms in them over ${fmt(watched / 1000)} s of ${cases} watched runs (${samples > 0 ? fmt((1000 * ms) / samples) : '?'} µs each)`,
  });
}

/** Generic deadlocks (no known pattern): recognised by quiescence, with the timeout at 60 s. */
async function deadlockLatency(facts: InterpreterFacts): Promise<void> {
  for (const [name, source] of DEADLOCKS) {
    const times: number[] = [];
    const kinds: string[] = [];
    const afterQuiet: number[] = [];
    for (let i = 0; i < (QUICK ? 1 : 5); i++) {
      const t0 = now();
      const o = await runProgram({ python: facts, source, timeoutMs: 60_000, quiescence: 'generated' });
      const total = now() - t0;
      times.push(total / 1000);
      // from the moment the tree went quiet to the classified observation (the rest is start-up)
      const quiet = o.end.kind === 'hang' ? /blocked for (\d+) ms/.exec(o.end.reason) : null;
      if (quiet !== null && o.end.kind === 'hang') afterQuiet.push((Number(quiet[1]) + total - o.end.afterMs) / 1000);
      kinds.push(o.end.kind === 'hang' ? `hang/${o.end.hangBy ?? o.end.how}${o.stacks?.length ? '+stacks' : ''}` : o.end.kind);
    }
    const t = median(times);
    const ok = kinds.every((k) => k.startsWith('hang/quiescence'));
    say(`#   deadlock ${name}: ${times.map((x) => x.toFixed(2)).join(', ')} s; ${kinds.join(', ')}`);
    const since = afterQuiet.length > 0 ? `; ${median(afterQuiet).toFixed(2)} s of it from the tree going quiet to the observation` : '';
    figure({ name: `hang-latency-${name}`, value: t, unit: ' s', target: '≤ 2 s with --timeout 60', pass: ok && t <= 2, note: ok ? `median of ${times.length}, quiescence${since}` : `NOT all quiescent hangs: ${kinds.join(', ')}` });
  }
}

/**
 * A run over a library with real hangs (billiard on the interpreter that has it): the whole run
 * with quiescence, its hanging cases beside those that do not hang, and the same hanging cases
 * again with timeouts only (same seed, same cases): their verdicts must be the same.
 */
async function billiardRun(): Promise<void> {
  const names = ['billiard-run', 'billiard-hang-cases', 'billiard-verdicts'];
  if (QUICK) {
    // minutes even at one run per family, twice (with quiescence, then timeouts only): full bench only
    for (const name of names) figure({ name, value: null, unit: '', target: 'full bench only (npm run bench)', pass: null, note: 'skipped with --quick' });
    return;
  }
  const py = billiardPython();
  let facts: InterpreterFacts;
  try {
    facts = await probeInterpreter(py.path);
  } catch {
    for (const name of names) figure({ name, value: null, unit: '', target: `needs ${py.path}`, pass: null, note: 'skipped' });
    return;
  }
  if (spawnSync(py.path, ['-c', 'import billiard'], { stdio: 'ignore' }).status !== 0) {
    for (const name of names) figure({ name, value: null, unit: '', target: `needs billiard for ${py.path}`, pass: null, note: 'skipped' });
    return;
  }
  say(`# billiard run: ${py.label}, CPython ${facts.version}`);
  const runs = 25;
  // billiard's shipped expectations apply, as in `mpconform run --target billiard`: a declared departure is not shrunk
  const shipped = shippedExpectations('billiard');
  const input = {
    runId: 'bench-billiard', toolVersion: 'bench', interpreters: [facts], targets: ['billiard'], families: selectFamilies(null),
    runs, seed: 5, jobs: JOBS, timeoutMs: 30_000, shard: null, reruns: 2, shrink: true,
    adjust: shipped === null ? undefined : deviationAdjuster(loadDeviations(shipped), [facts]),
  } as const;
  const t0 = now();
  const report = await runConformance(input);
  const wall = (now() - t0) / 1000;
  const hung = report.cases.filter((c) => c.observation?.end.kind === 'hang');
  const rest = report.cases.filter((c) => c.observation?.end.kind !== 'hang');
  const sum = (cs: readonly CaseResult[]) => cs.reduce((a, c) => a + c.durationMs, 0) / 1000;
  const by = new Map<string, number>();
  for (const c of hung) {
    const e = c.observation!.end;
    const k = e.kind === 'hang' ? (e.hangBy ?? e.how) : '?';
    by.set(k, (by.get(k) ?? 0) + 1);
  }
  const stacked = hung.filter((c) => (c.observation?.stacks?.length ?? 0) > 0).length;
  figure({ name: 'billiard-run', value: wall, unit: ' s', target: '< 180 s for --runs 25 --seed 5', pass: wall < 180, note: `${py.label}: ${report.cases.length} cases, ${hung.length} hang (${[...by].map(([k, n]) => `${n} ${k}`).join(', ')}; ${stacked} with stacks)` });
  figure({
    name: 'billiard-hang-cases', value: hung.length > 0 ? sum(hung) / hung.length : null, unit: ' s', target: 'informational: mean case time, hanging cases', pass: null,
    note: `hanging cases ${fmt(sum(hung))} s in all, the ${rest.length} others ${fmt(sum(rest))} s (${rest.length > 0 ? fmt(sum(rest) / rest.length) : '?'} s each); case times include reruns and shrinking`,
  });
  // The same hanging cases with only the timeout and the patterns, one run each (reruns would only
  // wait out the timeout again): a quiescent hang that really was one hangs there too, and is judged
  // the same; a run that finished instead would be a false hang.
  const compared = hung;
  const scenarios = compared.map((c) => c.scenario);
  const t1 = now();
  const baseline = scenarios.length === 0 ? null
    : await runConformance({ ...input, runId: 'bench-billiard-timeouts', families: [{ name: 'hung', summary: '', kind: 'fixed', scenarios }], runs: 0, reruns: 0, shrink: false, quiescence: false });
  const slow = (now() - t1) / 1000;
  const rows = baseline === null ? [] : baseline.cases.map((b, i) => ({ a: hung[i]!, b }));
  const endOf = (c: CaseResult): string => {
    const e = c.observation?.end;
    return e === undefined ? 'not run' : e.kind === 'hang' ? `hang/${e.hangBy ?? e.how}` : e.kind;
  };
  for (const { a, b } of rows) say(`#   ${a.id}: ${endOf(a)} ${a.observation?.end.kind === 'hang' ? `${a.observation.end.afterMs} ms` : ''} ${a.verdict.kind} | timeouts only: ${endOf(b)} ${b.verdict.kind}`);
  const hangsToo = rows.filter(({ b }) => b.observation?.end.kind === 'hang').length;
  // A verdict after reruns may be flaky where one run is not: flaky agrees with either
  const same = rows.filter(({ a, b }) => a.verdict.kind === b.verdict.kind || a.verdict.kind === 'flaky').length;
  const differ = rows.flatMap(({ a, b }) => (a.verdict.kind === b.verdict.kind || a.verdict.kind === 'flaky' ? [] : [`${a.id}: ${a.verdict.kind} vs ${b.verdict.kind} (${endOf(b)})`]));
  figure({
    name: 'billiard-verdicts', value: baseline === null ? null : differ.length, unit: ' differing', target: 'hanging cases judged otherwise with timeouts only: 0', pass: baseline === null ? null : differ.length === 0,
    note: `${same} of ${compared.length} compared judged the same, ${hangsToo} hang there too; timeouts-only run of those cases: ${fmt(slow)} s${differ.length ? `; differ: ${differ.join('; ')}` : ''}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Shrinking a planted failure: "any scenario holding a Lock fails". Every candidate really runs.

function holdsLock(s: Scenario): boolean {
  return s.steps.some((st) => st.op === 'create' && st.kind === 'Lock');
}

async function shrinking(facts: InterpreterFacts): Promise<void> {
  const family: Family = { name: 'bench-planted-lock', summary: 'planted: a Lock fails', kind: 'generated', arb: scenarioArb() };
  const fails = (s: Scenario): boolean => holdsLock(s);
  // generated cases holding a Lock that the oracle does not expect to hang (a hanging candidate
  // met while shrinking is still bounded by the 10 s timeout below)
  const failing = generateFamily(family, 7, 200).filter((s) => holdsLock(s.scenario) && !mayHang(s.scenario, facts));
  const spec: CaseSpec | undefined = failing.find((s) => s.scenario.steps.length >= 4) ?? failing[0];
  if (!spec) {
    for (const name of ['shrink-runs', 'shrink-time']) figure({ name, value: null, unit: '×', target: 'cache ≥ 2×', pass: null, note: 'no generated case holds a Lock' });
    return;
  }
  const limit = QUICK ? 30_000 : 90_000;
  const timeoutMs = 10_000;
  // Shrinks `specs` one after another, as runConformance does with its run-wide cache: the case's
  // own first run happened before shrinking (and primes the cache, as in runConformance).
  const measure = async (specs: readonly CaseSpec[], withCache: boolean) => {
    const cache = withCache ? new ObservationCache(4096) : undefined;
    const ctx = { facts, target: TARGET, timeoutMs, cache };
    let ms = 0;
    let runs = 0;
    let steps = 0;
    const minima: string[] = [];
    for (const sp of specs) {
      const first = await evaluateScenario(sp.scenario, { ...ctx, cache: undefined });
      if (cache) primeCache(cache, first, ctx);
      const t0 = now();
      const min = await shrinkCase(family, sp, ctx, limit, fails);
      ms += now() - t0;
      if (!min) return null;
      runs += min.runs;
      steps += min.shrinks;
      minima.push(JSON.stringify(min.scenario.steps));
    }
    return { ms, runs, steps, minima, hits: cache?.hits ?? 0, lookups: cache ? cache.hits + cache.misses : 0 };
  };

  // 1. one planted failure, alternating no-cache / cache rounds (machine load drifts)
  const rounds = QUICK ? 1 : 2;
  const off: number[] = [];
  const on: number[] = [];
  let runsOff = 0;
  let runsOn = 0;
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [false, true] : [true, false];
    for (const withCache of order) {
      const m = await measure([spec], withCache);
      if (!m) {
        for (const name of ['shrink-runs', 'shrink-time']) figure({ name, value: null, unit: '×', target: 'cache ≥ 2×', pass: false, note: 'shrinking did not reproduce the planted failure' });
        return;
      }
      (withCache ? on : off).push(m.ms);
      if (withCache) runsOn = m.runs;
      else runsOff = m.runs;
      say(`#   shrink #${spec.index} (${spec.scenario.steps.length} steps → ${JSON.parse(m.minima[0] as string).length}), ${withCache ? 'cache' : 'no cache'}: ${m.steps} shrink steps, ${m.runs} interpreter runs, ${fmt(m.ms / 1000)} s${withCache ? ` (${m.hits}/${m.lookups} lookups hit)` : ''}`);
    }
  }
  const runsRatio = runsOff / Math.max(1, runsOn);
  const timeRatio = median(off) / median(on);
  figure({ name: 'shrink-runs', value: runsRatio, unit: '×', target: 'no-cache/cache interpreter runs ≥ 2', pass: runsRatio >= 2, note: `one case: ${runsOff} → ${runsOn} runs` });
  figure({ name: 'shrink-time', value: timeRatio, unit: '×', target: 'no-cache/cache wall time ≥ 2', pass: timeRatio >= 2, note: `one case: ${fmt(median(off) / 1000)} s → ${fmt(median(on) / 1000)} s, median of ${rounds}` });

  // 2. a run's worth: several cases failing for the same reason, shrunk with one shared cache
  const many = failing.slice(0, QUICK ? 2 : 4);
  const a = await measure(many, false);
  const b = await measure(many, true);
  if (a && b) {
    say(`#   shrink ${many.length} cases sharing one cache: no cache ${a.runs} runs ${fmt(a.ms / 1000)} s; cache ${b.runs} runs ${fmt(b.ms / 1000)} s (${b.hits}/${b.lookups} lookups hit); same minima: ${a.minima.join() === b.minima.join()}`);
    figure({ name: 'shrink-runs-run', value: a.runs / Math.max(1, b.runs), unit: '×', target: 'informational: one run-wide cache', pass: null, note: `${many.length} failing cases: ${a.runs} → ${b.runs} runs, ${fmt(a.ms / 1000)} s → ${fmt(b.ms / 1000)} s` });
  } else {
    figure({ name: 'shrink-runs-run', value: null, unit: '×', target: 'informational', pass: null, note: 'a case did not shrink' });
  }
}

// ---------------------------------------------------------------------------------------------
// Start-up: `--help` and `pythons`, through tsx and through the built JS.

function timeCommand(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): { ms: number; ok: boolean } {
  const t0 = now();
  const r = spawnSync(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  return { ms: now() - t0, ok: r.status === 0 };
}

function buildJs(): string | null {
  // a private build (never touching dist/ others may be using); node_modules resolve from ROOT
  const out = join(ROOT, 'node_modules', '.cache', 'mpconform-bench', 'dist');
  rmSync(out, { recursive: true, force: true });
  const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
  const r = spawnSync(tsc, ['-p', 'tsconfig.build.json', '--outDir', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    say(`#   build failed: ${String(r.stdout).split('\n').slice(0, 3).join(' | ')}`);
    return null;
  }
  cpSync(join(ROOT, 'src', 'probe', 'python'), join(out, 'src', 'probe', 'python'), { recursive: true });
  const main = join(out, 'src', 'cli', 'main.js');
  return existsSync(main) ? main : null;
}

function startup(): void {
  const cacheHome = mkdtempSync(join(tmpdir(), 'mpconform-bench-xdg-'));
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome, CI: '1' };
  const reps = QUICK ? 2 : 5;
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const variants: { label: string; cmd: string; pre: string[] }[] = [{ label: 'tsx', cmd: tsx, pre: [join(ROOT, 'src', 'cli', 'main.ts')] }];
  const t0 = now();
  const built = buildJs();
  say(`#   private build (tsc) took ${fmt((now() - t0) / 1000)} s`);
  if (built) variants.unshift({ label: 'node', cmd: process.execPath, pre: [built] });
  try {
    for (const v of variants) {
      const help = Array.from({ length: reps }, () => timeCommand(v.cmd, [...v.pre, '--help'], env));
      rmSync(join(cacheHome, 'mpconform'), { recursive: true, force: true });
      const cold = timeCommand(v.cmd, [...v.pre, 'pythons'], env);
      const warm = Array.from({ length: reps }, () => timeCommand(v.cmd, [...v.pre, 'pythons'], env));
      const ok = help.every((x) => x.ok) && cold.ok && warm.every((x) => x.ok);
      say(`#   ${v.label}: pythons cold (facts not cached) ${fmt(cold.ms)} ms`);
      figure({ name: `startup-help-${v.label}`, value: median(help.map((x) => x.ms)), unit: ' ms', target: 'informational', pass: ok ? null : false, note: `median of ${reps}` });
      figure({ name: `startup-pythons-${v.label}`, value: median(warm.map((x) => x.ms)), unit: ' ms', target: 'informational, facts cached', pass: ok ? null : false, note: `median of ${reps}; cold ${fmt(cold.ms)} ms` });
    }
    if (!built) {
      figure({ name: 'startup-help-node', value: null, unit: ' ms', target: 'informational', pass: null, note: 'build failed' });
      figure({ name: 'startup-pythons-node', value: null, unit: ' ms', target: 'informational', pass: null, note: 'build failed' });
    }
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Memory: RSS of this (harness) process over a long run of cheap fork scenarios.

async function memory(facts: InterpreterFacts): Promise<void> {
  const total = QUICK ? 200 : 2_000;
  const shapes: Scenario[] = [
    { version: 1, name: 'fork-report', steps: [
      { op: 'start', at: 'main', id: 0, worker: 'process', ctx: 'fork', pass: [], action: 'report-method', target: 'function', grandchild: null },
    ] },
    { version: 1, name: 'fork-lock', steps: [
      { op: 'create', at: 'main', id: 0, kind: 'Lock', ctx: 'fork' },
      { op: 'start', at: 'main', id: 1, worker: 'process', ctx: 'fork', pass: [{ obj: 0, via: 'process-arg' }], action: 'use', target: 'function', grandchild: null },
    ] },
  ];
  const scenarios = Array.from({ length: total }, (_, i) => shapes[i % shapes.length] as Scenario);
  // a real gc() for the retained-heap figure (RSS is sampled as is)
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const samples: { done: number; rss: number; heap: number }[] = [];
  let done = 0;
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 100);
  const t0 = now();
  let report;
  try {
    report = await runConformance({
      runId: 'bench-mem', toolVersion: 'bench', interpreters: [facts], targets: [TARGET],
      families: [{ name: 'bench-mem', summary: '', kind: 'fixed', scenarios }],
      runs: 0, seed: 1, jobs: JOBS, timeoutMs: 30_000, shard: null, reruns: 0, shrink: false,
      adjust: (c) => {
        done++;
        if (done % Math.max(1, Math.floor(total / 50)) === 0 || done === total) {
          const rss = process.memoryUsage.rss();
          peak = Math.max(peak, rss);
          gc();
          samples.push({ done, rss, heap: process.memoryUsage().heapUsed });
        }
        return c;
      },
    });
  } finally {
    clearInterval(sampler);
  }
  const secs = (now() - t0) / 1000;
  const at = (frac: number) => samples.find((s) => s.done >= total * frac) ?? (samples[samples.length - 1] as { done: number; rss: number; heap: number });
  const mb = (b: number) => b / 2 ** 20;
  const s10 = at(0.1);
  const s50 = at(0.5);
  const s100 = at(1);
  // least-squares slope of RSS over cases done, from 10% on (start-up allocations excluded)
  const pts = samples.filter((s) => s.done >= s10.done);
  const slope = (key: 'rss' | 'heap') => {
    const mx = pts.reduce((a, p) => a + p.done, 0) / pts.length;
    const my = pts.reduce((a, p) => a + p[key], 0) / pts.length;
    const num = pts.reduce((a, p) => a + (p.done - mx) * (p[key] - my), 0);
    const den = pts.reduce((a, p) => a + (p.done - mx) ** 2, 0);
    return den === 0 ? 0 : num / den;
  };
  const rssSlope = slope('rss') / 1024;
  const heapSlope = slope('heap') / 1024;
  const kinds = new Map<string, number>();
  for (const c of report.cases) kinds.set(c.verdict.kind, (kinds.get(c.verdict.kind) ?? 0) + 1);
  say(`#   memory: ${report.cases.length} cases in ${fmt(secs)} s (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}); live heap after gc grows ${fmt(heapSlope)} KiB/case (the CaseResults the report keeps)`);
  figure({ name: 'rss-10%', value: mb(s10.rss), unit: ' MiB', target: 'informational', pass: null, note: `after ${s10.done} cases` });
  figure({ name: 'rss-50%', value: mb(s50.rss), unit: ' MiB', target: 'informational', pass: null, note: `after ${s50.done} cases` });
  figure({ name: 'rss-100%', value: mb(s100.rss), unit: ' MiB', target: 'informational', pass: null, note: `after ${s100.done} cases; peak ${fmt(mb(peak))} MiB` });
  // flat: what every kept CaseResult costs, plus noise; 16 KiB/case would be 32 MiB over 2,000 cases
  figure({ name: 'rss-slope', value: rssSlope, unit: ' KiB/case', target: 'flat: ≤ 16 KiB/case', pass: rssSlope <= 16, note: `${total} cases, --jobs ${JOBS}` });
}

// ---------------------------------------------------------------------------------------------
// The report page: a 10,000-case synthetic report (5 interpreters × 7 targets), written by the real
// writeReports and loaded in headless Chromium; the browser's own paint and load timings.

async function reportPage(): Promise<void> {
  const { syntheticReport } = await import('../test/report/synthetic.js');
  const { haveChromium, timePage } = await import('../test/report/page-timing.js');
  const { writeReports } = await import('../src/report/index.js');
  const n = QUICK ? 1_000 : 10_000;
  const dir = mkdtempSync(join(tmpdir(), 'mpconform-bench-page-'));
  try {
    const t0 = now();
    await writeReports(syntheticReport(n), dir);
    const writeMs = now() - t0;
    const mib = (f: string) => statSync(join(dir, f)).size / 2 ** 20;
    say(`#   report page: ${n} synthetic cases written in ${fmt(writeMs)} ms; report.json ${fmt(mib('report.json'))} MiB, junit.xml ${fmt(mib('junit.xml'))} MiB`);
    figure({ name: 'page-size', value: mib('index.html'), unit: ' MiB', target: '≤ 10 MiB', pass: mib('index.html') <= 10, note: `index.html of ${n} cases, self-contained` });
    if (!haveChromium()) {
      for (const name of ['page-first-paint', 'page-load']) figure({ name, value: null, unit: '', target: 'needs /usr/bin/chromium', pass: null, note: 'skipped: no chromium' });
      return;
    }
    const loads = await timePage(join(dir, 'index.html'), QUICK ? 1 : 3);
    const fcp = median(loads.map((l) => l.firstContentfulPaintMs ?? l.loadMs));
    const load = median(loads.map((l) => l.loadMs));
    const errs = loads.flatMap((l) => [...l.errors, ...l.requests]);
    figure({ name: 'page-first-paint', value: fcp, unit: ' ms', target: '≤ 1000 ms', pass: fcp <= 1000 && errs.length === 0, note: `first contentful paint, median of ${loads.length} loads in headless Chromium${errs.length ? `; page errors: ${errs.join('; ')}` : ''}` });
    figure({ name: 'page-load', value: load, unit: ' ms', target: 'informational', pass: null, note: `load event (script done, first ${loads[0]?.listed ?? 0} cases listed, counts: ${loads[0]?.shown ?? ''})` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    say(HELP);
    return;
  }
  const unknown = [...(ONLY ?? [])].filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown --only part ${unknown.join(', ')} (parts: ${PARTS.join(', ')})\n`);
    process.exitCode = 2;
    return;
  }
  if (ROUNDS === null) {
    process.stderr.write(`bench: --rounds needs a whole number from 1 to 99, ${roundsArg === undefined || roundsArg === '' ? '(none given)' : `not ${JSON.stringify(roundsArg)}`}\n`);
    process.exitCode = 2;
    return;
  }
  if (reranUnderReaper()) return;
  // interrupted: end every tree the bench's runs started and what they left, as the CLI does
  const onSignal = (sig: NodeJS.Signals): void => {
    killAllRunning();
    cleanupAllNow();
    process.exit(sig === 'SIGTERM' ? 143 : 130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const started = now();
  say(`# mpconform bench${QUICK ? ' --quick' : ''}: ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(2)).join(' ')} (other work on this machine adds noise)`);
  let facts: InterpreterFacts | null = null;
  try {
    facts = await probeInterpreter('python3');
    say(`# interpreter: ${facts.path} (${facts.implementation} ${facts.version}), runs as ${binaryOf(facts)} (harness and direct alike)`);
    if (binaryOf(facts) !== facts.path) {
      const env = directEnv();
      const start = (cmd: string) => median(Array.from({ length: 5 }, () => timeCommand(cmd, ['-c', 'pass'], env).ms));
      say(`#   start-up of 'python -c pass': ${fmt(start(facts.path))} ms via ${facts.path}, ${fmt(start(binaryOf(facts)))} ms via ${binaryOf(facts)}`);
    }
  } catch (e) {
    say(`# python3 unusable: ${(e as Error).message}: interpreter parts skipped`);
  }
  if (facts) {
    if (part('overhead') || part('cpu')) {
      const prep = await prepare(facts, QUICK ? 10 : 40);
      say(`# scenarios: ${prep.scenarios.length} non-hanging (corpus + general), rendered once`);
      await overheadAndScaling(facts, prep);
    }
    if (part('hang')) {
      await hangLatency(facts);
      await deadlockLatency(facts);
    }
    if (part('shrink')) await shrinking(facts);
  } else {
    for (const name of ['overhead', 'overhead-cpu', 'overhead-cpu-probe', 'overhead-cpu-probe-source', 'sampling-cpu', 'scaling', 'hang-latency', ...DEADLOCKS.map(([n]) => `hang-latency-${n}`), 'shrink-runs', 'shrink-time', 'shrink-runs-run']) figure({ name, value: null, unit: '', target: 'needs python3', pass: null, note: 'skipped: no python3' });
  }
  if (part('billiard')) await billiardRun();
  if (part('startup')) startup();
  if (part('page')) await reportPage();
  if (facts && part('memory')) await memory(facts);
  else if (!facts) for (const name of ['rss-10%', 'rss-50%', 'rss-100%', 'rss-slope']) figure({ name, value: null, unit: '', target: 'needs python3', pass: null, note: 'skipped: no python3' });

  const judged = figures.filter((f) => f.pass !== null);
  const missed = judged.filter((f) => f.pass === false).map((f) => f.name);
  const skipped = figures.filter((f) => f.value === null).map((f) => f.name);
  say(`summary: ${judged.length - missed.length}/${judged.length} targets met${missed.length ? `; missed: ${missed.join(', ')}` : ''}${skipped.length ? `; skipped: ${skipped.join(', ')}` : ''} (${fmt((now() - started) / 1000)} s${ONLY ? `; only ${[...ONLY].join(',')}` : ''})`);
  if (JSON_OUT) process.stdout.write(`${JSON.stringify({ quick: QUICK, figures, missed, skipped }, null, 2)}\n`);
}

await main();
