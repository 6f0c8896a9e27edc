import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ensureDirSync } from './ensure-dir.js';

test('creates every missing level, accepts an existing dir, and fails fast where the OS refuses', () => {
  const base = mkdtempSync(join(tmpdir(), 'mpconform-ensure-'));
  try {
    ensureDirSync(join(base, 'a', 'b', 'c'));
    expect(statSync(join(base, 'a', 'b', 'c')).isDirectory()).toBe(true);
    ensureDirSync(join(base, 'a'));
    writeFileSync(join(base, 'file'), '');
    expect(() => ensureDirSync(join(base, 'file', 'sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
    // Node's recursive mkdir never returns here; this must fail at once
    expect(() => ensureDirSync('/proc/self/mpconform-report/x')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
