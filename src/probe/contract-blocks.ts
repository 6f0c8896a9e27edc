/**
 * The Python side of the contracts: the probe (sitecustomize.py) and the facts script (facts.py)
 * each carry a block generated from src/contracts (env names, the library list), between the
 * markers below. `npx tsx scripts/generate-probe-contracts.ts` rewrites them; a test fails when
 * a block is stale.
 */
import { EVENTS_ENV, TOKEN_ENV } from '../contracts/env.js';
import { LIBRARIES, type Library } from '../contracts/libraries.js';

export const BEGIN = '# BEGIN generated from src/contracts by scripts/generate-probe-contracts.ts (do not edit)';
export const END = '# END generated';

const LIBS = LIBRARIES as readonly Library[];

function py(s: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(s)) throw new Error(`not a plain Python name: ${JSON.stringify(s)}`);
  return `'${s}'`;
}

function tuple(items: readonly string[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** The probe's block: env names and the modules it patches. */
export function siteBlock(): string[] {
  const probed = LIBS.flatMap((l) => (l.probe === null ? [] : [l.probe]));
  return [
    BEGIN,
    `_EVENTS_ENV = ${py(EVENTS_ENV)}`,
    `_TOKEN_ENV = ${py(TOKEN_ENV)}`,
    '# modules whose BaseProcess is patched, whose tracker register() sees named semaphores, whose shm_open is wrapped',
    `_TARGETS = ${tuple(probed.map((p) => py(`${p.package}.process`)))}`,
    `_TRACKERS = ${tuple(probed.filter((p) => p.trackers).flatMap((p) => ['resource_tracker', 'semaphore_tracker'].map((m) => py(`${p.package}.${m}`))))}`,
    `_SHM = ${tuple(probed.filter((p) => p.sharedMemory).map((p) => py(`${p.package}.shared_memory`)))}`,
    END,
  ];
}

/** The facts script's block: which versions to report. */
export function factsBlock(): string[] {
  const entries = LIBS.flatMap((l) => l.facts);
  return [
    BEGIN,
    '# key -> module whose import makes the interpreter version the key\'s version',
    `STDLIB_TARGETS = ${tuple(entries.filter((f) => f.stdlib === true).map((f) => tuple([py(f.key), py(f.modules[0] ?? f.key)])))}`,
    '# key -> modules whose first importable __version__ is the key\'s version',
    `PACKAGE_TARGETS = ${tuple(entries.filter((f) => f.stdlib !== true).map((f) => tuple([py(f.key), tuple(f.modules.map(py))])))}`,
    END,
  ];
}

/** `text` with its generated block replaced by `block` (throws when the markers are missing). */
export function withBlock(text: string, block: readonly string[]): string {
  const lines = text.split('\n');
  const from = lines.indexOf(BEGIN);
  const to = lines.indexOf(END, from);
  if (from < 0 || to < 0) throw new Error('generated block markers not found');
  return [...lines.slice(0, from), ...block, ...lines.slice(to + 1)].join('\n');
}
