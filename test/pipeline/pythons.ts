import { existsSync } from 'node:fs';

/** Test interpreters by minor version (pyenv layout on these machines); null when absent. */
export function python(minor: string): string | null {
  const candidates: Record<string, string> = {
    '3.7': '/root/.pyenv/versions/3.7.16/bin/python3',
    '3.8': '/root/.pyenv/versions/3.8.18/bin/python3',
    '3.10': '/root/.pyenv/versions/3.10.13/bin/python3',
    '3.11': '/root/.pyenv/versions/3.11.7/bin/python3',
    '3.12': '/root/.pyenv/versions/3.12.1/bin/python3',
    '3.13': '/root/.pyenv/versions/3.13.0/bin/python3',
    'debian': '/usr/bin/python3',
    'pypy': '/usr/bin/pypy3',
  };
  const path = candidates[minor];
  return path !== undefined && existsSync(path) ? path : null;
}

/** The given versions that exist, and a visible reason for those that do not. */
export function available(minors: readonly string[]): { present: [string, string][]; missing: string[] } {
  const present: [string, string][] = [];
  const missing: string[] = [];
  for (const m of minors) {
    const p = python(m);
    if (p === null) missing.push(m);
    else present.push([m, p]);
  }
  return { present, missing };
}
