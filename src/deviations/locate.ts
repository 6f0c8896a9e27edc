/**
 * Line numbers in JSON text: the line of a character offset, and the lines where the elements
 * of the top-level `"deviations"` array begin (a small scanner over already-valid JSON).
 */

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(offset, text.length); i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line of a JSON.parse error (from its `position N` or `line N`), or 1. */
export function syntaxErrorLine(text: string, message: string): number {
  const byLine = /\(line (\d+) column \d+\)/.exec(message);
  if (byLine?.[1] !== undefined) return Number(byLine[1]);
  const byPos = /at position (\d+)/.exec(message);
  if (byPos?.[1] !== undefined) return lineAt(text, Number(byPos[1]));
  return text.trim() === '' ? 1 : lineAt(text, text.length);
}

/** Lines where each element of the top-level `deviations` array starts (valid JSON assumed). */
export function entryLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let lastKey: string | null = null;
  let inArray = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') { line++; continue; }
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    if (inArray && depth === 2 && expectValue && ch !== ']') {
      lines.push(line);
      expectValue = false;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1) lastKey = text.slice(i + 1, j);
      i = j;
      continue;
    }
    if (ch === '{' || ch === '[') {
      depth++;
      if (ch === '[' && depth === 2 && lastKey === 'deviations') { inArray = true; expectValue = true; }
    } else if (ch === '}' || ch === ']') {
      if (depth === 2 && inArray) inArray = false;
      depth--;
    } else if (ch === ',' && inArray && depth === 2) {
      expectValue = true;
    }
  }
  return lines;
}
