import { Dexie } from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../../lib/db/library-db';
import { LibraryRepository } from '../../../../lib/db/repository';
import { checkCollectionFile, collectionFileSchema, type CollectionFile } from '../../../../lib/exchange/collection-file';
import { importAddresses, planImport } from '../../../../lib/exchange/import-plan';
import { fileHighlight, fileItem, sampleFile } from './sample-file';
import { mulberry32 } from '../../../bench/synthetic-random';

/**
 * Fuzzing the import: hundreds of deterministic mutations of valid files
 * (truncated, types flipped, keys deleted or duplicated, huge strings, deep
 * nesting, wrong versions and formats, script payloads, prototype keys,
 * flipped bytes). Each must either parse to a valid file or be refused with
 * a message, never throw or hang, and a refused import (at any step) must
 * leave the library exactly as it was.
 */
const SEED = 20261124;
const MUTATIONS = 640;
/** Longest one check may take before it counts as a hang. */
const HANG_MS = 3_000;

/** Mulberry32 (shared with the benchmarks' synthetic data), so every run tries the same files. */
const prng = mulberry32;
const random = prng(SEED);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

function bases(): CollectionFile[] {
  const collection = sampleFile([
    fileItem('conditions/type-2-diabetes', { note: 'Start here', siteName: 'NHS', publishedAt: '2024-01-02', lastReviewed: '2023-08-18T00:00:00.000Z', excerpt: 'About it' }),
    fileHighlight('conditions/type-2-diabetes', 'Check your feet every day', 'Daily'),
    { ...fileItem('x'), url: 'https://forum.example.org/t/1', canonicalUrl: 'https://forum.example.org/t/1', sourceType: 'peer', private: true, byline: 'jo' },
  ]);
  collection.collection.curator = 'Riverside group';
  const item = collection.collection.items[1];
  if (item?.highlight) item.highlight.selectors.push({ type: 'TextPositionSelector', start: 3, end: 28 });
  const list = sampleFile([fileItem('a', { note: 'why' })], 'My appointment');
  list.collection = { ...list.collection, kind: 'reading-list', questions: [{ text: 'Can I drive?', answered: true, answer: 'Yes' }], whatMatters: 'Work', appointment: { date: '2026-12-03', with: 'Dr P' } };
  const rx = sampleFile([fileItem('b')], 'Asthma');
  rx.collection = { ...rx.collection, kind: 'prescription', condition: 'Asthma', prescriber: { service: 'Surgery' }, support: [{ name: 'Helpline', contact: '0300' }] };
  return [collection, list, rx];
}

/** Every path in a JSON value, with the value there. */
function nodes(value: Json, path: Path = [], out: { path: Path; value: Json }[] = []): { path: Path; value: Json }[] {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((v, i) => nodes(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) nodes(v, [...path, k], out);
  return out;
}
function setAt(root: Json, path: Path, value: Json): Json {
  if (!path.length) return value;
  let parent: Json = root;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key] as Json;
  (parent as Record<string | number, Json>)[path[path.length - 1] as string | number] = value;
  return root;
}

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '=HYPERLINK("http://evil.example","click")',
  '\u202Egnp.exe',
  '\u0000\u0001\u001f\ud800',
  '](javascript:alert(1))',
];
const OTHER_VALUES: Json[] = [null, true, false, 0, -1, 1.5, 1e308, '', 'text', [], {}, [1, 2], { a: 1 }];

