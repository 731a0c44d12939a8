import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dexie } from 'dexie';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkImportPlan } from '../../../../lib/db/link-import-store';
import type { LibraryRepository } from '../../../../lib/db/repository';
import { draftsToLinkClips, linkDraftSchema, type ParsedLinks } from '../../../../lib/exchange/link-drafts';
import { readLinkFile } from '../../../../lib/exchange/link-file';
import { describeTally, outcomeOf, runFuzz, type FuzzLibrary } from '../../../helpers/import-fuzz';
import { expectLibraryValid, FUZZ_NOW, openSampleFuzzLibrary } from '../../../helpers/fuzz-library';
import { mutateBookmarksHtml, mutateJsonFile, mutateRis, type Mutation, type Rng } from '../../../helpers/mutate';

/**
 * Hostile files from other tools (browser, Pocket and Raindrop bookmarks;
 * Zotero's CSL-JSON and RIS), through the path the backup page runs: read
 * the file, make link clips, preview against the library, add them in one
 * transaction. Thousands of deterministic mutations per format, text-level
 * and grammar-aware; see tests/helpers/import-fuzz.ts for what is checked
 * on every case.
 */
const CASES = 2_000;

// One window's DOMParser, as the library page uses DOMParser (a new JSDOM per file costs ~40 ms).
const domParser = new new JSDOM('').window.DOMParser();
const parseHtml = (html: string) => domParser.parseFromString(html, 'text/html');
const fixture = (file: string) => readFileSync(resolve('tests/fixtures/other-tools', file), 'utf8');

let lib: FuzzLibrary & { repo: LibraryRepository };
beforeAll(async () => {
  lib = await openSampleFuzzLibrary('fuzz-link-files');
});
afterAll(async () => {
  lib.db.close();
  await Dexie.delete(lib.db.name);
});

/** Runs one format through the whole link-import path. */
async function fuzzLinkFile(name: string, fileName: string, seed: number, mutate: (rng: Rng) => Mutation) {
  const started = performance.now();
  const tally = await runFuzz<ParsedLinks, LinkImportPlan>({
    name,
    cases: CASES,
    seed,
    mutate,
    library: lib,
    steps: {
      read: (text) => outcomeOf(readLinkFile(fileName, text, { now: FUZZ_NOW, parseHtml })),
      preview: async (parsed) => ({ ok: true, value: await lib.repo.linkImport.plan(draftsToLinkClips(parsed.drafts)) }),
      apply: async (plan) => outcomeOf(await lib.repo.linkImport.apply(plan.fresh)),
    },
    afterRead: (parsed, where) => {
      for (const d of parsed.drafts) expect(linkDraftSchema.safeParse(d).success, `${where}: an invalid draft`).toBe(true);
    },
    afterApply: (where) => expectLibraryValid(lib.db, where),
  });
  console.log(describeTally(name, tally, performance.now() - started));
  return tally;
}

describe('fuzzing files from other tools', () => {
  it(`bookmarks HTML (browser, Pocket, Raindrop): ${CASES} mutated files`, async () => {
    const bases = ['chrome-bookmarks.html', 'firefox-bookmarks.html', 'pocket-export.html', 'raindrop-export.html'].map(fixture);
    const tally = await fuzzLinkFile('bookmarks', 'bookmarks.html', 0xb00c, (rng) => mutateBookmarksHtml(rng.pick(bases), rng));
    expect(tally.accepted).toBeGreaterThan(CASES / 4);
    expect(tally.refusedWhenRead).toBeGreaterThan(20);
    expect(tally.rolledBack).toBeGreaterThan(20);
  }, 120_000);

  it(`CSL-JSON (Zotero): ${CASES} mutated files`, async () => {
    const base = fixture('zotero-pubmed.json');
    const tally = await fuzzLinkFile('csl-json', 'My Library.json', 0xc51, (rng) => mutateJsonFile(base, rng));
    expect(tally.accepted).toBeGreaterThan(50);
    expect(tally.refusedWhenRead).toBeGreaterThan(CASES / 4);
    expect(tally.rolledBack).toBeGreaterThan(10);
  }, 120_000);

  it(`RIS (Zotero, EndNote, journal sites): ${CASES} mutated files`, async () => {
    const base = fixture('zotero-pubmed.ris');
    const tally = await fuzzLinkFile('ris', 'export.ris', 0x415, (rng) => mutateRis(base, rng));
    expect(tally.accepted).toBeGreaterThan(CASES / 4);
    expect(tally.refusedWhenRead).toBeGreaterThan(20);
    expect(tally.rolledBack).toBeGreaterThan(20);
  }, 120_000);
});
