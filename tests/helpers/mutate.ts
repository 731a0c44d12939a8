import { mulberry32 } from '../bench/synthetic-random';

/**
 * One deterministic mutation engine for every importer's fuzz test: the
 * same seed gives the same hostile files on every machine, so a failure
 * found once can be replayed by its seed and case number.
 *
 * Three layers:
 * - `mutateText`: what any file can suffer on the way (cut off at a
 *   structural boundary, flipped bytes, wrong encodings, NUL bytes, huge
 *   runs, zip-bomb-like repetition);
 * - `mutateJson`: structure-aware changes to JSON (type flips, removed or
 *   duplicated keys, prototype keys, numeric and date edge cases, hostile
 *   addresses, multi-megabyte strings, 10,000 levels of nesting);
 * - grammar-aware changes for bookmarks HTML, RIS lines and share-link
 *   payloads (base64url text and the compressed bytes inside it).
 */

/** A seeded source of choices. */
export interface Rng {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [0, n). */
  int(n: number): number;
  /** A whole number in [min, max]. */
  between(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** A seeded Rng on mulberry32 (shared with the benchmarks' synthetic data). */
export function seededRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    pick<T>(list: readonly T[]): T {
      const item = list[int(list.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (p) => next() < p,
  };
}

/** A mutated file and what was done to it (for the failure message and the tally). */
export interface Mutation {
  kind: string;
  text: string;
}

/** Cross-site scripting, template injection, spreadsheet formulae, bidi tricks: strings that must stay inert text. */
export const SCRIPT_PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  '<svg/onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '=HYPERLINK("http://evil.example","click")',
  '](javascript:alert(1))',
  '\u202Egnp.exe',
  '</DL></DL><DT><A HREF="javascript:alert(1)">x</A>',
  '\nTY  - JOUR\nUR  - https://evil.example/\nER  - \n',
] as const;

/** Addresses that must never be stored as openable links, or must be stored exactly as harmless text. */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\u0000script:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'chrome://settings',
  'blob:https://evil.example/1',
  'https://exa\u0000mple.org/',
  'https://example.org/\u0007\u001b[31mred',
  'https://example.org/\r\nSet-Cookie: a=b',
  'http://\u202Eelpmaxe.org/',
  'https://',
  '//evil.example/',
  'https://user:pass@evil.example/',
  'https://[::1]:99999/',
  `https://example.org/${'a'.repeat(9_000)}`,
  'https://xn--80ak6aa92e.com/',
] as const;

/** Dates a parser may choke on: out of JavaScript's range, impossible, or not dates. */
export const EDGE_DATES = [
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-19T23:59:59.999Z',
  '+999999-01-01T00:00:00Z',
  '0000-00-00',
  '0000-01-01T00:00:00Z',
  '2026-02-30',
  '2026-13-01',
  '2026-11-24T25:61:61Z',
  '9999-12-31T23:59:60Z',
  '1969-12-31T23:59:59.999Z',
  '2026-11-24T10:00:00.0000000001+14:00',
  'yesterday',
  'NaN',
  '',
] as const;

/** Numbers written as JSON text: some are not JSON at all (NaN, Infinity), some overflow (1e309 reads as Infinity). */
export const EDGE_NUMBERS = ['NaN', 'Infinity', '-Infinity', '-0', '1e309', '-1e309', '9007199254740993', '1e-400', '-1', '0.5', '1e21', '0x10', '01'] as const;

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', '\\u005f_proto__', '__proto__\\u0000'] as const;

/** Characters that end tokens in most text formats: cutting there makes the nastiest "almost valid" files. */
const STRUCTURAL = /[{}[\],:"<>\n=]/g;

/** Longest text a mutation makes: a few megabytes is enough to find size bugs without slowing the suite. */
const MAX_MUTATED_CHARS = 6_000_000;

const cap = (text: string) => (text.length > MAX_MUTATED_CHARS ? text.slice(0, MAX_MUTATED_CHARS) : text);

/** Offsets of structural characters, so truncation can land exactly before or after one. */
function boundaries(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(STRUCTURAL)) out.push(m.index, m.index + 1);
  return out.length ? out : [0];
}

function randomChars(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(rng.int(0x10000));
  return s;
}

/** How a UTF-16LE file looks when read as UTF-8 or Latin-1: NUL after every ASCII character, a BOM read as two characters. */
function asUtf16Misread(text: string, rng: Rng): string {
  const head = rng.pick(['\u00ff\u00fe', '\ufffd\ufffd', '\ufeff', '']);
  let out = head;
  for (const ch of text.slice(0, 200_000)) out += ch.charCodeAt(0) < 0x80 ? `${ch}\u0000` : `${ch}`;
  return out;
}

/** The text's UTF-8 bytes with some corrupted, decoded as a browser's File.text() would (invalid bytes become U+FFFD). */
function withInvalidUtf8(text: string, rng: Rng): string {
  const bytes = new TextEncoder().encode(text.slice(0, 500_000));
  for (let i = 0; i < 1 + rng.int(12); i++) bytes[rng.int(bytes.length || 1)] = rng.pick([0x80, 0xbf, 0xc0, 0xc1, 0xf5, 0xff, 0xfe, 0xed]);
  const decoded = new TextDecoder('utf-8').decode(bytes);
  // A lone surrogate is what a broken UTF-16 producer leaves behind; TextDecoder never makes one, so add it by hand.
  return rng.chance(0.5) ? insertAt(decoded, rng, rng.pick(['\ud800', '\udfff', '\ud83d'])) : decoded;
}

function insertAt(text: string, rng: Rng, piece: string): string {
  const at = rng.int(text.length + 1);
  return text.slice(0, at) + piece + text.slice(at);
}

/** The text-level mutation kinds, for a test that checks each is reachable. */
export const TEXT_MUTATION_KINDS = [
  'truncate-at-boundary',
  'truncate-anywhere',
  'hole',
  'byte-flip',
  'garbage',
  'repeat-span',
  'huge-run',
  'bom',
  'utf16',
  'invalid-utf8',
  'nul-bytes',
  'control-chars',
  'payload',
  'not-the-format',
  'blank',
] as const;

/** One mutation any file can suffer, whatever its format. */
export function mutateText(text: string, rng: Rng): Mutation {
  const kind = rng.pick(TEXT_MUTATION_KINDS);
  const at = rng.int(text.length + 1);
  switch (kind) {
    case 'truncate-at-boundary':
      return { kind, text: text.slice(0, rng.pick(boundaries(text))) };
    case 'truncate-anywhere':
      return { kind, text: text.slice(0, at) };
    case 'hole':
      return { kind, text: text.slice(0, at) + text.slice(at + 1 + rng.int(300)) };
    case 'byte-flip': {
      const chars = text.split('');
      for (let i = rng.between(1, 8); i > 0; i--) {
        chars[rng.int(chars.length || 1)] = rng.chance(0.6) ? rng.pick(['"', '{', '}', '[', ']', ',', ':', '\\', '<', '>', '\n', '-', ' ', '\u00e9']) : String.fromCharCode(rng.int(256));
      }
      return { kind, text: chars.join('') };
    }
    case 'garbage':
      return { kind, text: insertAt(text, rng, randomChars(rng, rng.between(1, 256))) };
    case 'repeat-span': {
      // Zip-bomb-like: a small piece repeated until the file is megabytes of the same thing.
      const span = text.slice(at, at + rng.between(1, 400)) || 'x';
      const times = Math.min(rng.pick([2, 10, 1_000, 50_000]), Math.floor(MAX_MUTATED_CHARS / 2 / span.length));
      return { kind, text: cap(text.slice(0, at) + span.repeat(Math.max(1, times)) + text.slice(at)) };
    }
    case 'huge-run':
      return { kind, text: cap(text.slice(0, at) + rng.pick(['A', ' ', '\u00e9', '\u{1F600}', '\\']).repeat(rng.between(1_000_000, 4_000_000)) + text.slice(at)) };
    case 'bom':
      return { kind, text: rng.pick(['\ufeff', '\ufeff\ufeff', '\u00ef\u00bb\u00bf', '\ufffe']) + text };
    case 'utf16':
      return { kind, text: asUtf16Misread(text, rng) };
    case 'invalid-utf8':
      return { kind, text: withInvalidUtf8(text, rng) };
    case 'nul-bytes': {
      let out = text;
      for (let i = rng.between(1, 10); i > 0; i--) out = insertAt(out, rng, '\u0000'.repeat(rng.between(1, 4)));
      return { kind, text: out };
    }
    case 'control-chars': {
      let out = text;
      for (let i = rng.between(1, 10); i > 0; i--) out = insertAt(out, rng, rng.pick(['\u0001', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\u202e', '\r', '\u200b']));
      return { kind, text: out };
    }
    case 'payload':
      return { kind, text: insertAt(text, rng, rng.pick([...SCRIPT_PAYLOADS, ...HOSTILE_URLS])) };
    case 'not-the-format':
      return { kind, text: rng.pick([randomChars(rng, rng.int(2_000)), 'PK\u0003\u0004\u0014\u0000', '%PDF-1.7\n%\u00e2\u00e3', '<?xml version="1.0"?><rss/>', 'null', '[]', '42', '"text"', '{}', 'TY  - JOUR']) };
    default:
      return { kind, text: rng.pick(['', ' ', '\n\n\t', '\ufeff', '\u0000']) };
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path in a JSON value. */
function pathsOf(value: Json, path: Path = [], out: { path: Path; value: Json }[] = []): { path: Path; value: Json }[] {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

function setAt(root: Json, path: Path, value: Json): Json {
  if (!path.length) return value;
  let parent: Json = root;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key] ?? null;
  (parent as Record<string | number, Json>)[path[path.length - 1] ?? ''] = value;
  return root;
}

/**
 * A marker string replaced, after JSON.stringify, by raw JSON text that
 * JSON.stringify cannot write: NaN, 1e309, 10,000 levels of nesting, own
 * "__proto__" keys, duplicate keys.
 */
const RAW = '\u0000raw\u0000';
const rawMarker = (i: number) => `${RAW}${i}`;

const OTHER_VALUES: Json[] = [null, true, false, 0, -1, 1.5, '', 'text', [], {}, [1, 2], { a: 1 }];

/** The structure-aware JSON mutation kinds. */
export const JSON_MUTATION_KINDS = [
  'type-flip',
  'delete-key',
  'duplicate-key',
  'proto-key',
  'numeric-edge',
  'date-edge',
  'url-edge',
  'huge-string',
  'huge-array',
  'deep-nesting',
  'script-payload',
  'repeat-entry',
  'envelope',
  'double',
] as const;

/**
 * One structure-aware mutation of a JSON text (which must parse). Values
 * JSON cannot express are spliced in as raw text, so the parser under test
 * meets them exactly as a hostile file would write them.
 */
export function mutateJson(text: string, rng: Rng, depth = 0): Mutation {
  const root = JSON.parse(text) as Json;
  const all = pathsOf(root);
  const inner = all.filter((n) => n.path.length > 0);
  const strings = inner.filter((n) => typeof n.value === 'string');
  const objects = all.filter((n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value));
  const arrays = all.filter((n) => Array.isArray(n.value));
  const raws: string[] = [];
  const raw = (jsonText: string): Json => {
    raws.push(jsonText);
    return rawMarker(raws.length - 1);
  };
  /** A raw member (`"key": value`, possibly several) spliced into an object in place of a placeholder key. */
  const rawMember = (obj: Record<string, Json>, membersText: string) => {
    obj[RAW] = raw(membersText);
  };
  const out = (kind: string): Mutation => {
    let t = JSON.stringify(root);
    raws.forEach((r, i) => {
      const member = `${JSON.stringify(RAW)}:${JSON.stringify(rawMarker(i))}`;
      t = t.includes(member) ? t.replace(member, () => r) : t.replace(JSON.stringify(rawMarker(i)), () => r);
    });
    return { kind, text: t };
  };
  const anyNode = () => rng.pick(inner.length ? inner : all);
  const kind = depth > 0 ? rng.pick(JSON_MUTATION_KINDS.filter((k) => k !== 'double')) : rng.pick(JSON_MUTATION_KINDS);
  switch (kind) {
    case 'type-flip': {
      const node = anyNode();
      setAt(root, node.path, rng.pick(OTHER_VALUES.filter((v) => typeof v !== typeof node.value || Array.isArray(v) !== Array.isArray(node.value))));
      return out(kind);
    }
    case 'delete-key': {
      const node = rng.pick(objects);
      const keys = Object.keys(node.value as object);
      if (keys.length) delete (node.value as Record<string, Json>)[rng.pick(keys)];
      return out(kind);
    }
    case 'duplicate-key': {
      // JSON.parse keeps the last of duplicate keys: a hostile value first or last tests which one wins.
      const node = rng.pick(objects);
      const keys = Object.keys(node.value as object);
      const key = keys.length ? rng.pick(keys) : 'format';
      const obj = node.value as Record<string, Json>;
      const original = obj[key] ?? null;
      const hostile = rng.pick<Json>([...OTHER_VALUES, rng.pick(SCRIPT_PAYLOADS), rng.pick(HOSTILE_URLS)]);
      const pair = (v: Json) => `${JSON.stringify(key)}:${JSON.stringify(v)}`;
      delete obj[key];
      rawMember(obj, rng.chance(0.5) ? `${pair(hostile)},${pair(original)}` : `${pair(original)},${pair(hostile)}`);
      return out(kind);
    }
    case 'proto-key': {
      const node = rng.pick(objects);
      const payload = rng.pick(['{"polluted":true}', '{"toString":"x","valueOf":1,"polluted":true}', 'null', '"x"', '{"prototype":{"polluted":true}}']);
      rawMember(node.value as Record<string, Json>, `"${rng.pick(PROTO_KEYS)}":${payload}`);
      return out(kind);
    }
    case 'numeric-edge': {
      const numbers = inner.filter((n) => typeof n.value === 'number');
      setAt(root, rng.pick(numbers.length && rng.chance(0.7) ? numbers : inner).path, raw(rng.pick(EDGE_NUMBERS)));
      return out(kind);
    }
    case 'date-edge': {
      const dates = strings.filter((n) => /^\d{4}-\d\d/.test(String(n.value)) || /At$|date|Date/.test(String(n.path[n.path.length - 1])));
      setAt(root, rng.pick(dates.length ? dates : inner).path, rng.pick(EDGE_DATES));
      return out(kind);
    }
    case 'url-edge': {
      const urls = strings.filter((n) => /^https?:/.test(String(n.value)) || /url|URL|href|DOI/i.test(String(n.path[n.path.length - 1])));
      setAt(root, rng.pick(urls.length ? urls : inner).path, rng.pick(HOSTILE_URLS));
      return out(kind);
    }
    case 'huge-string': {
      const node = rng.pick(strings.length ? strings : inner);
      setAt(root, node.path, rng.pick(['A', '\u00e9', '<b>', '\\']).repeat(rng.pick([10_000, 1_100_000, 3_000_000])));
      return out(kind);
    }
    case 'huge-array': {
      const node = rng.pick(arrays.length ? arrays : inner);
      const first = Array.isArray(node.value) && node.value.length ? JSON.stringify(node.value[0]) : '0';
      const count = rng.pick([10_000, 150_000]);
      // Small elements only: a million copies of a whole record would measure the schema library, not our limits.
      const element = first.length < 40 ? first : rng.pick(['0', 'null', '""', '{}']);
      setAt(root, node.path, raw(`[${Array(Math.min(count, Math.floor(MAX_MUTATED_CHARS / (element.length + 1)))).fill(element).join(',')}]`));
      return out(kind);
    }
    case 'deep-nesting': {
      const levels = rng.pick([65, 1_000, 10_000, 10_000, 100_000]);
      const [open, close] = rng.pick([
        ['[', ']'],
        ['{"a":', '}'],
        ['[{"a":', '}]'],
      ] as const);
      setAt(root, anyNode().path, raw(`${open.repeat(levels)}1${close.repeat(levels)}`));
      return out(kind);
    }
    case 'script-payload':
      setAt(root, rng.pick(strings.length ? strings : inner).path, rng.pick(SCRIPT_PAYLOADS));
      return out(kind);
    case 'repeat-entry': {
      // Zip-bomb-like at the record level: one entry of a list thousands of times (duplicates the importer must fold or refuse).
      const lists = arrays.filter((n) => Array.isArray(n.value) && n.value.length > 0);
      if (!lists.length) return out(kind);
      const node = rng.pick(lists);
      const list = node.value as Json[];
      const entry = JSON.stringify(list[0]);
      const times = Math.max(1, Math.min(rng.pick([2, 300, 3_000]), Math.floor(MAX_MUTATED_CHARS / (entry.length + 1))));
      setAt(root, node.path, raw(`[${Array(times).fill(entry).join(',')}]`));
      return out(kind);
    }
    case 'envelope': {
      if (root && typeof root === 'object' && !Array.isArray(root)) {
        const key = rng.pick(['format', 'formatVersion']);
        root[key] = key === 'format' ? rng.pick<Json>(['', 'health-clipper-backup', 'health-clipper-collection ', 'HEALTH-CLIPPER-COLLECTION', 'health-clipper-rule-pack', 1, null]) : raw(rng.pick(['0', '2', '999999', '-1', '1.5', '"1"', 'null', 'true', '[1]', '1e309', 'NaN']));
      }
      return out(kind);
    }
    default: {
      const once = mutateJson(text, rng, depth + 1);
      try {
        JSON.parse(once.text);
      } catch {
        return { kind: `double(${once.kind})`, text: once.text };
      }
      // The second mutation only on files small enough that parsing them again stays cheap.
      if (once.text.length > 200_000 || once.kind === 'deep-nesting') return { kind: `double(${once.kind})`, text: once.text };
      const twice = mutateJson(once.text, rng, depth + 1);
      return { kind: `double(${once.kind}+${twice.kind})`, text: twice.text };
    }
  }
}

/** A text or JSON mutation, half and half, for JSON formats. */
export function mutateJsonFile(text: string, rng: Rng): Mutation {
  const m = rng.chance(0.5) ? mutateText(text, rng) : mutateJson(text, rng);
  return { kind: m.kind.replace(/\(.*/, ''), text: m.text };
}

/** Grammar-aware mutations of a Netscape bookmarks file (browsers, Pocket, Raindrop). */
export function mutateBookmarksHtml(text: string, rng: Rng): Mutation {
  const tags = [...text.matchAll(/<[^>]*>/g)];
  const tag = tags.length ? rng.pick(tags) : undefined;
  const replaceTag = (by: string) => (tag ? text.slice(0, tag.index) + by + text.slice(tag.index + tag[0].length) : text + by);
  const anchors = [...text.matchAll(/<A\s[^>]*>/gi)];
  const anchor = anchors.length ? rng.pick(anchors) : undefined;
  const editAnchor = (edit: (a: string) => string) => (anchor ? text.slice(0, anchor.index) + edit(anchor[0]) + text.slice(anchor.index + anchor[0].length) : text);
  const kind = rng.pick(['drop-tag', 'unclosed-folders', 'hostile-href', 'attribute-edge', 'unclosed-quote', 'repeat-entry', 'huge-tags', 'comment', 'script-style', 'entities', 'huge-note', 'text']);
  switch (kind) {
    case 'drop-tag':
      return { kind, text: replaceTag('') };
    case 'unclosed-folders':
      // Two levels (DL, DT) per folder: up to 220, past the 200 ancestors the parser climbs. jsdom's parser (not ours) is quadratic in depth, and Chromium's caps the DOM at 512.
      return { kind, text: replaceTag(`${'<DL><p><DT><H3>folder</H3>'.repeat(rng.between(20, 110))}<DT><A HREF="https://deep.example/">deep</A>`) };
    case 'hostile-href':
      return { kind, text: editAnchor((a) => a.replace(/HREF="[^"]*"/i, `HREF="${rng.pick(HOSTILE_URLS).replace(/"/g, '&quot;')}"`)) };
    case 'attribute-edge':
      return {
        kind,
        text: editAnchor((a) =>
          a.replace(/>$/, ` ${rng.pick(['ADD_DATE', 'LAST_MODIFIED', 'TIME_ADDED', 'TAGS', 'ICON', 'HREF'])}="${rng.pick(['NaN', '-1', '1e309', '99999999999999999999', '8640000000001', '', 'a,,b,,', '0x10', ...EDGE_DATES])}">`),
        ),
      };
    case 'unclosed-quote':
      return { kind, text: editAnchor((a) => a.replace(/"([^"]*)"/, '"$1')) };
    case 'repeat-entry': {
      // Short entries or a real line (icons and all), up to a few thousand times (the 50,000-link limit has its own test).
      const line = rng.chance(0.5) ? (text.split('\n').find((l) => /<DT><A/i.test(l)) ?? '') : '<DT><A HREF="https://example.org/a">a</A>';
      const times = Math.min(rng.pick([10, 300, 1_500]), Math.floor(300_000 / (line.length + 1)));
      return { kind, text: text.replace('</DL>', `${`${line}\n`.repeat(times)}</DL>`) };
    }
    case 'huge-tags':
      return { kind, text: editAnchor((a) => a.replace(/>$/, ` TAGS="${Array.from({ length: rng.pick([50, 2_000]) }, (_, i) => `tag${i}`).join(',')}">`)) };
    case 'comment':
      return { kind, text: rng.chance(0.5) ? replaceTag('<!--') : replaceTag('<![CDATA[') };
    case 'script-style':
      return { kind, text: replaceTag(rng.pick(['<script>', '<style>', '<textarea>', '<title>', '<plaintext>', '<template>', '<svg><foreignObject>'])) };
    case 'entities':
      return { kind, text: editAnchor((a) => a.replace(/HREF="/i, `HREF="${rng.pick(['&#0;', '&#x110000;', '&#xD800;', '&amp;'.repeat(2_000), '&javascript', '&#106;avascript:alert(1)//'])}`)) };
    case 'huge-note':
      return { kind, text: text.replace(/<\/A>/i, `</A>\n<DD>${'note '.repeat(rng.pick([100, 5_000]))}`) };
    default: {
      // Not 'repeat-span': a span that opens tags, repeated 50,000 times, nests the DOM that deep, and jsdom (the
      // tests' stand-in for DOMParser) takes minutes over it, quadratic in depth; Chromium stops nesting at 512.
      // 'repeat-entry' and 'unclosed-folders' above are the bounded forms of the same attack.
      let m = mutateText(text, rng);
      while (m.kind === 'repeat-span') m = mutateText(text, rng);
      return m;
    }
  }
}

/** Grammar-aware mutations of a RIS file: tag lines, record ends, line endings, repeated and oversized records. */
export function mutateRis(text: string, rng: Rng): Mutation {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const at = rng.int(lines.length);
  const join = (ls: string[]) => ls.join(eol);
  const kind = rng.pick(['drop-er', 'drop-ty', 'unknown-tag', 'malformed-tag', 'huge-line', 'line-endings', 'repeat-record', 'continuation', 'date-edge', 'url-edge', 'many-keywords', 'text']);
  switch (kind) {
    case 'drop-er':
      return { kind, text: join(lines.filter((l) => !l.startsWith('ER'))) };
    case 'drop-ty':
      return { kind, text: join(lines.filter((l) => !l.startsWith('TY'))) };
    case 'unknown-tag':
      lines.splice(at, 0, `${rng.pick(['ZZ', 'T9', '99', '  ', 'ty', 'TYP'])}  - ${rng.pick(SCRIPT_PAYLOADS)}`);
      return { kind, text: join(lines) };
    case 'malformed-tag':
      lines[at] = rng.pick(['TY -', 'TY  -', 'TY  - ', 'UR  -', 'TI', '  - x', '-', 'ER  -  trailing', 'TY  -\u0000JOUR', 'TY\t- JOUR']);
      return { kind, text: join(lines) };
    case 'huge-line':
      lines.splice(at, 0, `${rng.pick(['TI', 'AB', 'N1', 'UR', 'KW', 'AU'])}  - ${'x'.repeat(rng.pick([10_000, 1_500_000]))}`);
      return { kind, text: join(lines) };
    case 'line-endings':
      return { kind, text: lines.join(rng.pick(['\r', '\n\r', '\u2028', '\r\r\n', '\n\n\n'])) };
    case 'repeat-record': {
      // The smallest records or the real one, up to a few thousand times (the 50,000-link limit has its own test).
      if (rng.chance(0.3)) return { kind, text: `TY  - JOUR${eol}UR  - https://example.org/a${eol}ER  - ${eol}`.repeat(rng.pick([100, 2_000])) };
      const record = text.slice(0, text.indexOf('ER  -') + 6 || text.length);
      return { kind, text: (record + eol).repeat(rng.pick([10, 300, 1_000])) };
    }
    case 'continuation':
      lines.splice(at, 0, ...Array.from({ length: rng.between(1, 500) }, () => rng.pick(['   continued text', '', ' ', '\t'])));
      return { kind, text: join(lines) };
    case 'date-edge':
      lines.splice(at, 0, `${rng.pick(['PY', 'Y1', 'DA', 'Y2'])}  - ${rng.pick(['9999///', '-0001', '2026/13/45/', '0000', '275761', '1e309', ...EDGE_DATES])}`);
      return { kind, text: join(lines) };
    case 'url-edge':
      lines.splice(at, 0, `${rng.pick(['UR', 'L1', 'L2', 'DO', 'LK'])}  - ${rng.pick([...HOSTILE_URLS, '10.1000/<script>', 'doi:javascript:alert(1)', `10.${'9'.repeat(5_000)}/x`])}`);
      return { kind, text: join(lines) };
    case 'many-keywords':
      lines.splice(at, 0, ...Array.from({ length: rng.pick([50, 3_000]) }, (_, i) => `KW  - keyword ${i}`));
      return { kind, text: join(lines) };
    default:
      return mutateText(text, rng);
  }
}

/** The share-link payload mutation kinds that work on base64url text. */
export const SHARE_TEXT_MUTATION_KINDS = ['b64-flip', 'b64-alphabet', 'b64-padding', 'b64-length', 'b64-whitespace', 'b64-percent', 'b64-truncate', 'prefix', 'fragment-form'] as const;

/**
 * A mutation of a share link's fragment (`share=v1.<base64url>`) at the
 * text level: damaged base64url (a mail client's line breaks, percent
 * escapes, a mistyped character), wrong version prefixes, other fragment
 * shapes.
 */
export function mutateShareFragment(fragment: string, rng: Rng): Mutation {
  const dot = fragment.indexOf('.');
  const head = fragment.slice(0, dot + 1);
  const data = fragment.slice(dot + 1);
  const at = rng.int(data.length + 1);
  const kind = rng.pick(SHARE_TEXT_MUTATION_KINDS);
  const withData = (d: string) => ({ kind, text: head + d });
  switch (kind) {
    case 'b64-flip': {
      const chars = data.split('');
      for (let i = rng.between(1, 4); i > 0; i--) chars[rng.int(chars.length || 1)] = rng.pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split(''));
      return withData(chars.join(''));
    }
    case 'b64-alphabet':
      return withData(insertAt(data, rng, rng.pick(['+', '/', '=', '!', '\u00e9', '\u0000', '.', '#', '%', '\ufffd'])));
    case 'b64-padding':
      return withData(data + rng.pick(['=', '==', '===', '====']));
    case 'b64-length':
      return withData(data.slice(0, Math.max(1, data.length - (data.length % 4) + 1)));
    case 'b64-whitespace':
      return withData(insertAt(data, rng, rng.pick(['\n', '\r\n', ' ', '\t', '> '])));
    case 'b64-percent':
      return withData(data.replace(/-/g, '%2D').replace(/_/g, '%5F'));
    case 'b64-truncate':
      return withData(data.slice(0, at));
    case 'prefix':
      return { kind, text: rng.pick(['share=v2.', 'share=v01.', 'share=v1', 'share=V1.', 'share=v.', 'share=v999999999999999999999.', 'SHARE=v1.', 'share=v1..', 'share=v-1.', 'shar=v1.', '']) + data };
    default:
      return {
        kind,
        text: rng.pick([
          `#${fragment}`,
          `chrome-extension://abc/library.html#${fragment}`,
          `https://evil.example/#${fragment}`,
          `#share=v1.${data}#share=v1.${data}`,
          `?${fragment}`,
          `#${fragment}&share=v1.AAAA`,
          `#%73hare=v1.${data}`,
          `# ${fragment}`,
        ]),
      };
  }
}

/** Byte-level damage to compressed data: bit flips, cut-offs, a wrong header, extra bytes after the end. */
export function mutateCompressedBytes(bytes: Uint8Array, rng: Rng): { kind: string; bytes: Uint8Array } {
  const out = bytes.slice();
  const kind = rng.pick(['bit-flip', 'cut', 'header', 'trailing', 'checksum']);
  switch (kind) {
    case 'bit-flip':
      for (let i = rng.between(1, 3); i > 0; i--) {
        const at = rng.int(out.length || 1);
        out[at] = (out[at] ?? 0) ^ (1 << rng.int(8));
      }
      return { kind, bytes: out };
    case 'cut':
      return { kind, bytes: out.slice(0, rng.int(out.length)) };
    case 'header':
      // gzip and raw deflate where zlib is expected, or a zlib header with a bad check value.
      out[0] = rng.pick([0x1f, 0x78, 0x08, 0x00]);
      out[1] = rng.pick([0x8b, 0x01, 0x9c, 0xda, 0x00]);
      return { kind, bytes: out };
    case 'trailing': {
      const longer = new Uint8Array(out.length + rng.between(1, 64));
      longer.set(out);
      for (let i = out.length; i < longer.length; i++) longer[i] = rng.int(256);
      return { kind, bytes: longer };
    }
    default: {
      // The Adler-32 checksum (last 4 bytes) wrong: the data inflates, the check must catch it.
      const at = Math.max(0, out.length - 1 - rng.int(4));
      out[at] = (out[at] ?? 0) ^ 0xff;
      return { kind, bytes: out };
    }
  }
}
