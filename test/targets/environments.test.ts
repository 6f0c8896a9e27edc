/**
 * Per-interpreter environments (src/interpreters/environments.ts) on this machine's manifest
 * (scripts/setup-targets.sh): discovered as interpreters with their own libraries, not conflated
 * with their base interpreters, and chosen over them for library targets.
 */
import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIBRARY_IDS } from '../../src/contracts/libraries.js';
import { discoverInterpreters } from '../../src/interpreters/discover.js';
import { environmentsManifest, readEnvironments } from '../../src/interpreters/environments.js';
import { probeInterpreter } from '../../src/interpreters/probe.js';
import { resolvePythons } from '../../src/interpreters/resolve.js';

const envs = readEnvironments().filter((e) => {
  try {
    realpathSync(e.python);
    return true;
  } catch {
    return false;
  }
});
const withBilliard = envs.filter((e) => typeof e.libraries['billiard'] === 'string');

describe.skipIf(envs.length === 0)(`environments of ${environmentsManifest()}${envs.length === 0 ? ' (skipped: no manifest or no environment; run scripts/setup-targets.sh)' : ''}`, () => {
  it('an environment has its own facts: its libraries at the manifest releases, not its base interpreter\'s', { timeout: 120_000 }, async () => {
    const e = envs[0]!;
    const [venv, base] = await Promise.all([probeInterpreter(e.python, { source: 'env' }), probeInterpreter(e.base)]);
    expect(venv.executable).toBe(e.python);
    for (const [lib, release] of Object.entries(e.libraries)) {
      if (release !== null && lib !== 'mpire') expect(venv.targets[lib], lib).toBe(release);
    }
    if (e.libraries['mpire'] !== null && venv.versionInfo[1]! >= 8) expect(venv.targets['mpire']).toBe(e.libraries['mpire']);
    expect(venv.executable).not.toBe(base.executable);
  });

  it('discovery lists every environment once, as source env, besides its base interpreter', { timeout: 300_000 }, async () => {
    const found = await discoverInterpreters();
    for (const e of envs) {
      const d = found.filter((x) => x.path === e.python);
      expect(d, e.name).toHaveLength(1);
      expect(d[0]).toMatchObject({ status: 'ok', source: 'env' });
    }
  });

  it('--python env:<name> is that environment', { timeout: 120_000 }, async () => {
    const [f] = await resolvePythons([`env:${envs[0]!.name}`]);
    expect(f).toMatchObject({ path: envs[0]!.python, source: 'env' });
  });

  it('--python all: plain interpreters for the stdlib; for billiard the environments that have it, never a base they replace', { timeout: 300_000 }, async () => {
    const stdlib = await resolvePythons(['all'], { targets: ['multiprocessing'], knownTargets: LIBRARY_IDS });
    expect(stdlib.some((f) => f.source === 'env')).toBe(false);
    const billiard = await resolvePythons(['all'], { targets: ['billiard'], knownTargets: LIBRARY_IDS });
    expect(billiard.every((f) => f.targets['billiard'] !== null && f.targets['billiard'] !== undefined)).toBe(true);
    for (const e of withBilliard) expect(billiard.map((f) => f.path)).toContain(e.python);
    const replaced = new Set(withBilliard.map((e) => realpathSync(e.base)));
    expect(billiard.filter((f) => f.source !== 'env' && replaced.has(realpathSync(f.path)))).toEqual([]);
  });
});
