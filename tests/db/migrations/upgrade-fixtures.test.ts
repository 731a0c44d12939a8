import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryDb, SCHEMA_HISTORY } from '../../../lib/db/library-db';
import { LibrarySearch, type SearchProgress } from '../../../lib/db/library-search';
import { LibraryRepository } from '../../../lib/db/repository';
import { buildBackupText, parseBackup } from '../../../lib/exchange/backup';
import { exportCollectionFile } from '../../../lib/exchange/export-file';
import type { Clip } from '../../../lib/model/clip';
import type { Highlight } from '../../../lib/model/highlight';
import { decodeValue, readRawDatabase, writeRawDatabase, type RawDatabase, type RawStore } from '../../../scripts/upgrade-fixture-format';
import { sampleSettings } from '../../helpers/sample-library';

/**
 * Databases written by the code of every shipped schema version
 * (tests/fixtures/upgrade/vN.json, made by scripts/make-upgrade-fixture.ts
 * from the commit named in each file), recreated byte for byte with the raw
 * IndexedDB API and then opened with today's code.
 */
const FIXTURES = resolve(process.cwd(), 'tests/fixtures/upgrade');
const NEWEST = SCHEMA_HISTORY.at(-1)!.version;

function loadFixture(version: number): RawDatabase {
  const parsed: unknown = JSON.parse(readFileSync(resolve(FIXTURES, `v${version}.json`), 'utf8'));
  const file = parsed as RawDatabase;
  if (file.format !== 'health-clipper-raw-idb') throw new Error(`v${version}.json is not an upgrade fixture`);
  return file;
}

const fixtureVersions = readdirSync(FIXTURES)
  .flatMap((f) => /^v(\d+)\.json$/.exec(f)?.[1] ?? [])
  .map(Number)
  .sort((a, b) => a - b);

