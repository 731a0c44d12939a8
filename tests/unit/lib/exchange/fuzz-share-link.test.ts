import { Dexie } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryRepository } from '../../../../lib/db/repository';
import type { CollectionFile } from '../../../../lib/exchange/collection-file';
import type { ImportPlan } from '../../../../lib/exchange/import-plan';
import { decodeShareLink, encodeShareLink, encodeSharePayload, MAX_SHARE_DECOMPRESSED_BYTES } from '../../../../lib/exchange/share-link';
import { describeTally, outcomeOf, runFuzz, type FuzzLibrary } from '../../../helpers/import-fuzz';
import { expectLibraryValid, openSampleFuzzLibrary } from '../../../helpers/fuzz-library';
import { mutateCompressedBytes, mutateJsonFile, mutateShareFragment, type Mutation, type Rng } from '../../../helpers/mutate';
import { collectionBases, collectionSteps, expectValidCollectionFile, followSampleCollection } from './collection-fuzz-cases';

/**
 * Hostile share links (`library.html#share=v1.<deflate, base64url>`):
 * damaged base64url text, damaged compressed bytes (bit flips, cut-offs,
 * wrong headers, bad checksums), decompression bombs, and valid
 * compression of mutated collection files, each decoded and then
 * previewed and imported like a file. Checked as every importer is
 * (tests/helpers/import-fuzz.ts).
 */
const CASES = 2_000;
const BASE = 'chrome-extension://abcdefghijklmnop/library.html';

const fromBase64Url = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));
const toBase64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

let lib: FuzzLibrary & { repo: LibraryRepository };
let followedId = '';
let fragments: string[];
let collectionTexts: string[];
let bombs: { kind: string; text: string }[];
beforeAll(async () => {
  lib = await openSampleFuzzLibrary('fuzz-share-link', async (repo) => {
    followedId = await followSampleCollection(repo);
  });
  const bases = collectionBases();
  collectionTexts = bases.map((f) => JSON.stringify(f));
  fragments = [];
  for (const file of bases) {
    const link = await encodeShareLink(file, BASE);
    if (typeof link !== 'string') throw new Error('sample list too large for a link');
    fragments.push(link.slice(link.indexOf('#') + 1));
  }
  // Made once: megabytes of one character deflate to a few kilobytes.
  const over = MAX_SHARE_DECOMPRESSED_BYTES + 1;
  bombs = [
    { kind: 'bomb-over-cap', text: `share=v1.${await encodeSharePayload('x'.repeat(over))}` },
    { kind: 'bomb-far-over-cap', text: `share=v1.${await encodeSharePayload(' '.repeat(60 * 1024 * 1024))}` },
    { kind: 'bomb-json-under-cap', text: `share=v1.${await encodeSharePayload(`{"format":"health-clipper-collection","x":"${'A'.repeat(over - 1_000)}"}`)}` },
    { kind: 'bomb-deep-nesting', text: `share=v1.${await encodeSharePayload(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)}` },
  ];
});
afterAll(async () => {
  lib.db.close();
  await Dexie.delete(lib.db.name);
});

/** One hostile link: damaged text, damaged bytes, a bomb, or a mutated file compressed properly. */
async function mutateLink(rng: Rng): Promise<Mutation> {
  const roll = rng.int(100);
  const fragment = rng.pick(fragments);
  if (roll < 35) return mutateShareFragment(fragment, rng);
  if (roll < 60) {
    const data = fragment.slice(fragment.indexOf('.') + 1);
    const damaged = mutateCompressedBytes(fromBase64Url(data), rng);
    return { kind: `bytes-${damaged.kind}`, text: `share=v1.${toBase64Url(damaged.bytes)}` };
  }
  if (roll < 63) return rng.pick(bombs);
  // A well-formed link around a hostile file: what a crafted link delivers past the checksum.
  const file = mutateJsonFile(rng.pick(collectionTexts), rng);
  // The payload of a link is capped at 200,000 characters: a file that compresses past it is refused before inflating.
  return { kind: `file-${file.kind}`, text: `share=v1.${await encodeSharePayload(file.text)}` };
}

describe('fuzzing share links', () => {
  it(`${CASES} hostile links: decoded and imported whole, or refused with a reason and the library unchanged`, async () => {
    const started = performance.now();
    const tally = await runFuzz<CollectionFile, ImportPlan>({
      name: 'share-link',
      cases: CASES,
      seed: 0x54a4e,
      mutate: mutateLink,
      library: lib,
      steps: { read: async (text) => outcomeOf(await decodeShareLink(text)), ...collectionSteps(lib.repo, () => followedId) },
      afterRead: expectValidCollectionFile,
      afterApply: (where) => expectLibraryValid(lib.db, where),
    });
    console.log(describeTally('share links', tally, performance.now() - started));
    expect(tally.refusedWhenRead).toBeGreaterThan(CASES / 2);
    expect(tally.accepted).toBeGreaterThan(50);
    expect(tally.rolledBack).toBeGreaterThan(10);
    for (const kind of ['bytes-checksum', 'bytes-bit-flip', 'bytes-cut', 'bomb-over-cap', 'b64-flip']) expect(tally.byKind.get(kind)?.n ?? 0, kind).toBeGreaterThan(0);
  }, 120_000);
});
