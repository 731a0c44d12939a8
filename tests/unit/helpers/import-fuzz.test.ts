import { Dexie } from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../../lib/db/library-db';
import { expectReadableReason, fingerprintLibrary, installWriteFaults } from '../../helpers/import-fuzz';
import { JSON_MUTATION_KINDS, mutateJson, mutateText, seededRng, TEXT_MUTATION_KINDS } from '../../helpers/mutate';
import { sampleClips } from '../../helpers/sample-library';

/**
 * The fuzz machinery must itself be able to fail: the same seed gives the
 * same files, every kind of mutation happens, the reason check refuses
 * what a user should never read, the fingerprint sees a one-row change in
 * any table, and an injected write failure really fails the write.
 */
const BASE = JSON.stringify({ format: 'x', formatVersion: 1, items: [{ url: 'https://a.example/', title: 't', n: 1, at: '2026-01-01T00:00:00Z' }] });

describe('the mutation engine', () => {
  it('gives the same files for the same seed, and other files for another', () => {
    const run = (seed: number) => {
      const rng = seededRng(seed);
      return Array.from({ length: 50 }, () => (rng.chance(0.5) ? mutateText(BASE, rng) : mutateJson(BASE, rng)).text.slice(0, 2_000));
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('reaches every kind of mutation, including 10,000 levels of nesting and own __proto__ keys', () => {
    const rng = seededRng(1);
    const kinds = new Set<string>();
    let deepest = 0;
    let protoKeys = 0;
    for (let i = 0; i < 1_500; i++) {
      const text = mutateText(BASE, rng);
      kinds.add(text.kind);
      const json = mutateJson(BASE, rng);
      kinds.add(json.kind.replace(/\(.*/, ''));
      if (json.kind === 'deep-nesting') deepest = Math.max(deepest, json.text.split('[').length - 1, json.text.split('{').length - 1);
      if (/"__proto__":/.test(json.text)) protoKeys++;
    }
    for (const kind of [...TEXT_MUTATION_KINDS, ...JSON_MUTATION_KINDS]) expect(kinds, kind).toContain(kind);
    expect(deepest).toBeGreaterThanOrEqual(10_000);
    expect(protoKeys).toBeGreaterThan(0);
  });
});

describe('the readable-reason check', () => {
  it.each([
    ['empty', ''],
    ['a stack trace', 'Something failed.\n    at parse (file.ts:1:2)'],
    ['zod’s own words', 'Invalid input: expected string, received number'],
    ['"undefined"', 'The value undefined is wrong here.'],
    ['"[object Object]"', 'The file [object Object] was refused.'],
    ['a line too long to read', `The file is wrong: ${'x'.repeat(400)}`],
  ])('refuses %s', (_what, message) => {
    expect(() => expectReadableReason(message, 'test')).toThrow();
  });

  it('accepts a plain sentence', () => {
    expect(() => expectReadableReason('This file is empty. Export your links again and choose the new file.', 'test')).not.toThrow();
  });
});

describe('the library fingerprint and injected write failures', () => {
  const db = new LibraryDb('fuzz-machinery');
  const faults = installWriteFaults(db);
  afterAll(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('sees a one-row change in the search journal or the saved index', async () => {
    await db.clips.bulkAdd(sampleClips());
    const before = await fingerprintLibrary(db);
    await db.searchJournal.add({ clipIds: ['x'] });
    const afterJournal = await fingerprintLibrary(db);
    expect(afterJournal).not.toBe(before);
    const row = { key: 'meta', meta: { seq: 1 } } as never;
    await db.searchIndex.put(row);
    expect(await fingerprintLibrary(db)).not.toBe(afterJournal);
  });

  it('fails the Nth write, and the transaction it was in leaves nothing behind', async () => {
    const before = await fingerprintLibrary(db);
    const [first, second] = sampleClips().map((c) => ({ ...c, id: `${c.id}-new` }));
    if (!first || !second) throw new Error('sample clips missing');
    faults.failOnWrite(3);
    // add clip (1), its journal entry (2), add the second clip (3: fails).
    const written = db.transaction('rw', db.clips, async () => {
      await db.clips.add(first);
      await db.clips.add(second);
    });
    await expect(written).rejects.toThrow(/disk is full/);
    expect(faults.disarm()).toBe(3);
    expect(await fingerprintLibrary(db)).toBe(before);
  });
});