/** One mutation of a valid file's text; returns the mutated text and what was done. */
function mutate(base: CollectionFile): { kind: string; text: string } {
  const doc = structuredClone(base) as unknown as Json;
  const all = nodes(doc).filter((n) => n.path.length);
  const strings = all.filter((n) => typeof n.value === 'string');
  const objects = nodes(doc).filter((n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value));
  const kind = pick(['truncate', 'flip-type', 'delete-key', 'duplicate-key', 'huge-string', 'deep-nesting', 'version', 'format', 'script', 'proto-key', 'byte-flip', 'unicode', 'many-items', 'url', 'double']);
  const text = () => JSON.stringify(doc);
  switch (kind) {
    case 'truncate': {
      const t = text();
      return { kind, text: t.slice(0, int(0, t.length - 1)) };
    }
    case 'flip-type': {
      const node = pick(all);
      return { kind, text: JSON.stringify(setAt(doc, node.path, pick(OTHER_VALUES.filter((v) => typeof v !== typeof node.value)))) };
    }
    case 'delete-key': {
      const node = pick(objects);
      const keys = Object.keys(node.value as object);
      if (keys.length) delete (node.value as Record<string, Json>)[pick(keys)];
      return { kind, text: text() };
    }
    case 'duplicate-key': {
      // JSON.parse keeps the last of duplicate keys: put a different value first or last.
      const t = text();
      const keys = [...t.matchAll(/"([A-Za-z]+)":/g)];
      const at = pick(keys);
      const dup = `"${at[1]}":${JSON.stringify(pick(OTHER_VALUES))},`;
      const index = at.index ?? 0;
      return { kind, text: random() < 0.5 ? `${t.slice(0, index)}${dup}${t.slice(index)}` : t.replace(/}$/, `,${dup.slice(0, -1)}}`) };
    }
    case 'huge-string': {
      const node = pick(strings);
      return { kind, text: JSON.stringify(setAt(doc, node.path, 'A'.repeat(int(1_000, 3_000_000)))) };
    }
    case 'deep-nesting': {
      const node = pick(all);
      const depth = pick([10, 60, 65, 200, 5_000, 200_000]);
      const open = random() < 0.5 ? '['.repeat(depth) : '{"a":'.repeat(depth);
      const close = open.startsWith('[') ? ']'.repeat(depth) : '}'.repeat(depth);
      return { kind, text: JSON.stringify(setAt(doc, node.path, '__DEEP__')).replace('"__DEEP__"', `${open}1${close}`) };
    }
    case 'version':
      return { kind, text: JSON.stringify(setAt(doc, ['formatVersion'], pick([0, 2, 3, 99, -1, 1.5, '1', null, 1e308, true, [1]] as Json[]))) };
    case 'format':
      return { kind, text: JSON.stringify(setAt(doc, ['format'], pick(['health-clipper-backup', 'Health-Clipper-Collection', '', 'health-clipper-collection ', 1, null] as Json[]))) };
    case 'script': {
      const node = pick(strings);
      return { kind, text: JSON.stringify(setAt(doc, node.path, pick(PAYLOADS))) };
    }
    case 'proto-key': {
      const node = pick(objects);
      (node.value as Record<string, Json>).__PLACEHOLDER__ = { polluted: true };
      return { kind, text: text().replace('"__PLACEHOLDER__"', `"${pick(['__proto__', 'constructor', 'prototype', '\\u005f_proto__'])}"`) };
    }
    case 'byte-flip': {
      const chars = text().split('');
      for (let i = int(1, 5); i > 0; i--) chars[int(0, chars.length - 1)] = pick(['"', '{', '}', '[', ']', ',', ':', '\\', 'x', '0', ' ', '\u00e9']);
      return { kind, text: chars.join('') };
    }
    case 'unicode': {
      const node = pick(strings);
      return { kind, text: JSON.stringify(setAt(doc, node.path, `${String(node.value)}\u00e9\u{1F600}\u200B\u202E`)) };
    }
    case 'many-items': {
      const items = (doc as { collection: { items: Json[] } }).collection.items;
      // 20,000 items are accepted (checked on its own below); importing that many here would only slow the fuzz.
      const count = pick([100, 1_000, 20_001]);
      (doc as { collection: { items: Json[] } }).collection.items = Array.from({ length: count }, (_, i) => ({ ...(items[0] as object), url: `https://example.org/${i}`, canonicalUrl: `https://example.org/${i}` }));
      return { kind, text: text() };
    }
    case 'url': {
      const urls = all.filter((n) => n.path[n.path.length - 1] === 'url' || n.path[n.path.length - 1] === 'canonicalUrl');
      return { kind, text: JSON.stringify(setAt(doc, pick(urls).path, pick(['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'http://', 'https://a b', 'ftp://x.org/', 'https://ok.example/path']))) };
    }
    default: {
      // Two mutations: the second made to what the first produced, when that is still JSON.
      const once = mutate(base);
      let parsed: unknown;
      try {
        parsed = JSON.parse(once.text);
      } catch {
        return { kind: `double(${once.kind})`, text: once.text };
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { kind: `double(${once.kind})`, text: once.text };
      const twice = mutate(parsed as CollectionFile);
      return { kind: `double(${once.kind}+${twice.kind})`, text: twice.text };
    }
  }
}

const db = new LibraryDb('fuzz-import');
let id = 0;
const repo = new LibraryRepository(db, { now: () => new Date('2026-11-24T10:00:00Z'), newId: () => `fuzz-${++id}` });
afterAll(async () => {
  db.close();
  await Dexie.delete(db.name);
});
/** An empty library with one page the user saved, for the mutations to merge with. */
async function resetLibrary(): Promise<void> {
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
  await repo.saveClip({ kind: 'article', facts: { url: 'https://www.nhs.uk/a/', canonicalUrl: 'https://www.nhs.uk/a/', title: 'Mine', signals: [] }, note: 'my note' }, { type: 'official', confidence: 1, reasons: ['r'] });
}
async function dump(): Promise<string> {
  return JSON.stringify(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

describe('fuzzing the collection file import', () => {
  it(`${MUTATIONS} mutations of valid files: each parses to a valid file or is refused with a message; nothing throws, hangs or changes the library when refused`, async () => {
    await resetLibrary();
    const files = bases();
    const counts = { accepted: 0, refusedWhenRead: 0, refusedWhenApplied: 0 };
    const byKind = new Map<string, { accepted: number; refused: number }>();
    let slowest = 0;
    let readWell = 0;
    for (let i = 0; i < MUTATIONS; i++) {
      const { kind, text } = mutate(pick(files));
      const tally = byKind.get(kind.replace(/\(.*/, '')) ?? { accepted: 0, refused: 0 };
      byKind.set(kind.replace(/\(.*/, ''), tally);
      const before = await dump();
      const started = performance.now();
      let checked: ReturnType<typeof checkCollectionFile>;
      try {
        checked = checkCollectionFile(text);
      } catch (error) {
        throw new Error(`mutation ${i} (${kind}) threw: ${String(error)}`);
      }
      const took = performance.now() - started;
      slowest = Math.max(slowest, took);
      expect(took, `mutation ${i} (${kind}) took ${took} ms`).toBeLessThan(HANG_MS);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      if (!checked.ok) {
        expect(typeof checked.message).toBe('string');
        expect(checked.message.trim().length, `mutation ${i} (${kind})`).toBeGreaterThan(10);
        expect(checked.problems.length).toBeGreaterThan(0);
        counts.refusedWhenRead++;
        tally.refused++;
        expect(await dump()).toBe(before);
        continue;
      }
      expect(collectionFileSchema.safeParse(checked.file).success).toBe(true);
      const plan = planImport(checked.file, await repo.collections.importLibraryFor(importAddresses(checked.file)));
      // Every fourth file that reads well meets a disk that fails part-way through the import.
      const failing = readWell++ % 4 === 3 ? pick(['clips', 'highlights', 'collections'] as const) : undefined;
      const diskFull = () => {
        throw new Error('disk full');
      };
      if (failing) db[failing].hook('creating', diskFull);
      const applied = await repo.collections.applyImport(plan).finally(() => {
        if (failing) db[failing].hook('creating').unsubscribe(diskFull);
      });
      if (applied.ok) {
        expect(failing === undefined || (failing === 'highlights' && plan.counts.newHighlights === 0) || (failing === 'clips' && plan.counts.newPages === 0)).toBe(true);
        counts.accepted++;
        tally.accepted++;
        // Back to the small library, so each comparison stays cheap.
        await resetLibrary();
      } else {
        expect(applied.error.message.length).toBeGreaterThan(10);
        expect(await dump(), `mutation ${i} (${kind}) refused when applied changed the library`).toBe(before);
        counts.refusedWhenApplied++;
        tally.refused++;
      }
    }
    console.log(
      [
        '',
        `Collection import fuzz, seed ${SEED}: ${MUTATIONS} mutated files`,
        `  refused cleanly when read: ${counts.refusedWhenRead}`,
        `  refused cleanly when applied, a write failing part-way (library unchanged): ${counts.refusedWhenApplied}`,
        `  accepted and imported: ${counts.accepted}`,
        `  slowest check: ${slowest.toFixed(0)} ms`,
        ...[...byKind].sort().map(([k, v]) => `    ${k}: ${v.refused} refused, ${v.accepted} accepted`),
        '',
      ].join('\n'),
    );
    expect(counts.refusedWhenRead + counts.refusedWhenApplied + counts.accepted).toBe(MUTATIONS);
    expect(counts.refusedWhenRead).toBeGreaterThan(MUTATIONS / 3);
    expect(counts.accepted).toBeGreaterThan(20);
  }, 300_000);

  it('accepts a file of the largest size allowed (20,000 items) quickly', () => {
    const file = sampleFile(Array.from({ length: 20_000 }, (_, i) => fileItem(`page-${i}`, { note: `Note ${i}` })));
    const started = performance.now();
    const checked = checkCollectionFile(JSON.stringify(file));
    const took = performance.now() - started;
    expect(checked.ok).toBe(true);
    expect(took).toBeLessThan(HANG_MS);
  });
});
