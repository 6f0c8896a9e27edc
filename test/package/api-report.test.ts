// The public surface is deliberate: the declarations of both entry points ('mpconform' and
// 'mpconform/vitest') must match the committed API reports (etc/*.api.md, API Extractor). A change
// to the surface fails here until the reports are updated with `npm run api:update` and reviewed.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { expect, test } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

test('the public API matches etc/mpconform.api.md and etc/mpconform-vitest.api.md', async () => {
  const r = await execa('node', ['scripts/api-report.mjs'], { cwd: ROOT, reject: false, all: true, timeout: 240_000 });
  expect(r.exitCode, r.all.split('\n').filter((l) => /Warning|Error|ERROR|changed|api:update/.test(l)).join('\n')).toBe(0);
}, 300_000);
