/**
 * Declared deviations (FORMAT.md): parse a library's deviations file, match it against cases,
 * and draft one from current failures.
 */
export { parseDeviations } from './parse.js';
export { ExpectationsInvalidError } from './errors.js';
export { featuresOf, GUARDS, STEP_OPS } from './features.js';
export type { Guard, ScenarioFeatures } from './features.js';
export { applyDeviations, applyDeviationsToAll, verdictWithDeviations } from './apply.js';
export type { DeviationSubject } from './apply.js';
export { readDeviationsFile } from './read-file.js';
export { appliesToCase, explainsMismatch } from './match.js';
export type { MatchContext } from './match.js';
export { deviationsFromCases, formatDeviations } from './from-cases.js';
export type { DeviationEntry, DeviationsDocument } from './from-cases.js';
export { parseVersionRange, versionMatches } from './version-range.js';
export type { Comparator } from './version-range.js';
export type { Deviation, DeviationsFile, Instead, When } from './types.js';
