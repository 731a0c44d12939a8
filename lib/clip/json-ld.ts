/** A JSON-LD node reduced to what we read; values stay `unknown` until checked. */
export type JsonLdNode = Readonly<Record<string, unknown>>;

const MAX_NODES = 200;
const MAX_DEPTH = 6;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every JSON-LD object on the page, with `@graph` and arrays flattened.
 * Page JSON is hostile: parse errors are skipped, depth and count are capped,
 * and nothing is merged into our own objects (so `__proto__` keys stay inert
 * own properties of the parsed data).
 */
export function readJsonLd(doc: Document): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (nodes.length >= MAX_NODES || depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isRecord(value)) return;
    if (Object.hasOwn(value, '@type')) nodes.push(value);
    if (Object.hasOwn(value, '@graph')) visit(value['@graph'], depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A page's broken JSON-LD is the page's problem; the other sources still count.
    }
  }
  return nodes;
}

/** The node's `@type` values as strings. */
export function jsonLdTypes(node: JsonLdNode): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** A text value, or the `name` of an object value, or the first of an array. */
export function jsonLdText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const names = value.map(jsonLdText).filter((s): s is string => Boolean(s));
    return names.length ? names.join(', ') : undefined;
  }
  if (isRecord(value)) return jsonLdText(value['name']);
  return undefined;
}

/** The first string of a value that may be a string or an array of strings. */
export function jsonLdFirstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.find((x): x is string => typeof x === 'string');
  return undefined;
}
