import type { Discovered } from '../../interpreters/discover.js';
import { printableLines } from './terminal.js';

/** One line per interpreter: facts for usable ones, the reason for the others. */
export function formatPythons(list: readonly Discovered[]): string {
  const rows = list.map((d) => {
    switch (d.status) {
      case 'ok': {
        const f = d.facts;
        const targets = Object.entries(f.targets).filter(([, v]) => v !== null).map(([k, v]) => (k === 'multiprocessing' || k === 'concurrent.futures' ? k : `${k} ${v}`));
        return `${d.path}  [${d.source}]  ${f.implementation} ${f.version} ${f.platform}  default ${f.defaultMethod} of ${f.startMethods.join('/')}  targets: ${targets.join(', ')}`;
      }
      case 'unusable':
        return `${d.path}  [${d.source}]  unusable (${d.code}): ${d.reason}`;
    }
  });
  return rows.length > 0 ? printableLines(rows) : 'no interpreters found';
}
