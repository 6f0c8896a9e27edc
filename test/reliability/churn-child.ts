/**
 * Run by containment.test.ts inside a private mount namespace (its own /dev/shm and TMPDIR):
 * `n` trees that churn named IPC in spawn / forkserver children, each killed by its timeout at a
 * random moment (1-3 s), `jobs` at a time. Prints how they ended, as JSON.
 */
import { executeProgram } from '../../src/execute/index.js';
import { mapPool } from '../../src/run/pool.js';
import { churnIpc } from './programs.js';
import { sandboxMode } from '../../src/execute/sandbox/index.js';

/** Which launcher started the trees: the compiled one, unshare + the Python one, or none (tracking). */
function launcherKind(): string {
  const d = sandboxMode();
  return d.native !== null ? 'native' : d.launcher !== null ? 'python' : 'none';
}

const [python, n, jobs] = [process.argv[2]!, Number(process.argv[3] ?? 50), Number(process.argv[4] ?? 4)];
const t0 = Date.now();
const runs = (await mapPool(Array.from({ length: n }, (_, i) => i), jobs, async (i) => {
  const raw = await executeProgram({ python, source: churnIpc(i % 2 === 0 ? 'spawn' : 'forkserver'), timeoutMs: 1000 + Math.floor(Math.random() * 2000), graceMs: 200 });
  return { end: raw.end.kind, sandbox: raw.sandbox, removed: raw.ipcLeftovers.filter((x) => x.removed).length, failed: raw.ipcLeftovers.filter((x) => !x.removed).length };
})) as { end: string; sandbox: string | undefined; removed: number; failed: number }[];
process.stdout.write(`${JSON.stringify({ ms: Date.now() - t0, ends: runs.map((r) => r.end), modes: [...new Set(runs.map((r) => r.sandbox))], launcher: launcherKind(), removed: runs.reduce((a, r) => a + r.removed, 0), failed: runs.reduce((a, r) => a + r.failed, 0) })}\n`);
