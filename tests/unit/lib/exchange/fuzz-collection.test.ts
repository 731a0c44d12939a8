import { Dexie } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryRepository } from '../../../../lib/db/repository';
import { checkCollectionFile, type CollectionFile } from '../../../../lib/exchange/collection-file';
import { describeTally, outcomeOf, runFuzz, type FuzzLibrary } from '../../../helpers/import-fuzz';
import { expectLibraryValid, openSampleFuzzLibrary } from '../../../helpers/fuzz-library';
import { mutateJsonFile } from '../../../helpers/mutate';
import { collectionBases, collectionSteps, expectValidCollectionFile, followSampleCollection } from './collection-fuzz-cases';
import { fileItem, sampleFile } from './sample-file';

/**
 * Hostile collection files (the "Import a collection file" page, and the
 * followed collections the subscriptions page downloads): thousands of
 * deterministic mutations of valid files through read → preview → apply.
 * Each is accepted as a valid import or refused with a readable reason;
 * none throws, hangs or pollutes Object.prototype, and a refusal at any
 * step, a disk failing part-way through the apply included, leaves every
 * table of the library as it was. Share links, which carry the same file,
 * are fuzzed in fuzz-share-link.test.ts.
 */
const SEED = 20261124;
const CASES = 2_000;

let lib: FuzzLibrary & { repo: LibraryRepository };
let followedId = '';
beforeAll(async () => {
  lib = await openSampleFuzzLibrary('fuzz-collection', async (repo) => {
    followedId = await followSampleCollection(repo);
  });
});
afterAll(async () => {
  lib.db.close();
  await Dexie.delete(lib.db.name);
});

describe('fuzzing collection files', () => {
  it(`${CASES} mutated files: accepted and imported whole, or refused with a reason and the library unchanged`, async () => {
    const texts = collectionBases().map((f) => JSON.stringify(f));
    const started = performance.now();
    const tally = await runFuzz({
      name: 'collection',
      cases: CASES,
      seed: SEED,
      mutate: (rng) => mutateJsonFile(rng.pick(texts), rng),
      steps: { read: (text) => outcomeOf(toResult(checkCollectionFile(text))), ...collectionSteps(lib.repo, () => followedId) },
      library: lib,
      afterRead: expectValidCollectionFile,
      afterApply: (where) => expectLibraryValid(lib.db, where),
    });
    console.log(describeTally('collection files', tally, performance.now() - started));
    expect(tally.refusedWhenRead).toBeGreaterThan(CASES / 3);
    expect(tally.accepted).toBeGreaterThan(50);
    // The injected failures really did hit imports mid-way, and each was rolled back whole.
    expect(tally.rolledBack).toBeGreaterThan(20);
  }, 120_000);

  it('accepts a file of the largest size allowed (20,000 items) quickly', () => {
    const file = sampleFile(Array.from({ length: 20_000 }, (_, i) => fileItem(`page-${i}`, { note: `Note ${i}` })));
    const started = performance.now();
    const checked = checkCollectionFile(JSON.stringify(file));
    expect(checked.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

function toResult(checked: ReturnType<typeof checkCollectionFile>): { ok: true; value: CollectionFile } | { ok: false; error: { message: string } } {
  return checked.ok ? { ok: true, value: checked.file } : { ok: false, error: { message: checked.message } };
}
