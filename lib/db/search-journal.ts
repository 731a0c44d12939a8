import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

/**
 * Every write to clips or highlights, from any part of the extension (the
 * background saving a page, the library importing a collection, a restore),
 * also records which clips changed in `searchJournal`, in the same
 * transaction. The search index reads the journal to catch up, so it can
 * never silently miss a change: if the write happened, so did its entry.
 */

export const JOURNAL_TABLE = 'searchJournal';

/** One write: the clips whose search text may have changed, or `all` when a whole table was cleared. */
export interface JournalEntry {
  seq?: number;
  clipIds: string[];
  all?: true;
}

const WATCHED = new Set(['clips', 'highlights']);

function hasJournal(trans: DBCoreTransaction): boolean {
  // The journal arrived in schema version 5: upgrades from older versions run before it exists.
  const stores = (trans as Partial<IDBTransaction>).objectStoreNames;
  return stores ? stores.contains(JOURNAL_TABLE) : false;
}

/** The clips a write changes, when the write itself says (everything but deleting highlights). */
function changedClips(tableName: string, req: DBCoreMutateRequest): JournalEntry | undefined {
  if (req.type === 'deleteRange') return { clipIds: [], all: true };
  if (req.type === 'add' || req.type === 'put') {
    const key = tableName === 'clips' ? 'id' : 'clipId';
    return entryFor(req.values.map((v) => (v as Record<string, unknown>)[key]));
  }
  return tableName === 'clips' ? entryFor(req.keys) : undefined;
}

function entryFor(ids: readonly unknown[]): JournalEntry | undefined {
  const clipIds = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  return clipIds.length ? { clipIds } : undefined;
}

export const searchJournalMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SearchJournal',
  // Below Dexie's hooks (2), above its change tracking (0): journal writes are seen by liveQuery.
  level: 1.5,
  create(down) {
    const journalExists = () => down.schema.tables.some((t) => t.name === JOURNAL_TABLE);
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.some((s) => WATCHED.has(s)) && !stores.includes(JOURNAL_TABLE) && journalExists();
        return down.transaction(widen ? [...stores, JOURNAL_TABLE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!WATCHED.has(name)) return table;
        return {
          ...table,
          // Dexie promises all the way (no async/await): they keep the transaction's zone.
          mutate(req) {
            if (!hasJournal(req.trans)) return table.mutate(req);
            const journal = down.table(JOURNAL_TABLE);
            const record = <T>(entry: JournalEntry | undefined, result: T) =>
              entry ? journal.mutate({ trans: req.trans, type: 'add', values: [entry] }).then(() => result) : result;
            if (name === 'highlights' && req.type === 'delete') {
              // A deleted highlight changes the search text of the clip it was on: read which, before it goes.
              return table
                .getMany({ trans: req.trans, keys: req.keys })
                .then((gone) => table.mutate(req).then((result) => record(entryFor(gone.map((h) => (h as { clipId?: unknown } | undefined)?.clipId)), result)));
            }
            const entry = changedClips(name, req);
            return table.mutate(req).then((result) => record(entry, result));
          },
        };
      },
    };
  },
};
