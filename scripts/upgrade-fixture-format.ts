/**
 * The file format of tests/fixtures/upgrade/vN.json: a raw IndexedDB
 * database (version, stores, indexes, every record), written by
 * scripts/make-upgrade-fixture.ts and read by
 * tests/db/migrations/upgrade-fixtures.test.ts. Values are JSON with tagged
 * forms for what JSON cannot hold (typed arrays in the saved search index,
 * `undefined` kept by IndexedDB's structured clone), so a database read back
 * from the file is the one that was written, value for value.
 */

/** One index of an object store, as IndexedDB describes it. */
export interface RawIndex {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

/** One object store with its records, in key order. */
export interface RawStore {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: RawIndex[];
  /** [key, value] pairs, encoded with `encodeValue`. */
  records: [unknown, unknown][];
}

/** A whole database as IndexedDB holds it. */
export interface RawDatabase {
  format: 'health-clipper-raw-idb';
  /** The schema version (SCHEMA_HISTORY) of the code that wrote it. */
  schemaVersion: number;
  /** The git commit of that code, and how the file was made. */
  madeWith: { commit: string; command: string };
  name: string;
  /** IndexedDB's own version number (Dexie multiplies by 10). */
  idbVersion: number;
  stores: RawStore[];
}

const TYPED_ARRAYS = {
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Int8Array,
  Int16Array,
  Int32Array,
  Float32Array,
  Float64Array,
} as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;

function isTypedArrayName(name: string): name is TypedArrayName {
  return Object.hasOwn(TYPED_ARRAYS, name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns a value read from IndexedDB into plain JSON (typed arrays and undefined tagged). */
export function encodeValue(value: unknown): unknown {
  if (value === undefined) return { $undefined: true };
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const name = value.constructor.name;
    if (!isTypedArrayName(name)) throw new Error(`Cannot encode a ${name}`);
    return { $typed: name, base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  }
  if (value instanceof ArrayBuffer) return { $typed: 'ArrayBuffer', base64: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (isRecord(value)) {
    if (value.constructor !== Object) throw new Error(`Cannot encode a ${String(value.constructor?.name)}`);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]));
  }
  return value;
}

/** The inverse of `encodeValue`. */
export function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (!isRecord(value)) return value;
  if (value.$undefined === true) return undefined;
  if (typeof value.$typed === 'string' && typeof value.base64 === 'string') {
    const bytes = Buffer.from(value.base64, 'base64');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    if (value.$typed === 'ArrayBuffer') return buffer;
    if (!isTypedArrayName(value.$typed)) throw new Error(`Unknown typed array ${value.$typed}`);
    return new TYPED_ARRAYS[value.$typed](buffer);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeValue(v)]));
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((done, fail) => {
    req.onsuccess = () => done(req.result);
    req.onerror = () => fail(req.error);
  });
}

/** A database as IndexedDB holds it (stores and indexes sorted by name, records in key order), read without Dexie. */
export async function readRawDatabase(name: string, factory: IDBFactory = indexedDB): Promise<Pick<RawDatabase, 'name' | 'idbVersion' | 'stores'>> {
  const idb = await request(factory.open(name));
  try {
    const stores: RawStore[] = [];
    for (const storeName of [...idb.objectStoreNames].sort()) {
      const store = idb.transaction(storeName, 'readonly').objectStore(storeName);
      const indexes = [...store.indexNames].sort().map((indexName): RawIndex => {
        const index = store.index(indexName);
        return { name: index.name, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
      });
      const [keys, records] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
      stores.push({
        name: storeName,
        keyPath: store.keyPath,
        autoIncrement: store.autoIncrement,
        indexes,
        records: keys.map((key, i): [unknown, unknown] => [encodeValue(key), encodeValue(records[i])]),
      });
    }
    return { name: idb.name, idbVersion: idb.version, stores };
  } finally {
    idb.close();
  }
}

/**
 * Recreates a database exactly as the fixture describes it, with the raw
 * IndexedDB API (same version, stores, indexes and records), so no schema of
 * today's code is involved in making it.
 */
export function writeRawDatabase(raw: Pick<RawDatabase, 'name' | 'idbVersion' | 'stores'>, factory: IDBFactory = indexedDB): Promise<void> {
  return new Promise((done, fail) => {
    const req = factory.open(raw.name, raw.idbVersion);
    req.onupgradeneeded = () => {
      const idb = req.result;
      for (const s of raw.stores) {
        const store = idb.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
        for (const [key, value] of s.records) {
          // In-line keys are part of the value; out-of-line ones are given separately.
          if (s.keyPath === null) store.put(decodeValue(value), decodeValue(key) as IDBValidKey);
          else store.put(decodeValue(value));
        }
      }
    };
    req.onsuccess = () => {
      req.result.close();
      done();
    };
    req.onerror = () => fail(req.error);
    req.onblocked = () => fail(new Error(`Opening ${raw.name} was blocked by another connection`));
  });
}
