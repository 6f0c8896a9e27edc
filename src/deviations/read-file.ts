import { readFile } from 'node:fs/promises';
import { parseDeviations } from './parse.js';
import type { DeviationsFile } from './types.js';

/**
 * Reads and validates an expectations (declared deviations) file — FORMAT.md.
 *
 * @throws ExpectationsInvalidError (`FILE:LINE: problem`), or the file system's error when unreadable.
 * @public
 */
export async function readDeviationsFile(path: string): Promise<DeviationsFile> {
  return parseDeviations(await readFile(path, 'utf8'), path);
}
