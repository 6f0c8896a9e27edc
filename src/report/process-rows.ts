import type { CaseResult } from '../model/report.js';

/** One process's expected vs observed outcome, for every format. */
export interface ProcessRow {
  readonly label: string;
  readonly expected: string;
  readonly rules: readonly string[];
  readonly observed: string;
  /** `Type: message` of the exception the process recorded, when any. */
  readonly detail: string | null;
}

/** Expected and observed outcomes joined by process label (expected order first, then extra observed). */
export function processRows(c: CaseResult): ProcessRow[] {
  const observed = c.observation?.processes ?? [];
  const rows: ProcessRow[] = c.expectation.processes.map((p) => {
    // A label may cover several processes (pool workers): show every distinct outcome, and the
    // exception of the first process whose outcome the expectation does not accept.
    const mine = observed.filter((x) => x.label === p.label);
    const outcomes = [...new Set(mine.map((x) => x.outcome))];
    const bad = p.kind === 'outcomes' ? mine.find((x) => !p.accept.includes(x.outcome)) : undefined;
    const o = bad ?? mine.find((x) => x.exception !== null) ?? mine[0];
    return {
      label: p.label,
      expected: p.kind === 'outcomes' ? p.accept.join(' | ') : `unspecified (${p.reason})`,
      rules: p.rules,
      observed: c.observation === null ? '(not run)' : outcomes.length > 0 ? outcomes.join(' + ') : 'absent',
      detail: o?.exception ? `${o.exception.type}: ${o.exception.message}` : null,
    };
  });
  for (const o of observed) {
    if (o.label !== null && c.expectation.processes.some((p) => p.label === o.label)) continue;
    rows.push({
      label: o.label ?? `${o.role} pid ${o.pid}`,
      expected: '(no expectation)',
      rules: [],
      observed: o.outcome,
      detail: o.exception ? `${o.exception.type}: ${o.exception.message}` : null,
    });
  }
  return rows;
}

/** The last `lines` lines of the captured stderr ('' when not run). */
export function stderrTail(c: CaseResult, lines = 20): string {
  const err = c.observation?.stderr;
  if (!err) return '';
  // Nothing omitted: the head may already hold everything, so only append a tail it lacks.
  const whole = Buffer.byteLength(err.head) >= err.totalBytes ? err.head : err.head + err.tail;
  const text = err.omittedBytes > 0 ? `${err.head}\n[… ${err.omittedBytes} bytes omitted …]\n${err.tail}` : whole;
  return text.split('\n').slice(-lines).join('\n');
}
