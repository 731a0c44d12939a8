import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dexie } from 'dexie';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../../lib/db/library-db';
import { LibraryRepository } from '../../../../lib/db/repository';
import { buildBackupText, parseBackup } from '../../../../lib/exchange/backup';
import { draftsToLinkClips, linkDraftSchema } from '../../../../lib/exchange/link-drafts';
import { readLinkFile } from '../../../../lib/exchange/link-file';
import { clipSchema } from '../../../../lib/model/clip';
import { sampleLibrary, sampleSettings } from '../../../helpers/sample-library';

/**
 * Deterministic fuzzing of everything that reads a file the user picks:
 * the backup parser and the three importers from other tools. Each mutated
 * file goes through the whole path (read → check → write to a library), and
 * must never throw or hang; a refusal must say why; a refused file must
 * leave the library exactly as it was.
 */

const NOW = new Date('2026-11-24T10:00:00Z');
const CASES_PER_FORMAT = 400;
/** Longest one case may take before it counts as a hang. */
const MAX_CASE_MS = 3_000;

/** mulberry32: a small seeded generator, so every run tries the same files. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]! };
}
type Rng = ReturnType<typeof random>;

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(document.cookie)',
  '\u0000\u0001\u0002\uFFFE\uD800',
  '{{constructor.constructor("alert(1)")()}}',
  '</DL></DL></DL><DT><A HREF="data:text/html,x">',
  '\nTY  - JOUR\nUR  - https://evil.example/\n',
  '__proto__',
  '"},"__proto__":{"polluted":true},"x":{"',
  '\u202Egnp.exe',
];

function garbage(rng: Rng, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(rng.int(0x10000));
  return s;
}

/** Byte-level mutations that any format can get: cut off, garbage, repeats, payloads, huge runs. */
function mutateText(text: string, rng: Rng): string {
  const at = rng.int(text.length + 1);
  switch (rng.int(8)) {
    case 0:
      return text.slice(0, at); // truncated download
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + rng.int(200)); // a hole
    case 2:
      return text.slice(0, at) + garbage(rng, 1 + rng.int(64)) + text.slice(at); // binary garbage
    case 3:
      return text.slice(0, at) + rng.pick(PAYLOADS) + text.slice(at);
    case 4: {
      const span = text.slice(at, at + 1 + rng.int(500));
      return text.slice(0, at) + span.repeat(2 + rng.int(50)) + text.slice(at);
    }
    case 5:
      return text.slice(0, at) + 'A'.repeat(200_000 + rng.int(1_000_000)) + text.slice(at); // huge string
    case 6:
      return garbage(rng, rng.int(2_000)); // not the format at all
    default: {
      const chars = [...text];
      for (let i = 0; i < 1 + rng.int(20); i++) chars[rng.int(chars.length)] = String.fromCharCode(rng.int(128));
      return chars.join('');
    }
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path in a JSON value, so a mutation can land anywhere. */
function pathsOf(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

/** A marker replaced after JSON.stringify by nesting written as text (JSON.stringify itself would overflow the stack). */
const DEEP = '\u0000deep\u0000';
function deepNestText(depth: number): string {
  return `${'[{"a":'.repeat(depth)}"bottom"${'}]'.repeat(depth)}`;
}

/** Structural mutations of a JSON file: type flips, huge strings, deep nesting, prototype keys, removed keys. */
function mutateJson(text: string, rng: Rng): string {
  const root: Json = JSON.parse(text);
  const paths = pathsOf(root);
  const path = rng.pick(paths);
  const replacement = (): Json => {
    switch (rng.int(9)) {
      case 0:
        return rng.int(2) ? 42 : -1;
      case 1:
        return null;
      case 2:
        return 'x'.repeat(100_000 + rng.int(3_000_000));
      case 3:
        return DEEP;
      case 4:
        return [];
      case 5:
        return { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } } as unknown as Json;
      case 6:
        return rng.pick(PAYLOADS);
      case 7:
        return Array.from({ length: 1 + rng.int(5) }, () => ({ id: 'dup', title: rng.pick(PAYLOADS) }));
      default:
        return true;
    }
  };
  if (path.length === 0) return JSON.stringify(replacement());
  let parent: Json = root;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key]!;
  const last = path[path.length - 1]!;
  const holder = parent as Record<string | number, Json>;
  if (rng.int(6) === 0 && !Array.isArray(parent)) delete holder[last];
  else holder[last] = replacement();
  const depth = 1_000 + rng.int(50_000);
  return JSON.stringify(root)
    .replace(JSON.stringify(DEEP), deepNestText(depth))
    // An own "__proto__" key, as a hostile file would write it (JSON.stringify would not).
    .replace('"title":', '"__proto__":{"polluted":true},"title":');
}

interface Tally {
  cases: number;
  accepted: number;
  refused: number;
  slowestMs: number;
}

let db: LibraryDb;
let repo: LibraryRepository;
beforeAll(async () => {
  db = new LibraryDb('fuzz-importers');
  repo = new LibraryRepository(db, { now: () => NOW, newId: () => crypto.randomUUID() });
  await repo.backup.replaceAll(sampleLibrary());
});
afterAll(async () => {
  db.close();
  await Dexie.delete(db.name);
});

// One window's DOMParser, as the library page uses DOMParser (a new JSDOM per file costs ~40 ms).
const domParser = new new JSDOM('').window.DOMParser();
const parseHtml = (html: string) => domParser.parseFromString(html, 'text/html');
const libraryState = async () => JSON.stringify(await repo.backup.snapshot());
const tallies: Record<string, Tally> = {};

