import type { Observation } from '../model/observation.js';

/**
 * Observations already made for an identical (program, interpreter, target), so shrinking does not
 * re-run a candidate it has seen. Bounded: the oldest entry goes first, so memory stays flat.
 *
 * Hangs are remembered apart, from every run of the conformance run (fresh first runs and reruns
 * included, which do not read the cache): a program that hung once is not waited on again by a
 * shrink step (`get` serves the hang). Same program text, same interpreter, same target: the same
 * deadlock.
 */
export class ObservationCache {
  readonly #entries = new Map<string, Promise<Observation>>();
  readonly #hangs = new Map<string, Observation>();
  readonly #limit: number;
  hits = 0;
  misses = 0;
  /** Lookups served by a remembered hang. */
  hangHits = 0;

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
    const hang = this.#hangs.get(key);
    if (hang !== undefined) {
      this.hits++;
      this.hangHits++;
      return { value: Promise.resolve(hang), hit: true };
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

  /** Remembers a run that hung (made without the cache: a first run or a rerun). */
  noteHang(key: string, observation: Observation): void {
    if (observation.end.kind !== 'hang' || this.#hangs.has(key)) return;
    this.#hangs.set(key, observation);
    if (this.#hangs.size > this.#limit) {
      const oldest = this.#hangs.keys().next().value;
      if (oldest !== undefined) this.#hangs.delete(oldest);
    }
  }

  #set(key: string, value: Promise<Observation>): void {
    this.#entries.set(key, value);
    if (this.#entries.size > this.#limit) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}
