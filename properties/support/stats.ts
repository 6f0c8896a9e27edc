/** Per-family counts printed after each property file: verdicts and coverage cells. */
export class FamilyStats {
  readonly #verdicts = new Map<string, number>();
  readonly #cells = new Map<string, number>();
  constructor(readonly family: string) {}

  /** Records one evaluated case. */
  add(verdict: string, cells: readonly string[]): void {
    this.#verdicts.set(verdict, (this.#verdicts.get(verdict) ?? 0) + 1);
    for (const c of cells) this.#cells.set(c, (this.#cells.get(c) ?? 0) + 1);
  }

  /** Cell counts so far. */
  cells(): ReadonlyMap<string, number> {
    return this.#cells;
  }

  /** A compact multi-line summary for the test output. */
  text(): string {
    const verdicts = [...this.#verdicts.entries()].map(([k, n]) => `${k} ${n}`).join(', ') || 'no cases';
    const cells = [...this.#cells.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `  ${k}: ${n}`);
    return [`[${this.family}] cases: ${verdicts}`, `[${this.family}] coverage cells (${cells.length}):`, ...cells].join('\n');
  }
}
