/**
 * Escaping for every output format. Anything that came from a process (stderr, exception
 * messages, notes) goes through one of these before it reaches a file.
 */

// XML 1.0 forbids these code points even as character references, so they become visible `\uXXXX`.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function visible(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Escapes text or an attribute value for XML 1.0 (control characters made visible). */
export function escapeXml(text: string): string {
  return text
    .replace(XML_ILLEGAL, visible)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Escapes text or an attribute value for HTML (same rules: the page is also valid XML text). */
export function escapeHtml(text: string): string {
  return escapeXml(text).replace(/&apos;/g, '&#39;');
}

/** Escapes text for a Markdown paragraph or table cell: one line, no markup, no raw HTML. */
export function escapeMd(text: string): string {
  return text
    .replace(XML_ILLEGAL, visible)
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~!])/g, '\\$1');
}

/** A Markdown code fence longer than any backtick run in `body`, so the body cannot close it. */
export function mdFence(body: string, lang = ''): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const clean = body.replace(XML_ILLEGAL, visible).replace(/\n+$/, '');
  return `${fence}${lang}\n${clean}\n${fence}`;
}

/** One line of a Python `#` comment: no line breaks or control characters can end the comment. */
export function pyComment(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F\u2028\u2029\u0085]/g, (ch) => (ch === '\t' ? ' ' : visible(ch)));
}
