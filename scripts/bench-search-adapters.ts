/**
 * The full-text index candidates of `npm run bench:search-candidates`, behind
 * one small interface: add clips, search, persist to what IndexedDB would
 * store, load it back. Every candidate indexes the same text: title, tags,
 * note, highlighted passages (with their notes) and the clip's body text.
 */
import { deserialize, serialize } from 'node:v8';
import Dexie, { type EntityTable } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import FlexSearch from 'flexsearch';
import MiniSearch, { type AsPlainObject, type Options as MiniSearchOptions } from 'minisearch';
import { searchDocFromClip } from '../lib/search/search-doc';
import { SearchIndex, type SearchSnapshot } from '../lib/search/search-index';
import type { Clip } from '../lib/model/clip';
import type { Highlight } from '../lib/model/highlight';

/** One clip with its highlights, as the library would index it. */
export interface BenchItem {
  clip: Clip;
  highlights: readonly Highlight[];
}

/**
 * An index written out: `data` is what would go into IndexedDB, already put
 * through the structured clone IndexedDB applies (v8.serialize), so `bytes`
 * is what would be stored and the times include that copy.
 */
export interface Persisted {
  data: Buffer;
  bytes: number;
  chunks: number;
  /** How it was written, when a candidate has more than one way. */
  how: string;
}

/** A built index under test. */
export interface CandidateIndex {
  addBatch(items: readonly BenchItem[]): Promise<void>;
  search(query: string, limit: number): Promise<string[]>;
  /** Undefined when the index is already the stored form (the Dexie word index). */
  persist(): Promise<Persisted | undefined>;
  load(persisted: Persisted): Promise<CandidateIndex>;
  /** The index's own account of its size, when it keeps one. */
  byteSize?(): number;
  close?(): Promise<void>;
}

export interface Candidate {
  key: string;
  label: string;
  create(): Promise<CandidateIndex>;
}

/** Highlighted passages and their notes, as one text. */
function highlightText(highlights: readonly Highlight[]): string {
  return highlights.map((h) => (h.note ? `${h.quote.exact} ${h.note}` : h.quote.exact)).join('\n');
}

/** Everything searchable about a clip, as one text (for candidates with a single field). */
export function flatText({ clip, highlights }: BenchItem): string {
  return [clip.title, clip.tags.join(', '), clip.note, highlightText(highlights), clip.contentText ?? ''].join('\n');
}

function persisted(value: unknown, chunks: number, how: string): Persisted {
  const data = serialize(value);
  return { data, bytes: data.byteLength, chunks, how };
}

// ---------------------------------------------------------------- MiniSearch

interface MiniDoc {
  id: string;
  title: string;
  tags: string;
  note: string;
  highlights: string;
  body: string;
}

const MINI_OPTIONS: MiniSearchOptions<MiniDoc> = {
  fields: ['title', 'tags', 'note', 'highlights', 'body'],
  searchOptions: {
    // Prefix search on the word being typed only; BM25 is MiniSearch's ranking.
    prefix: (_term, i, terms) => i === terms.length - 1,
    combineWith: 'AND',
    boost: { title: 3, tags: 2, note: 2, highlights: 1.5 },
  },
};

/** Terms per JSON chunk when one JSON.stringify of the whole index is too long for V8. */
const MINI_TERMS_PER_CHUNK = 20_000;

class MiniSearchCandidate implements CandidateIndex {
  constructor(private readonly mini: MiniSearch<MiniDoc> = new MiniSearch<MiniDoc>(MINI_OPTIONS)) {}

  async addBatch(items: readonly BenchItem[]): Promise<void> {
    this.mini.addAll(
      items.map(({ clip, highlights }) => ({
        id: clip.id,
        title: clip.title,
        tags: clip.tags.join(', '),
        note: clip.note,
        highlights: highlightText(highlights),
        body: clip.contentText ?? '',
      })),
    );
  }

  async search(query: string, limit: number): Promise<string[]> {
    return this.mini.search(query).slice(0, limit).map((r) => String(r.id));
  }

  async persist(): Promise<Persisted> {
    try {
      return persisted(JSON.stringify(this.mini), 1, 'one JSON.stringify');
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // "Invalid string length": write the term list in chunks instead.
      const js = this.mini.toJSON();
      const chunks: string[] = [JSON.stringify({ ...js, index: [] })];
      for (let k = 0; k < js.index.length; k += MINI_TERMS_PER_CHUNK) chunks.push(JSON.stringify(js.index.slice(k, k + MINI_TERMS_PER_CHUNK)));
      return persisted(chunks, chunks.length, `chunked JSON (one JSON.stringify failed: ${error.message})`);
    }
  }

  async load(p: Persisted): Promise<CandidateIndex> {
    const value: unknown = deserialize(p.data);
    if (typeof value === 'string') return new MiniSearchCandidate(MiniSearch.loadJSON<MiniDoc>(value, MINI_OPTIONS));
    if (!Array.isArray(value)) throw new Error('unexpected MiniSearch snapshot');
    const [head, ...rest] = value.map((chunk: unknown) => (typeof chunk === 'string' ? (JSON.parse(chunk) as unknown) : undefined));
    const js = head as AsPlainObject;
    js.index = rest.flatMap((part) => part as AsPlainObject['index']);
    return new MiniSearchCandidate(MiniSearch.loadJS<MiniDoc>(js, MINI_OPTIONS));
  }
}

// ---------------------------------------------------------------- FlexSearch

