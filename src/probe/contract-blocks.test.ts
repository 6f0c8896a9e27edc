import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { factsBlock, siteBlock, withBlock } from './contract-blocks.js';
import { factsScript, probeSiteDir } from './paths.js';

describe('the Python files carry the blocks generated from src/contracts', () => {
  test.each([
    ['sitecustomize.py', join(probeSiteDir(), 'sitecustomize.py'), siteBlock()],
    ['facts.py', factsScript(), factsBlock()],
  ] as const)('%s is up to date (else: npx tsx scripts/generate-probe-contracts.ts)', (_name, file, block) => {
    const text = readFileSync(file, 'utf8');
    expect(withBlock(text, block)).toBe(text);
  });

  test('the probe reads its env names only from the generated block', () => {
    const text = readFileSync(join(probeSiteDir(), 'sitecustomize.py'), 'utf8');
    const outside = text.split('# END generated')[1] ?? '';
    expect(outside).not.toMatch(/'MPCONFORM_[A-Z_]+'/);
  });
});
