import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cacheDir } from '../fsutil/cache-dir.js';
import { ensureDirSync } from '../fsutil/ensure-dir.js';
import { dirname, join } from 'node:path';
import type { InterpreterFacts } from '../model/facts.js';

/** Facts that depend only on the binary (not on how it was named or found). */
export type CoreFacts = Omit<InterpreterFacts, 'path' | 'source'>;

/** What the cache remembers of an interpreter too old (or otherwise unsupported) to use: the detail of its InterpreterUnsupportedError. */
export interface UnsupportedFacts {
  readonly unsupported: string;
}

/** One cache entry. */
export type CachedFacts = CoreFacts | UnsupportedFacts;

// Bump when facts.py, CoreFacts or CachedFacts change: old entries are then simply not found.
// 2: unsupported interpreters are cached too (a v1 reader would take them for facts).
// 3: keyed by the path as invoked and its pyvenv.cfg as well (a venv is not its base interpreter).
// 4: facts.py reports mpire (and a release from the distribution's metadata when __version__ is missing).
const FORMAT = 4;


/** Per-process memory cache in front of a JSON file; disk problems only cost a re-probe. */
export class FactsCache {
  private loaded: Record<string, CachedFacts> | null = null;
  constructor(private readonly file = join(cacheDir(), `facts-v${FORMAT}.json`)) {}

  get(key: string): CachedFacts | undefined {
    return this.load()[key];
  }

  set(key: string, facts: CachedFacts): void {
    const all = this.load();
    all[key] = facts;
    try {
      ensureDirSync(dirname(this.file));
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(all, null, 1));
      renameSync(tmp, this.file); // atomic: parallel runs never read half a file
    } catch {
      // read-only install: memory cache only
    }
  }

  private load(): Record<string, CachedFacts> {
    if (this.loaded === null) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
        this.loaded = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, CachedFacts>) : {};
      } catch {
        this.loaded = {};
      }
    }
    return this.loaded;
  }
}
