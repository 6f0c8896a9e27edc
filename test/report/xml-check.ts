/** A tiny strict XML 1.0 parser for tests: throws on anything not well-formed, returns the element tree. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/y;

function decode(raw: string, where: number): string {
  for (let i = raw.indexOf('&'); i >= 0; i = raw.indexOf('&', i + 1)) {
    ENTITY.lastIndex = i;
    if (!ENTITY.test(raw)) throw new Error(`bad entity near offset ${where + i}: ${raw.slice(i, i + 12)}`);
  }
  return raw.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? '')
    .replace(/&#(x?)([0-9A-Fa-f]+);/g, (_, x: string, d: string) => String.fromCodePoint(Number.parseInt(d, x ? 16 : 10)));
}

export function parseXml(doc: string): XmlElement {
  const bad = ILLEGAL.exec(doc);
  if (bad) throw new Error(`illegal character U+${bad[0].charCodeAt(0).toString(16)} at ${bad.index}`);
  let i = 0;
  if (doc.startsWith('<?xml')) i = doc.indexOf('?>') + 2;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < doc.length) {
    if (doc.startsWith('<!--', i)) { const end = doc.indexOf('-->', i); if (end < 0) throw new Error('unclosed comment'); i = end + 3; continue; }
    if (doc.startsWith('</', i)) {
      const m = NAME.exec(doc.slice(i + 2));
      const top = stack.pop();
      if (!m || !top || top.name !== m[0]) throw new Error(`mismatched close tag at ${i}: ${doc.slice(i, i + 30)}`);
      i += 2 + m[0].length;
      while (/\s/.test(doc[i] ?? '')) i++;
      if (doc[i] !== '>') throw new Error(`bad close tag at ${i}`);
      i++;
      continue;
    }
    if (doc[i] === '<') {
      const m = NAME.exec(doc.slice(i + 1));
      if (!m) throw new Error(`bad tag name at ${i}: ${doc.slice(i, i + 20)}`);
      const el: XmlElement = { name: m[0], attrs: {}, children: [], text: '' };
      i += 1 + m[0].length;
      for (;;) {
        const ws = /^\s*/.exec(doc.slice(i))?.[0].length ?? 0;
        i += ws;
        if (doc.startsWith('/>', i)) { i += 2; break; }
        if (doc[i] === '>') { i++; stack.push(el); break; }
        if (ws === 0) throw new Error(`expected whitespace before attribute at ${i}`);
        const a = /^([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(doc.slice(i));
        if (!a || a[1] === undefined) throw new Error(`bad attribute at ${i}: ${doc.slice(i, i + 30)}`);
        if (a[1] in el.attrs) throw new Error(`duplicate attribute ${a[1]}`);
        el.attrs[a[1]] = decode(a[3] ?? a[4] ?? '', i);
        i += a[0].length;
      }
      const parent = stack[stack.length - (stack.at(-1) === el ? 2 : 1)];
      if (parent) parent.children.push(el);
      else if (root) throw new Error('more than one root element');
      else root = el;
      continue;
    }
    const next = doc.indexOf('<', i);
    const raw = doc.slice(i, next < 0 ? doc.length : next);
    if (raw.includes('>') && raw.includes(']]>')) throw new Error(']]> in text');
    const top = stack.at(-1);
    if (top) top.text += decode(raw, i);
    else if (raw.trim()) throw new Error(`text outside the root at ${i}`);
    i += raw.length;
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)?.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element named `name` in the tree, depth first. */
export function all(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
}
