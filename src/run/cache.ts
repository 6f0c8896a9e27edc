import type { Observation } from '../observe/types.js';

/**
 * Observations already made for an identical (program, interpreter, target), so shrinking does not
 * re-run a candidate it has seen. Bounded: the oldest entry goes first, so memory stays flat.
 */
export class ObservationCache {
  readonly #entries = new Map<string, Promise<Observation>>();
  readonly #limit: number;
  hits = 0;
  misses = 0;

  constructor(limit = 512) {
    this.#limit = limit;
  }

  /** Returns the cached observation for `key`, or runs `make` once and remembers its promise. */
  get(key: string, make: () => Promise<Observation>): { readonly value: Promise<Observation>; readonly hit: boolean } {
    const found = this.#entries.get(key);
    if (found !== undefined) {
      this.hits++;
      return { value: found, hit: true };
    }
    this.misses++;
    const value = make();
    // A failed run (cancelled, interpreter gone) must not be served again.
    value.catch(() => this.#entries.delete(key));
    this.#set(key, value);
    return { value, hit: false };
  }

  /** Remembers an observation made elsewhere (not counted as a lookup). */
  put(key: string, observation: Observation): void {
    if (!this.#entries.has(key)) this.#set(key, Promise.resolve(observation));
  }

  #set(key: string, value: Promise<Observation>): void {
    this.#entries.set(key, value);
    if (this.#entries.size > this.#limit) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}
