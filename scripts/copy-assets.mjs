// Build helper. `node scripts/copy-assets.mjs clean` empties dist/ (so no stale module from a
// renamed or deleted source is ever packed); without an argument it copies the non-TypeScript
// assets next to the compiled JavaScript and makes the CLI executable:
// - src/probe/python/** → dist/src/probe/python/** (the probe's sitecustomize.py and facts.py,
//   found at runtime beside src/probe/paths.js), without __pycache__ or *.pyc;
// - dist/src/cli/main.js gets mode 0755 (the `mpconform` bin; tsc keeps its shebang).
// schema/report.schema.json ships at the package root (package.json "files"), where
// src/report/read.js looks for it from dist/src/report/.
import { chmodSync, cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';

if (process.argv[2] === 'clean') {
  rmSync('dist', { recursive: true, force: true });
  process.exit(0);
}

const ASSETS = ['src/probe/python'];
for (const dir of ASSETS) {
  if (!existsSync(dir)) throw new Error(`copy-assets: ${dir} is missing`);
  cpSync(dir, `dist/${dir}`, {
    recursive: true,
    filter: (src) => basename(src) !== '__pycache__' && !src.endsWith('.pyc'),
  });
}

const BIN = 'dist/src/cli/main.js';
if (!readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')) throw new Error(`copy-assets: ${BIN} lacks its shebang`);
chmodSync(BIN, 0o755);
