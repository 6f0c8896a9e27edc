import type { InterpreterFacts } from '../../model/facts.js';
import type { Observation, ProcessObservation, RunEnd } from '../../model/observation.js';
import { printableLines } from './terminal.js';

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
  const notes = Object.entries(o.notes);
  if (notes.length > 0) out.push('notes:', ...notes.map(([k, v]) => `  ${k} = ${v}`));
  // leaks (src/observe/leaks.ts), in the resource tracker's own words
  if (o.leaks !== undefined && o.leaks.length > 0) out.push('leaks:', ...o.leaks.map((l) => `  ${l.process ?? '?'}: ${l.text}`));
  for (const [name, c] of [['stdout', o.stdout], ['stderr', o.stderr]] as const) {
    if (c.omittedBytes > 0) out.push(`${name}: ${c.totalBytes} bytes, ${c.omittedBytes} omitted from the middle`);
  }
  return printableLines(out);
}
