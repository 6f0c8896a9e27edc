import { compareVersions } from '../model/facts.js';
import type { Rule } from './types.js';

/** The CPython version lines the table covers (3.7 is the oldest modelled, 3.15 the newest read). */
export const VERSION_LINES = ['3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14', '3.15'] as const;

function nextLine(line: string): string {
  const [major, minor] = line.split('.').map(Number) as [number, number];
  return `${major}.${minor + 1}.0`;
}

/**
 * When `rule` holds within version line `line` (`3.13` = [3.13.0, 3.14.0)): `all`, `—` (never), or the patch
 * releases where it flips, e.g. `≥3.13.8`, `<3.13.12`, `3.13.4–3.13.12` (inclusive of both printed patches).
 */
export function lineCell(rule: Rule, line: string): string {
  const lo = `${line}.0`;
  const hi = nextLine(line);
  const parts: string[] = [];
  for (const r of rule.versions) {
    const from = compareVersions(r.from, lo) > 0 ? r.from : lo;
    const to = r.to === null || compareVersions(r.to, hi) > 0 ? hi : r.to;
    if (compareVersions(from, to) >= 0) continue;
    const startsInside = from !== lo;
    const endsInside = to !== hi;
    if (!startsInside && !endsInside) return 'all';
    if (startsInside && !endsInside) parts.push(`≥${from}`);
    else if (!startsInside && endsInside) parts.push(`<${to}`);
    else parts.push(`${from}–${lastPatchBefore(to)}`);
  }
  return parts.length === 0 ? '—' : parts.join(', ');
}

/** `3.13.13` → `3.13.12` (the last release a half-open range `[…, 3.13.13)` includes). */
function lastPatchBefore(version: string): string {
  const p = version.split('.').map(Number) as [number, number, number];
  return p[2] > 0 ? `${p[0]}.${p[1]}.${p[2] - 1}` : `<${version}`;
}

/** A Markdown table: one row per rule, one column per version line, with the patch release where the rule flips. */
export function versionLineTable(rules: readonly Rule[]): string[] {
  return [
    `| id | platforms | ${VERSION_LINES.join(' | ')} |`,
    `|---|---|${VERSION_LINES.map(() => '---').join('|')}|`,
    ...rules.map((r) => `| \`${r.id}\` | ${r.platforms.join(', ')}${r.implementations ? ` (${r.implementations.join(', ')})` : ''} | ${VERSION_LINES.map((l) => lineCell(r, l)).join(' | ')} |`),
  ];
}
