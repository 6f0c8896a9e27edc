import { describe, expect, it } from 'vitest';
import { summaryMarkdown } from '../../src/report/markdown.js';
import { escapeMd, mdFence } from '../../src/report/escape.js';
import { buildReport, XSS } from './fixtures.js';

/** Splits a Markdown table row into cells, honouring `\|` escapes. */
function cells(row: string): string[] {
  return row.replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);
}

/** Markdown with fenced blocks removed (what is rendered as markup, not as code). */
function outsideFences(md: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of md.split('\n')) {
    const m = /^(`{3,})/.exec(line);
    if (fence === null && m) fence = m[1] ?? null;
    else if (fence !== null && line.trim() === fence) fence = null;
    else if (fence === null) out.push(line);
  }
  return out.join('\n');
}

describe('summary.md', () => {
  const report = buildReport();
  const repros = new Map(report.cases.filter((c) => ['fail', 'flaky', 'unexpected-pass'].includes(c.verdict.kind)).map((c) => [c.id, `# repro of ${c.id}\nimport multiprocessing as mp  # \`\`\`\` tricky`]));
  const md = summaryMarkdown(report, { repros, maxFailures: 50 });

  it('has a totals line, an interpreter × family table, failures with inlined python, and coverage', () => {
    expect(md).toContain('**14 cases** — pass: 7 · fail: 2 · expected-fail: 1 · unexpected-pass: 1 · flaky: 1 · skipped: 1 · unspecified: 1');
    expect(md).toMatch(/\| interpreter \| family \| pass \| fail \| expected-fail \| unexpected-pass \| flaky \| skipped \| unspecified \|/);
    expect(md).toContain('### Failures (4)');
    expect(md).toMatch(/`{5}python\n# repro of /);
    expect(md).toContain('### Coverage');
    expect(md).toContain('fails 30%');
  });

  it('keeps every table row at its column count despite pipes from processes', () => {
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
      const header = line.startsWith('| process') || line.includes('weird') ? 4 : null;
      if (header) expect(cells(line)).toHaveLength(4);
    }
    const row = md.split('\n').find((l) => l.includes('weird'));
    expect(row).toContain('weird \\| pipe');
    expect(cells(row!)).toHaveLength(4);
  });

  it('never lets process text become markup outside code fences', () => {
    const rendered = outsideFences(md);
    expect(rendered).not.toContain('<script');
    expect(rendered).not.toContain('<b>');
    // The stderr is inside a fence, verbatim, and the fence is longer than any backtick run in it.
    expect(md).toContain(XSS);
    expect(mdFence('a ``` b', 'text')).toBe('````text\na ``` b\n````');
    expect(escapeMd('a|b `c` <d> *e* \n f')).toBe('a\\|b \\`c\\` &lt;d&gt; \\*e\\*   f');
  });

  it('caps the number of detailed failures', () => {
    const short = summaryMarkdown(report, { repros, maxFailures: 1 });
    expect(short).toContain('… and 3 more');
  });
});
