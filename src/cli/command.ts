/** What every verb gets besides its arguments. */
export interface CommandContext {
  /** Fires on Ctrl-C / SIGTERM: stop, clean up, and return (or throw ExecuteCancelledError). */
  readonly signal: AbortSignal;
  /** Where data goes (stdout); errors are thrown, not printed. */
  readonly out: (text: string) => void;
}

/** One `mpconform <verb>`: add a file under src/cli/commands/ and one entry in commands/index.ts. */
export interface Command {
  readonly name: string;
  /** One line for `mpconform --help`. */
  readonly summary: string;
  /** The full `mpconform <verb> --help` text. */
  readonly usage: string;
  /** Runs the verb; resolves to the exit code. Throw UsageError for bad usage (exit 2). */
  run(argv: readonly string[], ctx: CommandContext): Promise<number>;
}

/** A verb as `mpconform --help` lists it; its implementation is imported on first use. */
export interface CommandEntry {
  readonly name: string;
  /** One line for `mpconform --help`. */
  readonly summary: string;
  /** Imports the verb's module (once; later calls reuse it). */
  load(): Promise<Command>;
}
