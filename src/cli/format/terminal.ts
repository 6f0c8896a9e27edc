/**
 * Text from a program (process names, exception messages, notes, paths) made safe to print on a
 * terminal: every C0 control character (ESC, BEL, CR, backspace, newline inside a field...), DEL,
 * every C1 control (U+0080-U+009F: 8-bit CSI/OSC), and the bidirectional overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069) become visible escapes (`\x1b`, `\u202e`), so no output can move the
 * cursor, retitle the window, hide text or reorder it.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

/** Lines joined with newlines, each made printable (a newline inside a line is escaped too). */
export function printableLines(lines: readonly string[]): string {
  return lines.map(printable).join('\n');
}
