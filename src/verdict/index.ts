export { judge, describeMismatches } from './judge.js';
export type { Verdict, VerdictKind, Mismatch } from './types.js';
export { VERDICTS } from './types.js';
