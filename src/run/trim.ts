import type { CapturedText, Observation } from '../model/observation.js';

/** Characters of stdout/stderr kept at each end in the CaseResult of a case that agreed. */
export const KEPT_OUTPUT_CHARS = 8 * 1024;

const isLowSurrogate = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/** Keeps the first and last `keep` characters (never splitting a surrogate pair); the cut is counted in omittedBytes. */
export function trimCaptured(t: CapturedText, keep = KEPT_OUTPUT_CHARS): CapturedText {
  if (t.head.length <= keep && t.tail.length <= keep) return t;
  let h = Math.min(keep, t.head.length);
  if (h < t.head.length && isLowSurrogate(t.head, h)) h--;
  let s = Math.max(0, t.tail.length - keep);
  if (s > 0 && isLowSurrogate(t.tail, s)) s++;
  const head = t.head.slice(0, h);
  const tail = t.tail.slice(s);
  const cut = Buffer.byteLength(t.head.slice(h)) + Buffer.byteLength(t.tail.slice(0, s));
  return { head, tail, omittedBytes: t.omittedBytes + cut, totalBytes: t.totalBytes };
}

/**
 * The observation as a finished case keeps it: bounded output (a run holds every CaseResult for the
 * report, so 2,000 chatty passing cases must not hold 2,000 × 256 KiB). Classification already
 * happened on the full capture; notes are separate.
 */
export function trimObservation(o: Observation, keep = KEPT_OUTPUT_CHARS): Observation {
  const stdout = trimCaptured(o.stdout, keep);
  const stderr = trimCaptured(o.stderr, keep);
  return stdout === o.stdout && stderr === o.stderr ? o : { ...o, stdout, stderr };
}
