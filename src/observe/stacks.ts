import type { ProcessStack, StackFrame, ThreadStack } from '../model/hang.js';

/** A process's stacks file as faulthandler wrote it. */
export interface RawStackText {
  readonly pid: number;
  readonly text: string;
}

const THREAD = /^(Current thread|Thread) (0x[0-9a-fA-F]+)/;
const STACK = /^Stack \(most recent call first\)/;
const FRAME = /^\s+File "(.*)", line (\d+) in (.*)$/;

/** Parses faulthandler's dump: one block per thread, innermost frame first. */
export function parseStacks(text: string): ThreadStack[] {
  const threads: { id: string; current: boolean; frames: StackFrame[] }[] = [];
  for (const line of text.split('\n')) {
    const t = THREAD.exec(line);
    if (t !== null) {
      threads.push({ id: t[2]!, current: t[1] === 'Current thread', frames: [] });
      continue;
    }
    if (STACK.test(line)) {
      threads.push({ id: '?', current: true, frames: [] });
      continue;
    }
    const f = FRAME.exec(line);
    if (f !== null && threads.length > 0) threads.at(-1)!.frames.push({ file: f[1]!, line: Number(f[2]), func: f[3]!.trim() });
  }
  return threads;
}

// Where a thread waits, not why: the frames of these files are the waiting primitive.
const PRIMITIVES = new Set([
  'threading.py', 'queue.py', 'selectors.py', 'subprocess.py', 'connection.py', 'synchronize.py', 'queues.py',
  'popen_fork.py', 'popen_spawn_posix.py', 'popen_forkserver.py', 'managers.py', 'util.py', 'process.py',
  'sitecustomize.py', 'spawn.py', 'forkserver.py', 'resource_tracker.py', '_base.py',
]);
// the probe's own wrappers are never the place a program waits
const PROBE = /(^|\/)sitecustomize\.py$/;

function baseName(file: string): string {
  return file.split('/').pop() ?? file;
}

/** A path as a reader recognises it: the package directory and the file (`billiard/pool.py`). */
export function shortPath(file: string): string {
  const parts = file.split('/').filter((p) => p !== '');
  if (parts.length <= 1) return file;
  return parts.slice(-2).join('/').replace(/^(python\d(\.\d+)?|lib|site-packages|dist-packages|mpconform-[^/]*|tmp)\//, '');
}

function at(f: StackFrame): string {
  return `${shortPath(f.file)} line ${f.line} in \`${f.func}\``;
}

/**
 * One line per thread (main thread first): the innermost frame outside the waiting primitives,
 * then the primitive it waits in (`billiard/pool.py line 660 in \`_terminate_pool\`, waiting in
 * threading.py line 1119 in \`_wait_for_tstate_lock\``).
 */
export function whereLines(threads: readonly ThreadStack[]): string[] {
  const out: string[] = [];
  // faulthandler lists the newest thread first: the main thread is the last one
  for (const t of [...threads].reverse()) {
    const frames = t.frames.filter((f) => !PROBE.test(f.file));
    const inner = frames[0];
    if (inner === undefined) {
      out.push('no Python frame');
      continue;
    }
    const anchor = frames.find((f) => !PRIMITIVES.has(baseName(f.file))) ?? inner;
    out.push(anchor === inner ? at(inner) : `${at(anchor)}, waiting in ${at(inner)}`);
  }
  return out;
}

/** Parsed stacks of each process, labelled (`labelOf(pid)`), in the order the processes are listed. */
export function processStacks(raw: readonly RawStackText[], labelOf: (pid: number) => string | null): ProcessStack[] {
  return raw.map((r) => {
    const threads = parseStacks(r.text);
    return { pid: r.pid, label: labelOf(r.pid), threads, where: whereLines(threads) };
  });
}