/** Runs `cases` files through `importFile`, checking the rules on each. */
async function fuzz(name: string, files: (rng: Rng) => string, importFile: (text: string) => Promise<{ ok: boolean; message?: string }>) {
  const tally: Tally = { cases: 0, accepted: 0, refused: 0, slowestMs: 0 };
  tallies[name] = tally;
  const rng = random(0xc0ffee ^ name.length);
  for (let i = 0; i < CASES_PER_FORMAT; i++) {
    const text = files(rng);
    const before = await libraryState();
    const started = performance.now();
    let outcome: { ok: boolean; message?: string };
    try {
      outcome = await importFile(text);
    } catch (error) {
      throw new Error(`${name} case ${i} threw: ${String(error)}`);
    }
    const ms = performance.now() - started;
    tally.slowestMs = Math.max(tally.slowestMs, ms);
    expect(ms, `${name} case ${i} took ${ms.toFixed(0)} ms`).toBeLessThan(MAX_CASE_MS);
    tally.cases++;
    if (outcome.ok) tally.accepted++;
    else {
      tally.refused++;
      expect(outcome.message?.trim().length ?? 0, `${name} case ${i} was refused without a message`).toBeGreaterThan(10);
      expect(await libraryState(), `${name} case ${i} changed the library although it was refused`).toBe(before);
    }
  }
  expect(tally.cases).toBe(CASES_PER_FORMAT);
  expect(Object.prototype).not.toHaveProperty('polluted');
}

/** The link-import path the page runs: read the file, make link clips, add them in one transaction. */
async function importLinks(name: string, text: string) {
  const parsed = readLinkFile(name, text, { now: NOW, parseHtml });
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  for (const d of parsed.value.drafts) expect(linkDraftSchema.safeParse(d).success).toBe(true);
  const applied = await repo.linkImport.apply(draftsToLinkClips(parsed.value.drafts));
  if (!applied.ok) return { ok: false, message: applied.error.message };
  // Whatever was accepted, every clip added is a valid clip; then back to the base library for the next case.
  for (const clip of await db.clips.toArray()) expect(clipSchema.safeParse(clip).success).toBe(true);
  await repo.backup.replaceAll(sampleLibrary());
  return { ok: true };
}

const fixture = (file: string) => readFileSync(resolve('tests/fixtures/other-tools', file), 'utf8');

describe('fuzzing the importers and the backup parser', () => {
  it('backup files: mutated bytes and structure never throw, hang or half-change the library', async () => {
    const base = buildBackupText({ exportedAt: NOW.toISOString(), appVersion: '0.1.0', settings: sampleSettings() }, sampleLibrary());
    await fuzz(
      'backup',
      (rng) => (rng.int(2) ? mutateText(base, rng) : mutateJson(base, rng)),
      async (text) => {
        const parsed = parseBackup(text);
        if (!parsed.ok) return { ok: false, message: parsed.error.message };
        const { siteRules, collections, highlights, clips } = parsed.value;
        const restored = await repo.backup.replaceAll({ siteRules, collections, highlights, clips });
        if (!restored.ok) return { ok: false, message: restored.error.message };
        await repo.backup.replaceAll(sampleLibrary()); // back to the base library for the next case
        return { ok: true };
      },
    );
  }, 300_000);

  it('bookmarks HTML (browser, Pocket, Raindrop)', async () => {
    const bases = ['chrome-bookmarks.html', 'firefox-bookmarks.html', 'pocket-export.html', 'raindrop-export.html'].map(fixture);
    await fuzz(
      'bookmarks',
      (rng) => {
        const base = rng.pick(bases);
        // Deep folders, beyond the 200 ancestors we climb. jsdom's parser (not ours) is quadratic in depth (2,000 levels
        // take it 5 s), so stay at a few hundred; Chromium's parser caps the DOM at 512 levels anyway.
        if (rng.int(20) === 0) return `<!DOCTYPE NETSCAPE-Bookmark-file-1>${'<DL><DT><H3>x</H3>'.repeat(250 + rng.int(400))}<DT><A HREF="https://deep.example/">deep</A>`;
        return mutateText(base, rng);
      },
      (text) => importLinks('bookmarks.html', text),
    );
  }, 300_000);

  it('CSL-JSON (Zotero)', async () => {
    const base = fixture('zotero-pubmed.json');
    await fuzz('csl-json', (rng) => (rng.int(2) ? mutateText(base, rng) : mutateJson(base, rng)), (text) => importLinks('My Library.json', text));
  }, 300_000);

  it('RIS (Zotero, EndNote, journal sites)', async () => {
    const base = fixture('zotero-pubmed.ris');
    await fuzz(
      'ris',
      (rng) => (rng.int(10) === 0 ? 'TY  - JOUR\r\n'.repeat(1_000 + rng.int(20_000)) : mutateText(base, rng)),
      (text) => importLinks('export.ris', text),
    );
  }, 300_000);

  afterAll(() => {
    console.log(
      '[importers fuzz] ' +
        Object.entries(tallies)
          .map(([name, t]) => `${name}: ${t.cases} files, ${t.accepted} accepted, ${t.refused} refused with a message, slowest ${t.slowestMs.toFixed(0)} ms`)
          .join('; ') +
        '; 0 throws, 0 hangs, library unchanged after every refusal',
    );
  });
});
