import { describe, expect, it } from 'vitest';
import { junitXml } from '../../src/report/junit.js';
import { escapeXml } from '../../src/report/escape.js';
import { all, parseXml } from './xml-check.js';
import { buildCases, buildReport, NASTY_STDERR, XSS } from './fixtures.js';

describe('junit.xml', () => {
  const report = buildReport();
  const xml = junitXml(report);
  const root = parseXml(xml);

  it('is well-formed with one suite per interpreter × target and one testcase per case', () => {
    expect(root.name).toBe('testsuites');
    const combos = new Set(report.cases.map((c) => `${c.python} ${c.target}`));
    expect(all(root, 'testsuite')).toHaveLength(combos.size);
    const cases = all(root, 'testcase');
    expect(cases.map((c) => c.attrs['name'])).toEqual(expect.arrayContaining(report.cases.map((c) => c.id)));
    expect(cases).toHaveLength(report.cases.length);
    expect(cases[0]?.attrs['classname']).toBe(report.cases[0]?.family);
  });

  it('maps verdicts: failures, skipped, expected-fail as a pass with a note', () => {
    const byId = new Map(all(root, 'testcase').map((t) => [t.attrs['name'], t]));
    for (const c of report.cases) {
      const t = byId.get(c.id)!;
      const kinds = t.children.map((x) => x.name);
      switch (c.verdict.kind) {
        case 'fail': case 'unexpected-pass': case 'flaky': expect(kinds).toEqual(['failure']); break;
        case 'skipped': expect(kinds).toEqual(['skipped']); expect(t.children[0]?.attrs['message']).toContain('lacks'); break;
        case 'expected-fail': case 'unspecified': expect(kinds).toEqual(['system-out']); break;
        case 'pass': expect(kinds).toEqual([]); break;
      }
    }
    const flaky = all(root, 'failure').find((f) => f.attrs['type'] === 'flaky');
    expect(flaky?.attrs['message']).toContain('30%');
    const fail = all(root, 'failure').find((f) => f.text.includes('weird | pipe'));
    expect(fail?.text).toMatch(/w0: expected bootstrapping-error \[spawn-bootstrap-guard\], observed exception:ValueError/);
    expect(root.attrs['failures']).toBe('4');
    expect(root.attrs['skipped']).toBe('1');
  });

  it('escapes markup and control characters so any message survives', () => {
    const nasty = `${XSS} & "q" 'a' \u0000\u0007\u001b ${NASTY_STDERR} \uD800`;
    const cases = buildCases().map((c) => ({ ...c, family: nasty, verdict: { ...c.verdict, reason: nasty } }));
    const doc = parseXml(junitXml(buildReport(cases)));
    const skipped = all(doc, 'skipped')[0];
    expect(skipped?.attrs['message']).toContain(XSS);
    expect(skipped?.attrs['message']).toContain('\\u0007');
    expect(escapeXml('a\u0001b')).toBe('a\\u0001b');
  });
});

describe('the strict XML check itself', () => {
  it.each([
    ['mismatched tags', '<a><b></a></b>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['bare ampersand', '<a>x & y</a>'],
    ['raw < in an attribute', '<a b="<"/>'],
    ['control character', '<a>\u0007</a>'],
    ['two roots', '<a/><b/>'],
    ['unclosed', '<a><b/>'],
  ])('rejects %s', (_, doc) => {
    expect(() => parseXml(doc)).toThrow();
  });
});
