// The public API report (etc/*.api.md, API Extractor): emits the declarations of src/ into
// .cache/api/ (never dist/, which `npm pack` builds), then checks each entry point's surface
// against its committed report. `--update` rewrites the reports instead of failing on a change.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const update = process.argv.includes('--update');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

// tsc's type errors are the type-check's business (npm run typecheck); the declarations are emitted regardless
run(bin('tsc'), ['-p', 'tsconfig.api.json']);
let failed = 0;
for (const config of ['etc/api-extractor.json', 'etc/api-extractor.vitest.json']) {
  failed |= run(bin('api-extractor'), ['run', ...(update ? ['--local'] : []), '-c', config]);
}
if (failed && !update) console.error('\nThe public API changed: review it, then run `npm run api:update` and commit etc/*.api.md.');
process.exit(failed);
