/**
 * Rewrites the blocks the probe's Python files carry from src/contracts (env names, the library
 * list): `npx tsx scripts/generate-probe-contracts.ts`. src/probe/contract-blocks.test.ts fails
 * while a block is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { factsBlock, siteBlock, withBlock } from '../src/probe/contract-blocks.js';
import { factsScript, probeSiteDir } from '../src/probe/paths.js';

for (const [file, block] of [[`${probeSiteDir()}/sitecustomize.py`, siteBlock()], [`${factsScript()}`, factsBlock()]] as const) {
  const text = readFileSync(file, 'utf8');
  const next = withBlock(text, block);
  if (next !== text) writeFileSync(file, next);
  process.stdout.write(`${next === text ? 'unchanged' : 'wrote'} ${file}\n`);
}
