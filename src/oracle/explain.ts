import { rulesById } from './rules/index.js';
import type { Expectation } from '../model/expectation.js';

/**
 * Human-readable text of an expectation for `mpconform predict`: per process, notes, then every rule with its source.
 *
 * @public
 */
export function explain(expectation: Expectation): string {
  const lines: string[] = ['processes:'];
  for (const p of expectation.processes) {
    const warned = p.kind === 'outcomes' ? Object.entries(p.warnings ?? {}).filter(([, seen]) => seen.includes('yes')) : [];
    const warnings = warned.map(([id, seen]) => `; warns ${id}${seen.includes('no') ? ' (maybe)' : ''}`).join('');
    const what = p.kind === 'outcomes' ? `${p.accept.join(' | ')}${warnings}` : `unspecified (${p.reason})`;
    lines.push(`  ${p.label}: ${what}${p.rules.length > 0 ? `   [${p.rules.join(', ')}]` : ''}`);
  }
  const notes = Object.entries(expectation.notes);
  if (notes.length > 0) {
    lines.push('notes:');
    for (const [key, values] of notes) lines.push(`  ${key}: ${values.join(' | ')}`);
  }
  lines.push('rules:');
  for (const id of expectation.rules) {
    const rule = rulesById.get(id);
    lines.push(rule === undefined ? `  ${id}` : `  ${id}: ${rule.statement}\n      source: ${rule.source}`);
  }
  return lines.join('\n');
}
