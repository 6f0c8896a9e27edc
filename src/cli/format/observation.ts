import type { InterpreterFacts } from '../../model/facts.js';
import type { ProcessStack, StackFrame } from '../../model/hang.js';
import type { Observation, ProcessObservation, RunEnd } from '../../model/observation.js';
import { shortPath } from '../../observe/stacks.js';
import { printableLines } from './terminal.js';

/** Frames shown per thread; a deeper stack says how many older frames it leaves out. */
export const MAX_FRAMES = 12;
// the probe's wrappers (run, _bootstrap, join) sit between a program's frames: left out, as in whereLines
const PROBE = /(^|\/)sitecustomize\.py$/;

function endText(end: RunEnd): string {
  switch (end.kind) {
    case 'exited':
      return `exited ${end.code}`;
    case 'signaled':
      return `killed by ${end.signal}`;
    case 'hang':
      return `hang (${end.how}: ${end.reason}) after ${end.afterMs} ms`;
  }
}

function line(p: ProcessObservation): string {
  const who = p.label ?? p.role;
  const parts = [`${who}`, `pid ${p.pid}`];
  if (p.name !== null && p.name !== p.label) parts.push(`name ${p.name}`);
  if (p.role !== 'main' && p.role !== who) parts.push(p.role);
  if (p.startMethod !== null) parts.push(p.startMethod);
  parts.push(`→ ${p.outcome}`);
  if (p.exitcode !== null) parts.push(`(exitcode ${p.exitcode})`);
  const exc = p.exception === null ? '' : `  ${p.exception.type}: ${p.exception.message.trim().split('\n')[0]?.slice(0, 100) ?? ''}`;
  return parts.join('  ') + exc;
}

function frameText(f: StackFrame): string {
  return `${shortPath(f.file)} line ${f.line} in ${f.func}`;
}

/**
 * A hung tree's stacks (src/observe/stacks.ts), per Python process: label and pid, then each thread
 * (main thread first, as in `where`) with its summary line and its top frames, most recent call first.
 */
export function stackText(stacks: readonly ProcessStack[]): string[] {
  if (stacks.length === 0) return ['stacks: none taken (no Python process answered before the tree was ended)'];
  const out = ['stacks (most recent call first; the probe\'s sitecustomize.py frames left out):'];
  for (const s of stacks) {
    // faulthandler prints the main thread last; `where` is main thread first
    const threads = [...s.threads].reverse();
    const who = `  ${s.label ?? 'process'}  pid ${s.pid}`;
    if (threads.length === 0) out.push(`${who}: no thread in its dump`);
    if (threads.length > 1) out.push(who);
    threads.forEach((t, i) => {
      const frames = t.frames.filter((f) => !PROBE.test(f.file));
      const indent = threads.length > 1 ? '      ' : '    ';
      const head = threads.length > 1 ? `    thread ${i + 1} (${t.id}${i === 0 ? ', main' : ''})` : who;
      out.push(`${head}: ${s.where[i] ?? 'no Python frame'}`);
      for (const f of frames.slice(0, MAX_FRAMES)) out.push(`${indent}${frameText(f)}`);
      if (frames.length > MAX_FRAMES) out.push(`${indent}… ${frames.length - MAX_FRAMES} older frames`);
    });
  }
  return out;
}

/** A process tree for people: one line per process, nested under its OS parent, then the notes (terminal-safe: see terminal.ts). */
export function formatObservation(file: string, facts: InterpreterFacts, o: Observation): string {
  const out = [`${file} on ${facts.implementation} ${facts.version} (${facts.path}): ${endText(o.end)}, ${o.durationMs} ms${o.sandbox !== undefined ? `, sandbox: ${o.sandbox}` : ''}`];
  const pids = new Set(o.processes.map((p) => p.pid));
  const children = new Map<number, ProcessObservation[]>();
  const roots: ProcessObservation[] = [];
  for (const p of o.processes) {
    if (p.role !== 'main' && pids.has(p.ppid)) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
    else roots.push(p);
  }
  const walk = (p: ProcessObservation, depth: number, seen: Set<number>): void => {
    if (seen.has(p.pid)) return;
    seen.add(p.pid);
    out.push(`${'  '.repeat(depth + 1)}${line(p)}`);
    for (const c of children.get(p.pid) ?? []) walk(c, depth + 1, seen);
  };
  const seen = new Set<number>();
  for (const r of roots) walk(r, 0, seen);
  // a hang: where every Python process waited when the tree was ended (taken before it was killed)
  if (o.end.kind === 'hang') out.push(...stackText(o.stacks ?? []));
  const notes = Object.entries(o.notes);
  if (notes.length > 0) out.push('notes:', ...notes.map(([k, v]) => `  ${k} = ${v}`));
  // leaks (src/observe/leaks.ts), in the resource tracker's own words
  if (o.leaks !== undefined && o.leaks.length > 0) out.push('leaks:', ...o.leaks.map((l) => `  ${l.process ?? '?'}: ${l.text}`));
  for (const [name, c] of [['stdout', o.stdout], ['stderr', o.stderr]] as const) {
    if (c.omittedBytes > 0) out.push(`${name}: ${c.totalBytes} bytes, ${c.omittedBytes} omitted from the middle`);
  }
  return printableLines(out);
}