/**
 * The default encoder collapses repeated letters and digits ("111" becomes
 * "1", so it matches "type 1"); turned off here, with number splitting, so
 * doses and phone numbers stay whole.
 */
const FLEX_OPTIONS = { tokenize: 'strict', encoder: { dedupe: false, numeric: false } } as const;

class FlexSearchCandidate implements CandidateIndex {
  /** FlexSearch ids are numbers (smaller than strings); this maps them back. */
  constructor(
    private readonly index = new FlexSearch.Index(FLEX_OPTIONS),
    private readonly ids: string[] = [],
  ) {}

  async addBatch(items: readonly BenchItem[]): Promise<void> {
    for (const item of items) {
      this.index.add(this.ids.length, flatText(item));
      this.ids.push(item.clip.id);
    }
  }

  async search(query: string, limit: number): Promise<string[]> {
    return this.index.search(query, { limit }).map((n) => this.ids[Number(n)] ?? '');
  }

  async persist(): Promise<Persisted> {
    const chunks: [string, string][] = [];
    await this.index.export(async (key, data) => {
      if (data !== undefined && data !== null) chunks.push([key, data]);
    });
    chunks.push(['ids', JSON.stringify(this.ids)]);
    return persisted(chunks, chunks.length, 'export() chunks');
  }

  async load(p: Persisted): Promise<CandidateIndex> {
    const chunks = deserialize(p.data) as [string, string][];
    const index = new FlexSearch.Index(FLEX_OPTIONS);
    let ids: string[] = [];
    for (const [key, data] of chunks) {
      if (key === 'ids') ids = JSON.parse(data) as string[];
      else await index.import(key, data);
    }
    return new FlexSearchCandidate(index, ids);
  }
}

// ------------------------------------------------- Dexie multi-entry word index

interface WordRow {
  id: string;
  words: string[];
}

class WordDb extends Dexie {
  docs!: EntityTable<WordRow, 'id'>;
  constructor(name: string) {
    super(name, { indexedDB, IDBKeyRange });
    // *words: a multi-entry index, one index row per distinct word (Memex's approach).
    this.version(1).stores({ docs: 'id, *words' });
  }
}

/** The distinct lower-case words and numbers of a text. */
export function distinctWords(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
}

class DexieWordsCandidate implements CandidateIndex {
  private readonly db = new WordDb(`bench-words-${Date.now()}-${Math.random()}`);

  async addBatch(items: readonly BenchItem[]): Promise<void> {
    await this.db.docs.bulkPut(items.map((item) => ({ id: item.clip.id, words: distinctWords(flatText(item)) })));
  }

  async search(query: string, limit: number): Promise<string[]> {
    const terms = distinctWords(query);
    if (!terms.length) return [];
    const typing = /[\p{L}\p{N}]$/u.test(query);
    let found: Set<string> | undefined;
    for (const [k, term] of terms.entries()) {
      const clause = k === terms.length - 1 && typing ? this.db.docs.where('words').startsWith(term) : this.db.docs.where('words').equals(term);
      const keys = new Set(await clause.primaryKeys());
      found = found ? new Set([...found].filter((id) => keys.has(id))) : keys;
      if (found.size === 0) break;
    }
    return [...(found ?? [])].slice(0, limit);
  }

  async persist(): Promise<undefined> {
    return undefined;
  }

  async load(): Promise<CandidateIndex> {
    return this;
  }

  async close(): Promise<void> {
    this.db.close();
    await this.db.delete();
  }
}

// ---------------------------------------------------------------- ours

class OurIndexCandidate implements CandidateIndex {
  constructor(private readonly index = new SearchIndex()) {}

  async addBatch(items: readonly BenchItem[]): Promise<void> {
    for (const { clip, highlights } of items) this.index.add(searchDocFromClip(clip, highlights));
  }

  async search(query: string, limit: number): Promise<string[]> {
    return this.index.search(query).ids.slice(0, limit);
  }

  async persist(): Promise<Persisted> {
    const snapshot = this.index.toSnapshot();
    return persisted(snapshot, snapshot.segments.length, 'toSnapshot() (typed arrays)');
  }

  async load(p: Persisted): Promise<CandidateIndex> {
    const index = SearchIndex.fromSnapshot(deserialize(p.data) as SearchSnapshot);
    if (!index) throw new Error('SearchIndex.fromSnapshot refused its own snapshot');
    return new OurIndexCandidate(index);
  }

  byteSize(): number {
    return this.index.byteSize();
  }
}

/** The candidates, in the order the table shows them. */
export const CANDIDATES: readonly Candidate[] = [
  { key: 'minisearch', label: 'MiniSearch 7.2 (prefix on last word, BM25, AND)', create: async () => new MiniSearchCandidate() },
  { key: 'flexsearch', label: "FlexSearch 0.8 Index, tokenize 'strict'", create: async () => new FlexSearchCandidate() },
  { key: 'dexie-words', label: 'Dexie *words multi-entry (fake-indexeddb)', create: async () => new DexieWordsCandidate() },
  { key: 'ours', label: 'lib/search SearchIndex (ours)', create: async () => new OurIndexCandidate() },
];

/** The candidate with this key. */
export function candidateByKey(key: string): Candidate {
  const found = CANDIDATES.find((c) => c.key === key);
  if (!found) throw new Error(`unknown candidate "${key}" (have ${CANDIDATES.map((c) => c.key).join(', ')})`);
  return found;
}
