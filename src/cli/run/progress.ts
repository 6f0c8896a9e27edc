import type { VerdictKind } from '../../model/verdict.js';

/** Where progress goes: a live line on a TTY, periodic plain lines in CI or when piped. */
export interface ProgressSink {
  readonly isTTY: boolean;
  write(text: string): void;
}

/** Counts finished cases and renders progress: done/total, pass/fail/hang, rate and ETA. */
export class Progress {
  readonly #sink: ProgressSink;
  readonly #total: number;
  readonly #started = Date.now();
  readonly #counts = new Map<string, number>();
  #done = 0;
  #lastPlain = 0;
  readonly #plainEveryMs: number;

  constructor(sink: ProgressSink, total: number, plainEveryMs = 5_000) {
    this.#sink = sink;
    this.#total = total;
    this.#plainEveryMs = plainEveryMs;
  }

  /** Records one finished case; `hang` counts cases whose run ended in a hang. */
  tick(verdict: VerdictKind, hang: boolean): void {
    this.#done++;
    this.#counts.set(verdict, (this.#counts.get(verdict) ?? 0) + 1);
    if (hang) this.#counts.set('hang', (this.#counts.get('hang') ?? 0) + 1);
    const now = Date.now();
    if (this.#sink.isTTY) this.#sink.write(`\r\x1b[2K${this.line()}`);
    else if (now - this.#lastPlain >= this.#plainEveryMs || this.#done === this.#total) {
      this.#lastPlain = now;
      this.#sink.write(`${this.line()}\n`);
    }
  }

  /** Ends the live line so later output starts on a fresh line. */
  finish(): void {
    if (this.#sink.isTTY && this.#done > 0) this.#sink.write('\n');
  }

  /** The progress text, e.g. `[ 40/120] pass 35 fail 3 hang 2 · 6.1 cases/s · ETA 13s`. */
  line(): string {
    const elapsed = (Date.now() - this.#started) / 1000;
    const rate = elapsed > 0 ? this.#done / elapsed : 0;
    const eta = rate > 0 ? Math.ceil((this.#total - this.#done) / rate) : 0;
    const width = String(this.#total).length;
    const c = (k: string) => this.#counts.get(k) ?? 0;
    const others = ['expected-fail', 'unexpected-pass', 'flaky', 'skipped', 'unspecified']
      .filter((k) => c(k) > 0)
      .map((k) => ` ${k} ${c(k)}`)
      .join('');
    return `[${String(this.#done).padStart(width)}/${this.#total}] pass ${c('pass')} fail ${c('fail')} hang ${c('hang')}${others} · ${rate.toFixed(1)} cases/s · ETA ${eta}s`;
  }
}
