import { MpconformError } from '../errors/index.js';

/**
 * Stable error codes of the reports stage (the CLI maps them to exit 2 with the one-line message).
 *
 * @public
 */
export type ReportErrorCode = 'E_REPORT_DIR' | 'E_REPORT_INVALID' | 'E_REPORT_MERGE';

/**
 * An error of the reports stage: `code` is stable, `message` is one line naming the path or case.
 *
 * @public
 */
export class ReportError extends MpconformError<ReportErrorCode> {}

/**
 * The report directory (or a file in it) cannot be created or written.
 *
 * @public
 */
export class ReportDirError extends ReportError {
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super('E_REPORT_DIR', `cannot write report to ${path}: ${reasonOf(cause)}`, { cause });
    this.path = path;
  }
}

/**
 * A report.json that is not JSON or does not match schema/report.schema.json.
 *
 * @public
 */
export class ReportInvalidError extends ReportError {
  readonly path: string;
  constructor(path: string, problem: string) {
    super('E_REPORT_INVALID', `${path}: ${problem}`);
    this.path = path;
  }
}

/**
 * Shards that cannot be merged (different runs, or one case id with two different results).
 *
 * @public
 */
export class ReportMergeError extends ReportError {
  constructor(problem: string) {
    super('E_REPORT_MERGE', `cannot merge reports: ${problem}`);
  }
}

/** `ENOTDIR (not a directory)`-style one-liner for a Node system error, else its message. */
export function reasonOf(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    const first = cause.message.split('\n')[0] ?? '';
    return code ? `${code} (${first.replace(/^[A-Z]+: /, '').replace(/,.*$/, '')})` : first;
  }
  return String(cause);
}
