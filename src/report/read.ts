import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RunReport } from '../model/report.js';
import { ReportInvalidError, reasonOf } from './errors.js';
import { checkSchema, type JsonSchema } from './schema-check.js';

let cached: JsonSchema | null = null;

/** schema/report.schema.json, found from this module's location (works from src/ and from dist/src/). */
export function reportSchema(): JsonSchema {
  if (cached) return cached;
  for (const up of ['../../schema/', '../../../schema/']) {
    const file = fileURLToPath(new URL(`${up}report.schema.json`, import.meta.url));
    if (existsSync(file)) return (cached = JSON.parse(readFileSync(file, 'utf8')) as JsonSchema);
  }
  throw new Error('mpconform: schema/report.schema.json is missing from the installation');
}

/**
 * Checks a parsed value against the report schema; returns it typed, or throws {@link ReportInvalidError} naming `source`.
 *
 * @public
 */
export function validateReport(value: unknown, source = 'report'): RunReport {
  const problem = checkSchema(reportSchema(), value);
  if (problem) throw new ReportInvalidError(source, `not a valid mpconform report (schemaVersion 1): ${problem}`);
  return value as RunReport;
}

/**
 * Reads and validates a report.json; errors are one line naming the path and the first problem.
 *
 * @public
 */
export async function readReport(path: string): Promise<RunReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ReportInvalidError(path, `cannot read: ${reasonOf(cause)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ReportInvalidError(path, `not JSON: ${reasonOf(cause)}`);
  }
  return validateReport(value, path);
}
