import type { ExceptionInfo } from '../model/observation.js';

const START = 'Traceback (most recent call last):';
const FINAL = /^([A-Za-z_][\w.]*)(?:: (.*))?$/;
const ERRNO = /^\[Errno (\d+)\]/;

/**
 * Exceptions from Python tracebacks in captured stderr, in order: the fallback when the probe could
 * not record one (for example the probe was not loaded). Chained tracebacks count once each.
 */
export function parseTracebacks(stderr: string): ExceptionInfo[] {
  const out: ExceptionInfo[] = [];
  const lines = stderr.split('\n');
  let inside = false;
  for (const line of lines) {
    if (line.startsWith(START)) {
      inside = true;
      continue;
    }
    if (!inside || line.startsWith(' ') || line === '') continue;
    const m = FINAL.exec(line);
    inside = false;
    if (m === null || m[1] === undefined) continue;
    const message = m[2] ?? '';
    const errno = ERRNO.exec(message);
    out.push({ type: m[1].split('.').pop() ?? m[1], message, errno: errno?.[1] !== undefined ? Number(errno[1]) : null });
  }
  return out;
}