/** What Dexie makes of a stores() string: the primary key and each index, as IndexedDB describes them. */
function parseDexieSchema(spec: string): Pick<RawStore, 'keyPath' | 'autoIncrement' | 'indexes'> {
  const [primary = '', ...rest] = spec.split(',').map((s) => s.trim());
  const autoIncrement = primary.startsWith('++');
  const keyPath = primary.replace(/^\+\+/, '') || null;
  const indexes = rest
    .map((s) => ({ name: s.replace(/^[*&]/, ''), keyPath: s.replace(/^[*&]/, ''), unique: s.startsWith('&'), multiEntry: s.startsWith('*') }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { keyPath, autoIncrement, indexes };
}

/**
 * The changes an upgrade is allowed to make to a record, by table, for a
 * database of `fromVersion`. None so far: no version has had an upgrade
 * function (v2..v5 only added tables). A version that transforms records
 * says here what it does, and this test checks exactly that.
 */
function expectedAfterUpgrade(_fromVersion: number, _table: string, record: unknown): unknown {
  return record;
}

const decodedRecords = (store: RawStore | undefined) => (store?.records ?? []).map(([, value]) => decodeValue(value));

let opened: LibraryDb[] = [];
afterEach(async () => {
  for (const db of opened) db.close();
  for (const db of opened) await Dexie.delete(db.name);
  opened = [];
});

describe('upgrade fixtures', () => {
  it('exist for every shipped schema version, each with exactly that version’s stores and indexes', () => {
    // A new version in SCHEMA_HISTORY needs its fixture (and v(N-1).json remade from the last commit
    // before it): see the header of scripts/make-upgrade-fixture.ts.
    expect(fixtureVersions).toEqual(SCHEMA_HISTORY.map((v) => v.version));
    for (const { version, stores } of SCHEMA_HISTORY) {
      const fixture = loadFixture(version);
      expect(fixture.schemaVersion).toBe(version);
      expect(fixture.idbVersion).toBe(version * 10); // Dexie multiplies by 10
      expect(fixture.madeWith.commit).toMatch(/^[0-9a-f]{7,40}$/);
      const expected = Object.entries(stores)
        .map(([name, spec]) => ({ name, ...parseDexieSchema(spec) }))
        .sort((a, b) => a.name.localeCompare(b.name));
      expect(fixture.stores.map(({ records: _r, ...shape }) => shape)).toEqual(expected);
      expect(readFileSync(resolve(FIXTURES, `v${version}.json`)).length).toBeLessThan(200_000);
    }
  });

  for (const version of fixtureVersions) {
    it(`v${version}: today's code opens it, keeps every record, and works on it`, async () => {
      const fixture = loadFixture(version);
      const name = `${fixture.name}-from-v${version}`;
      await writeRawDatabase({ ...fixture, name });
      const byName = new Map(fixture.stores.map((s) => [s.name, s]));
      const countOf = (table: string) => byName.get(table)?.records.length ?? 0;
      // Every table the version had, with something in it (else the fixture proves little).
      for (const table of Object.keys(SCHEMA_HISTORY[version - 1]!.stores)) expect(countOf(table), table).toBeGreaterThan(0);

      const db = new LibraryDb(name);
      opened.push(db);
      let id = 0;
      const repo = new LibraryRepository(db, { now: () => new Date('2026-11-24T12:00:00.000Z'), newId: () => `today-${++id}` });
      await db.open();
      expect(db.verno).toBe(NEWEST);

      // Same stores and indexes as a library created by today's code.
      const fresh = new LibraryDb(`${name}-fresh`);
      opened.push(fresh);
      await fresh.open();
      const shapes = (raw: Awaited<ReturnType<typeof readRawDatabase>>) => raw.stores.map(({ records: _r, ...shape }) => shape);
      db.close();
      const upgradedRaw = await readRawDatabase(name);
      expect(upgradedRaw.idbVersion).toBe(NEWEST * 10);
      fresh.close();
      expect(shapes(upgradedRaw)).toEqual(shapes(await readRawDatabase(fresh.name)));
      await db.open();

      // Every record of every table, field for field (undefined-valued fields included), in key order.
      for (const table of db.tables) {
        const expected = decodedRecords(byName.get(table.name)).map((r) => expectedAfterUpgrade(version, table.name, r));
        expect(await table.count(), table.name).toBe(expected.length);
        expect(await table.toArray(), table.name).toStrictEqual(expected);
      }

      // Today's features on the upgraded data: list, tags, look-up by address.
      const clips = decodedRecords(byName.get('clips')) as Clip[];
      const listed = await repo.listClips();
      expect(listed.map((c) => c.id).sort()).toEqual(clips.map((c) => c.id).sort());
      expect(await repo.listTags()).toEqual([...new Set(clips.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b)));
      for (const clip of clips) expect((await repo.findClipsByUrl(clip.canonicalUrl)).map((c) => c.id)).toContain(clip.id);

      // Search: with no saved index for this schema it is built from the data; a saved one of today's schema is used as it is.
      const states: SearchProgress['state'][] = [];
      const search = new LibrarySearch(db, (p) => states.push(p.state));
      await search.open();
      const savedIndexUsable = version === NEWEST && countOf('searchIndex') > 0;
      if (!savedIndexUsable) await search.rebuild();
      expect(states.includes('building')).toBe(!savedIndexUsable);
      const find = async (query: string) => (await search.search({ query, filter: {}, now: Date.parse('2026-11-24T12:00:00Z') })).ids;
      const nhs = clips.find((c) => c.canonicalUrl === 'https://www.nhs.uk/conditions/type-2-diabetes/')!;
      const forum = clips.find((c) => c.kind === 'link')!;
      const journal = clips.find((c) => c.canonicalUrl.startsWith('https://pubmed.'))!;
      expect(await find('HbA1c')).toContain(nhs.id); // body text and the clip's note
      expect(await find('personal care')).toContain(forum.id); // a link clip's title
      expect(await find('full paper')).toEqual([journal.id]); // a note edited after saving
      expect(await find('hypos')).toContain(clips.find((c) => c.kind === 'selection')!.id); // a tag
      const highlights = decodedRecords(byName.get('highlights')) as Highlight[];
      if (highlights.length) expect(await find('happened last week')).toEqual([highlights.find((h) => h.note === 'Happened last week')!.clipId]);

      // Backup: every migrated record passes today's file schemas, and the counts are the fixture's.
      const snapshot = await repo.backup.snapshot();
      const backup = parseBackup(buildBackupText({ exportedAt: '2026-11-24T12:00:00.000Z', appVersion: 'test', settings: sampleSettings() }, snapshot));
      if (!backup.ok) throw new Error(backup.error.message);
      expect(backup.value.counts).toEqual({ siteRules: countOf('siteRules'), collections: countOf('collections'), highlights: countOf('highlights'), clips: countOf('clips') });

      // Collections resolve to their pages and highlights; a shared export leaves private items out.
      for (const row of decodedRecords(byName.get('collections')) as { id: string; items: { private: boolean; highlightId?: string }[] }[]) {
        const resolved = await repo.collections.resolve(row.id);
        expect(resolved?.entries.every((e) => e.clip && (!e.item.highlightId || e.highlight))).toBe(true);
        const file = exportCollectionFile(resolved!, await repo.listSiteRules(), { now: new Date('2026-11-24T12:00:00Z') });
        expect(file.collection.items).toHaveLength(row.items.filter((i) => !i.private).length);
      }

      // A new highlight on an old clip: stored, listed, journalled for search and found by it.
      const journalBefore = await db.searchJournal.count();
      const added = await repo.addHighlight({ clipId: journal.id, canonicalUrl: journal.canonicalUrl, quote: { exact: 'Short walks', prefix: '', suffix: ' after meals' }, meaning: 'important', note: 'try after dinner' });
      if (!added.ok) throw new Error(added.error.message);
      expect((await repo.listHighlights(journal.id)).map((h) => h.id)).toContain(added.value.id);
      expect(await db.highlights.count()).toBe(countOf('highlights') + 1);
      expect(await db.searchJournal.count()).toBe(journalBefore + 1);
      expect(await find('after dinner')).toEqual([journal.id]);
    });
  }
});
