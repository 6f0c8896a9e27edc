/** parseDeviations: valid files, and eager errors with file and line. */
import { describe, expect, it } from 'vitest';
import { ExpectationsInvalidError, parseDeviations } from '../../src/deviations/index.js';

const GOOD = `{
  "version": 1,
  "deviations": [
    {
      "target": "billiard",
      "when": { "startMethod": "spawn", "python": ">=3.11", "worker": ["pool-map"], "label": "main" },
      "outcome": "exception:TypeError",
      "reason": "billiard pickles task arguments itself",
      "link": "https://github.com/celery/billiard"
    },
    { "target": "pebble", "note": "w1.exitcode", "value": "0", "reason": "pebble returns child errors through the future" }
  ]
}
`;

function errorOf(text: string): ExpectationsInvalidError {
  try {
    parseDeviations(text, 'dev.json');
  } catch (e) {
    if (e instanceof ExpectationsInvalidError) return e;
    throw e;
  }
  throw new Error('no error');
}

/** GOOD with the first entry's `when` replaced. */
const withWhen = (when: string): string => GOOD.replace(/"when": \{[^}]*\}/, `"when": ${when}`);

describe('parseDeviations', () => {
  it('parses entries with their lines and normalised conditions', () => {
    const f = parseDeviations(GOOD, 'dev.json');
    expect(f.deviations).toHaveLength(2);
    const [a, b] = f.deviations;
    expect(a?.line).toBe(4);
    expect(a?.when.startMethod).toEqual(['spawn']);
    expect(a?.when.python?.text).toBe('>=3.11');
    expect(a?.instead).toEqual({ kind: 'outcome', outcome: 'exception:TypeError' });
    expect(b?.line).toBe(11);
    expect(b?.instead).toEqual({ kind: 'note', key: 'w1.exitcode', value: '0' });
    expect(b?.link).toBeNull();
  });

  it.each([
    ['unknown entry key', GOOD.replace('"reason": "pebble', '"why": 1, "reason": "pebble'), 11, /unknown key "why"/],
    ['unknown when key', withWhen('{ "start": "spawn" }'), 4, /unknown condition "start"/],
    ['bad enum value', withWhen('{ "worker": ["pool-mapp"] }'), 4, /bad value "pool-mapp" for "worker"/],
    ['bad version condition', withWhen('{ "python": ">=3.x" }'), 4, /bad version condition ">=3.x"/],
    ['unknown outcome', GOOD.replace('exception:TypeError', 'segfault'), 4, /unknown outcome id "segfault"/],
    ['bad label', withWhen('{ "label": "worker" }'), 4, /bad value "worker" for "label"/],
    ['missing reason', GOOD.replace('"reason": "pebble returns child errors through the future"', '"reason": ""'), 11, /"reason" must be/],
    ['bad version', GOOD.replace('"version": 1', '"version": 2'), 1, /unsupported "version" 2/],
    ['unknown top key', GOOD.replace('"version": 1,', '"version": 1, "extra": true,'), 1, /unknown key "extra"/],
  ])('%s → E_EXPECTATIONS_INVALID naming the line', (_name, text, line, message) => {
    const e = errorOf(text);
    expect(e.code).toBe('E_EXPECTATIONS_INVALID');
    expect(e.line).toBe(line);
    expect(e.message).toMatch(new RegExp(`^dev\\.json:${line}: `));
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('\n');
  });

  it('reports the line of a JSON syntax error', () => {
    const e = errorOf('{\n  "version": 1,\n  "deviations": [ { "target": "x", }\n  ]\n}\n');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^dev\.json:3: not valid JSON/);
  });
});

describe('FORMAT.md', () => {
  it('its example parses', async () => {
    const { readFileSync } = await import('node:fs');
    const md = readFileSync(new URL('../../src/deviations/FORMAT.md', import.meta.url), 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
    expect(parseDeviations(json, 'FORMAT.md').deviations).toHaveLength(2);
  });
});
