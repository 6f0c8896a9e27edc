/**
 * A small JSON Schema checker for the keywords schema/report.schema.json uses (type, const, enum,
 * properties, required, additionalProperties, items, min/maxItems, minLength, pattern,
 * minimum/maximum, local $ref, anyOf, oneOf). It keeps ajv a dev dependency; a test checks that
 * both agree. Returns the first problem as `/json/pointer: what`, or null when valid.
 */
export type JsonSchema = { readonly [k: string]: unknown };

export function checkSchema(root: JsonSchema, value: unknown): string | null {
  return check(root, root, value, '');
}

function check(root: JsonSchema, s: JsonSchema, v: unknown, at: string): string | null {
  const ref = s['$ref'];
  if (typeof ref === 'string') return check(root, resolve(root, ref), v, at);
  const here = at || '/';
  if ('const' in s && JSON.stringify(s['const']) !== JSON.stringify(v)) return `${here}: must be ${JSON.stringify(s['const'])}, got ${brief(v)}`;
  const en = s['enum'];
  if (Array.isArray(en) && !en.includes(v)) return `${here}: must be one of ${en.join(', ')}, got ${brief(v)}`;
  const type = s['type'];
  if (type !== undefined) {
    const types = Array.isArray(type) ? (type as string[]) : [type as string];
    if (!types.some((t) => typeOk(t, v))) return `${here}: must be ${types.join(' or ')}, got ${brief(v)}`;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const alts = s[key] as JsonSchema[] | undefined;
    if (!alts) continue;
    const errs = alts.map((a) => check(root, a, v, at));
    const ok = errs.filter((e) => e === null).length;
    if (ok === 0) return closest(errs as string[], at) ?? `${here}: matches none of the ${alts.length} allowed forms`;
    if (key === 'oneOf' && ok > 1) return `${here}: matches ${ok} of the forms, must match exactly one`;
  }
  if (typeof v === 'string') {
    if (typeof s['minLength'] === 'number' && v.length < s['minLength']) return `${here}: must have at least ${s['minLength']} characters`;
    if (typeof s['pattern'] === 'string' && !new RegExp(s['pattern'], 'u').test(v)) return `${here}: ${brief(v)} does not match ${s['pattern']}`;
  }
  if (typeof v === 'number') {
    if (typeof s['minimum'] === 'number' && v < s['minimum']) return `${here}: must be ≥ ${s['minimum']}, got ${v}`;
    if (typeof s['maximum'] === 'number' && v > s['maximum']) return `${here}: must be ≤ ${s['maximum']}, got ${v}`;
  }
  if (Array.isArray(v)) {
    if (typeof s['minItems'] === 'number' && v.length < s['minItems']) return `${here}: must have at least ${s['minItems']} items`;
    if (typeof s['maxItems'] === 'number' && v.length > s['maxItems']) return `${here}: must have at most ${s['maxItems']} items`;
    const items = s['items'] as JsonSchema | undefined;
    if (items) for (let i = 0; i < v.length; i++) { const e = check(root, items, v[i], `${at}/${i}`); if (e) return e; }
  }
  if (isObject(v)) return checkObject(root, s, v, at);
  return null;
}

function checkObject(root: JsonSchema, s: JsonSchema, v: Record<string, unknown>, at: string): string | null {
  for (const k of (s['required'] as string[] | undefined) ?? []) if (!(k in v)) return `${at || '/'}: missing required property "${k}"`;
  const props = (s['properties'] as Record<string, JsonSchema> | undefined) ?? {};
  const extra = s['additionalProperties'];
  for (const [k, val] of Object.entries(v)) {
    const path = `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const sub = props[k] ?? (isObject(extra) ? extra : undefined);
    if (!sub && extra === false) return `${path}: unknown property`;
    const e = sub ? check(root, sub, val, path) : null;
    if (e) return e;
  }
  return null;
}

// The alternative that got furthest explains best; a failed `const` means "wrong branch", not "bad value".
function closest(errs: readonly string[], at: string): string | undefined {
  const rank = (e: string): number => (e.split(': ')[0] ?? '').split('/').length - (/: must be "[^"]*", got/.test(e) ? 100 : 0);
  const best = [...errs].sort((a, b) => rank(b) - rank(a))[0];
  return best !== undefined && rank(best) > at.split('/').length ? best : undefined;
}

function resolve(root: JsonSchema, ref: string): JsonSchema {
  const parts = ref.replace(/^#\//, '').split('/');
  let node: unknown = root;
  for (const p of parts) node = isObject(node) ? node[p] : undefined;
  if (!isObject(node)) throw new Error(`schema: unresolvable $ref ${ref}`);
  return node;
}

function typeOk(t: string, v: unknown): boolean {
  switch (t) {
    case 'null': return v === null;
    case 'array': return Array.isArray(v);
    case 'object': return isObject(v);
    case 'integer': return Number.isInteger(v);
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    default: return typeof v === t;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function brief(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
