import { describe, expect, it } from 'vitest';
import { HTML_SCRIPT } from '../../src/report/html-script.js';
import { csp, indexHtml } from '../../src/report/html.js';
import { scriptJson } from '../../src/report/html-data.js';
import { buildReport, XSS } from './fixtures.js';

describe('index.html, without a browser', () => {
  it('its one script is valid JavaScript (a quote slip in the template would break the whole page)', () => {
    expect(() => new Function(HTML_SCRIPT)).not.toThrow();
  });

  it('embeds the data so no text can close the script element or start markup', () => {
    const text = scriptJson({ s: `</script><script>${XSS}<!-- \u2028 & --> ]]>` });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ s: `</script><script>${XSS}<!-- \u2028 & --> ]]>` });
  });

  it('pins the one inline script by hash and allows nothing to load', () => {
    const html = indexHtml(buildReport());
    expect(html).toContain(`content="${csp(HTML_SCRIPT)}"`);
    expect(csp(HTML_SCRIPT)).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'$/);
    // exactly one executable script, and the data block
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<script type="application\/json" id="mpc-data">/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it('renders the rule matrix and rule coverage without the script', () => {
    const html = indexHtml(buildReport());
    expect(html).toContain('<table class="rules" id="rule-matrix">');
    expect(html).toContain('data-rule="set-start-method-once"');
    expect(html).toContain('<table class="coverage" id="rule-coverage">');
  });
});
