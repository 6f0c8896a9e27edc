/** Data-file targets: a library described by JSON (schema/target.schema.json), without TypeScript. */
export { isTargetFile, loadTargetFile, parseTargetFile, TargetFileInvalidError, TargetFileUnreadableError } from './load.js';
export type { StartSpec, TargetFile } from './load.js';
export { isDottedName, isIdentifier, parseTemplate, renderTemplate } from './template.js';
export type { Fill, Part, Placeholder, Template } from './template.js';
