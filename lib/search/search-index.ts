import { SOURCE_TYPES, type SourceType } from '../model/source-type';
import { clauseMatches, indexTerms, parseQuery, type Clause, type QueryPlan } from './tokenise';
import { FIELD_WEIGHTS, type SearchDoc } from './search-doc';

/**
 * A full-text index of the library, small enough to hold 100,000 clips in a
 * tab: each term's postings are a sorted run of document numbers (Uint32)
 * with one weight byte each, in a few immutable segments plus a small
 * segment that takes new and changed clips. Changing a clip marks its old
 * document removed and adds a new one; segments are merged as they grow.
 * See docs/search.md for why this and not a library.
 */

/** What a search can be narrowed by; every part given must hold. */
export interface SearchFilter {
  type?: SourceType;
  tag?: string;
  /** Only these clips (a collection's or reading list's pages). */
  clipIds?: ReadonlySet<string>;
  /** Saved on or after / before (ms since 1970). */
  savedFrom?: number;
  savedBefore?: number;
  hasHighlights?: boolean;
  reviewOverdue?: boolean;
}

/** What filters need from outside the index: today, and the user's site rules. */
export interface SearchContext {
  now: number;
  siteRules: readonly { host: string; type: SourceType }[];
}

export interface SearchHits {
  /** Matching clip ids, best first (newest first when there are no words). */
  ids: string[];
  plan: QueryPlan;
}

/** The index written out for IndexedDB: typed arrays and a few strings, no per-term objects. */
export interface SearchSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  docIds: string[];
  removed: Uint8Array;
  savedAt: Float64Array;
  reviewDue: Float64Array;
  highlightCount: Uint16Array;
  verdictType: Uint8Array;
  overrideType: Uint8Array;
  hostId: Uint32Array;
  hosts: string[];
  segments: SegmentSnapshot[];
}

export interface SegmentSnapshot {
  /** Terms in sorted order, joined by "\n". */
  terms: string;
  offsets: Uint32Array;
  docs: Uint32Array;
  weights: Uint8Array;
}

/** Bumped whenever tokenising or the layout changes: an older snapshot is rebuilt, not misread. */
export const SNAPSHOT_FORMAT = 1;

/** New documents go to a growing segment, frozen into typed arrays at this size. */
const SEGMENT_DOCS = 4096;
/** A word being typed matches at most this many terms (the most common ones). */
const MAX_PREFIX_TERMS = 64;
const TAG = '\u0001';
/** Packed sort keys keep a document number below this (22 bits) and a score or date above it. */
const DOC_LIMIT = 2 ** 22;
const SCORE_LIMIT = 2 ** 30;

interface Segment {
  terms: string[];
  offsets: Uint32Array;
  docs: Uint32Array;
  weights: Uint8Array;
}

/** Typed arrays that grow as documents are added. */
class Column<T extends Float64Array | Uint8Array | Uint16Array | Uint32Array> {
  constructor(public data: T, private readonly make: (n: number) => T) {}
  set(i: number, value: number): void {
    if (i >= this.data.length) {
      const next = this.make(Math.max(1024, this.data.length * 2, i + 1));
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = value;
  }
  get(i: number): number {
    return this.data[i] ?? 0;
  }
  trimmed(n: number): T {
    return this.data.slice(0, n) as T;
  }
}

const typeCode = (t: SourceType | undefined) => (t === undefined ? 0 : SOURCE_TYPES.indexOf(t) + 1);

function lowerBound(terms: readonly string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SearchIndex {
  private docIds: string[] = [];
  private readonly idToDoc = new Map<string, number>();
  private readonly removed: Column<Uint8Array> = new Column<Uint8Array>(new Uint8Array(0), (n) => new Uint8Array(n));
  private readonly savedAt: Column<Float64Array> = new Column<Float64Array>(new Float64Array(0), (n) => new Float64Array(n));
  private readonly reviewDue: Column<Float64Array> = new Column<Float64Array>(new Float64Array(0), (n) => new Float64Array(n));
  private readonly highlightCount: Column<Uint16Array> = new Column<Uint16Array>(new Uint16Array(0), (n) => new Uint16Array(n));
  private readonly verdictType: Column<Uint8Array> = new Column<Uint8Array>(new Uint8Array(0), (n) => new Uint8Array(n));
  private readonly overrideType: Column<Uint8Array> = new Column<Uint8Array>(new Uint8Array(0), (n) => new Uint8Array(n));
  private readonly hostId: Column<Uint32Array> = new Column<Uint32Array>(new Uint32Array(0), (n) => new Uint32Array(n));
  private hosts: string[] = [];
  private readonly hostIndex = new Map<string, number>();
  private segments: Segment[] = [];
  /** The growing segment: term -> [doc, weight, doc, weight, ...]. */
  private tail = new Map<string, number[]>();
  private tailDocs = 0;

  /** How many clips are in the index. */
  get size(): number {
    return this.idToDoc.size;
  }

  has(id: string): boolean {
    return this.idToDoc.has(id);
  }

  /** Adds a clip, replacing what was indexed for it before. */
  add(doc: SearchDoc): void {
    this.remove(doc.id);
    const n = this.docIds.length;
    this.docIds.push(doc.id);
    this.idToDoc.set(doc.id, n);
    this.removed.set(n, 0);
    this.savedAt.set(n, Number.isFinite(doc.savedAt) ? doc.savedAt : 0);
    this.reviewDue.set(n, doc.reviewDue);
    this.highlightCount.set(n, Math.min(doc.highlightCount, 65_535));
    this.verdictType.set(n, typeCode(doc.verdictType));
    this.overrideType.set(n, typeCode(doc.overrideType));
    let host = this.hostIndex.get(doc.host);
    if (host === undefined) {
      host = this.hosts.push(doc.host) - 1;
      this.hostIndex.set(doc.host, host);
    }
    this.hostId.set(n, host);

    const weights = new Map<string, number>();
    for (const { field, text } of doc.fields) {
      const w = FIELD_WEIGHTS[field];
      indexTerms(text, (term) => weights.set(term, (weights.get(term) ?? 0) + w));
    }
    for (const tag of doc.tags) weights.set(TAG + tag.toLowerCase(), 1);
    for (const [term, weight] of weights) {
      const postings = this.tail.get(term);
      if (postings) postings.push(n, Math.min(weight, 255));
      else this.tail.set(term, [n, Math.min(weight, 255)]);
    }
    if (++this.tailDocs >= SEGMENT_DOCS) this.freezeTail();
  }

  /** Forgets a clip (its postings stay until segments merge, marked removed). */
  remove(id: string): boolean {
    const n = this.idToDoc.get(id);
    if (n === undefined) return false;
    this.idToDoc.delete(id);
    this.removed.set(n, 1);
    return true;
  }

  /** Share of document slots that belong to removed or replaced clips (high means: rebuild). */
  wasteRatio(): number {
    return this.docIds.length ? 1 - this.idToDoc.size / this.docIds.length : 0;
  }

  /** Bytes held by postings, terms and per-clip facts (what a snapshot stores). */
  byteSize(): number {
    let bytes = this.docIds.reduce((sum, id) => sum + 2 * id.length + 16, 0);
    bytes += this.docIds.length * (1 + 8 + 8 + 2 + 1 + 1 + 4);
    for (const s of this.segments) {
      bytes += s.offsets.byteLength + s.docs.byteLength + s.weights.byteLength;
      for (const t of s.terms) bytes += 2 * t.length + 16;
    }
    for (const [term, postings] of this.tail) bytes += 2 * term.length + 16 + 8 * postings.length;
    return bytes;
  }

  /** Clips matching what the user typed and the filter. */
  search(query: string, filter: SearchFilter = {}, context: SearchContext = { now: Date.now(), siteRules: [] }): SearchHits {
    const plan = parseQuery(query);
    const N = this.docIds.length;
    const tagDocs = filter.tag !== undefined ? this.postingsOf(TAG + filter.tag.toLowerCase()) : undefined;
    const typeOk = filter.type ? this.typeTest(filter.type, context) : undefined;
    const matches: number[] = [];

    const passes = (d: number): boolean => {
      if (this.removed.data[d]) return false;
      if (typeOk && !typeOk(d)) return false;
      if (filter.savedFrom !== undefined && this.savedAt.data[d]! < filter.savedFrom) return false;
      if (filter.savedBefore !== undefined && this.savedAt.data[d]! >= filter.savedBefore) return false;
      if (filter.hasHighlights !== undefined && (this.highlightCount.data[d]! > 0) !== filter.hasHighlights) return false;
      if (filter.reviewOverdue !== undefined) {
        const due = this.reviewDue.data[d]!;
        if ((due === due && due < context.now) !== filter.reviewOverdue) return false;
      }
      if (filter.clipIds && !filter.clipIds.has(this.docIds[d]!)) return false;
      return true;
    };

    if (plan.clauses.length === 0) {
      if (tagDocs) {
        for (const [docs] of tagDocs) for (let k = 0; k < docs.length; k++) if (passes(docs[k]!)) matches.push(docs[k]!);
      } else {
        for (let d = 0; d < N; d++) if (passes(d)) matches.push(d);
      }
      return { ids: this.newestFirst(matches), plan };
    }
    const scratch = this.scratchFor(N);
    const { mark, hits, score } = scratch;
    const epoch = ++scratch.epoch;
    const live = Math.max(1, this.idToDoc.size);
    // Rarest clause first: only documents it reaches can match, so later clauses only update those.
    const clauses = plan.clauses.map((clause) => {
      const runs = this.expand(clause).map((term) => this.postingsOf(term));
      return { runs, optional: clause.optional === true, size: runs.reduce((n, r) => n + r.reduce((m, [docs]) => m + docs.length, 0), 0) };
    });
    // Required parts first, rarest first; a common word still being typed only adds to the score.
    clauses.sort((a, b) => Number(a.optional) - Number(b.optional) || a.size - b.size);
    const need = clauses.filter((c) => !c.optional).length;
    if (need === 0) return { ids: [], plan };
    const candidates: number[] = [];
    clauses.forEach(({ runs, optional }, c) => {
      for (const termRuns of runs) {
        let df = 0;
        for (const [docs] of termRuns) df += docs.length;
        // Postings of replaced documents still count in df until segments merge: never let it pass the live count.
        df = Math.min(df, live);
        const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5));
        for (const [docs, weights] of termRuns) {
          for (let k = 0; k < docs.length; k++) {
            const d = docs[k]!;
            if (mark[d] !== epoch) {
              if (c > 0) continue;
              mark[d] = epoch;
              hits[d] = 0;
              score[d] = 0;
              candidates.push(d);
            }
            // hits counts clauses, not terms: a clause's second term adds score only.
            if (hits[d] === c && !optional) hits[d] = c + 1;
            const w = weights[k]!;
            score[d]! += (idf * (w * 2.2)) / (w + 1.2);
          }
        }
      }
    });
    const tagged = tagDocs ? new Set<number>() : undefined;
    if (tagDocs) for (const [docs] of tagDocs) for (let k = 0; k < docs.length; k++) tagged!.add(docs[k]!);
    for (const d of candidates) {
      if (hits[d] === need && (!tagged || tagged.has(d)) && passes(d)) matches.push(d);
    }
    return { ids: this.bestFirst(matches, score), plan };
  }

  /** Per-document work arrays reused between searches (reset lazily by epoch, not refilled). */
  private scratch = { mark: new Uint32Array(0), hits: new Uint8Array(0), score: new Float32Array(0), epoch: 0 };

  private scratchFor(n: number) {
    if (this.scratch.mark.length < n) {
      const size = Math.max(n, Math.ceil(this.scratch.mark.length * 1.5));
      this.scratch = { mark: new Uint32Array(size), hits: new Uint8Array(size), score: new Float32Array(size), epoch: 0 };
    }
    return this.scratch;
  }

  /**
   * Documents by score, best first (ties: the later added first). Sorting
   * packed numbers in a Float64Array is native and several times faster
   * than a comparator over tens of thousands of results.
   */
  private bestFirst(docs: number[], score: Float32Array): string[] {
    if (docs.length >= DOC_LIMIT || this.docIds.length >= DOC_LIMIT) {
      return docs.sort((a, b) => score[b]! - score[a]! || b - a).map((d) => this.docIds[d]!);
    }
    const keys = new Float64Array(docs.length);
    for (let k = 0; k < docs.length; k++) keys[k] = Math.max(0, Math.min(Math.round(score[docs[k]!]! * 1000), SCORE_LIMIT)) * DOC_LIMIT + docs[k]!;
    return this.unpack(keys.sort());
  }

  /** Documents newest first, the same way (seconds since 1970 in the high part). */
  private newestFirst(docs: number[]): string[] {
    if (this.docIds.length >= DOC_LIMIT) {
      const at = this.savedAt.data;
      return docs.sort((a, b) => at[b]! - at[a]! || b - a).map((d) => this.docIds[d]!);
    }
    const keys = new Float64Array(docs.length);
    for (let k = 0; k < docs.length; k++) keys[k] = Math.max(0, Math.floor(this.savedAt.data[docs[k]!]! / 1000)) * DOC_LIMIT + docs[k]!;
    return this.unpack(keys.sort());
  }

  /** Ids from packed keys sorted ascending, read backwards (largest first). */
  private unpack(keys: Float64Array): string[] {
    const out = new Array<string>(keys.length);
    for (let k = keys.length - 1, i = 0; k >= 0; k--, i++) out[i] = this.docIds[keys[k]! % DOC_LIMIT]!;
    return out;
  }

  /** The terms a clause stands for: its exact terms, and the most common terms starting with its prefix. */
  private expand(clause: Clause): string[] {
    const out = new Set(clause.terms);
    if (clause.prefix === undefined) return [...out];
    const found = new Map<string, number>();
    for (const prefix of [clause.prefix, ...(clause.morePrefixes ?? [])]) {
      for (const s of this.segments) {
        for (let i = lowerBound(s.terms, prefix); i < s.terms.length && s.terms[i]!.startsWith(prefix); i++) {
          found.set(s.terms[i]!, (found.get(s.terms[i]!) ?? 0) + s.offsets[i + 1]! - s.offsets[i]!);
        }
      }
      for (const [term, postings] of this.tail) {
        if (term.startsWith(prefix)) found.set(term, (found.get(term) ?? 0) + postings.length / 2);
      }
    }
    const ranked = [...found].sort((a, b) => b[1] - a[1]).slice(0, MAX_PREFIX_TERMS);
    for (const [term] of ranked) if (clauseMatches(clause, term)) out.add(term);
    return [...out];
  }

  /** A term's postings, one [docs, weights] run per segment. */
  private postingsOf(term: string): [ArrayLike<number>, ArrayLike<number>][] {
    const runs: [ArrayLike<number>, ArrayLike<number>][] = [];
    for (const s of this.segments) {
      const i = lowerBound(s.terms, term);
      if (s.terms[i] === term) runs.push([s.docs.subarray(s.offsets[i]!, s.offsets[i + 1]!), s.weights.subarray(s.offsets[i]!, s.offsets[i + 1]!)]);
    }
    const tail = this.tail.get(term);
    if (tail) {
      const docs: number[] = [];
      const weights: number[] = [];
      for (let k = 0; k < tail.length; k += 2) {
        docs.push(tail[k]!);
        weights.push(tail[k + 1]!);
      }
      runs.push([docs, weights]);
    }
    return runs;
  }

  /** Whether a document is of the type, the way the library decides it: the user's choice, their site rule, the classifier. */
  private typeTest(type: SourceType, context: SearchContext): (d: number) => boolean {
    const wanted = typeCode(type);
    const ruleByHost = new Uint8Array(this.hosts.length);
    const rules = [...context.siteRules].sort((a, b) => b.host.length - a.host.length);
    this.hosts.forEach((host, i) => {
      const rule = rules.find((r) => host === r.host || host.endsWith(`.${r.host}`));
      ruleByHost[i] = rule ? typeCode(rule.type) : 0;
    });
    return (d) => (this.overrideType.data[d] || ruleByHost[this.hostId.data[d]!] || this.verdictType.data[d]) === wanted;
  }

  /** Turns the growing segment into typed arrays, merging it with older segments of similar size. */
  private freezeTail(): void {
    if (this.tail.size === 0) return;
    const terms = [...this.tail.keys()].sort();
    const offsets = new Uint32Array(terms.length + 1);
    let total = 0;
    terms.forEach((t, i) => {
      offsets[i] = total;
      total += this.tail.get(t)!.length / 2;
    });
    offsets[terms.length] = total;
    const docs = new Uint32Array(total);
    const weights = new Uint8Array(total);
    terms.forEach((t, i) => {
      const p = this.tail.get(t)!;
      for (let k = 0, at = offsets[i]!; k < p.length; k += 2, at++) {
        docs[at] = p[k]!;
        weights[at] = p[k + 1]!;
      }
    });
    this.segments.push({ terms, offsets, docs, weights });
    this.tail = new Map();
    this.tailDocs = 0;
    while (this.segments.length > 1) {
      const last = this.segments[this.segments.length - 1]!;
      const prev = this.segments[this.segments.length - 2]!;
      if (last.docs.length * 2 < prev.docs.length) break;
      this.segments.splice(-2, 2, this.merge(prev, last));
    }
  }

  /** Two neighbouring segments as one, without the postings of removed documents. */
  private merge(a: Segment, b: Segment): Segment {
    const removed = this.removed.data;
    const terms: string[] = [];
    const runs: [Segment, number][][] = [];
    let i = 0;
    let j = 0;
    while (i < a.terms.length || j < b.terms.length) {
      const ta = a.terms[i];
      const tb = b.terms[j];
      if (tb === undefined || (ta !== undefined && ta < tb)) {
        terms.push(ta!);
        runs.push([[a, i++]]);
      } else if (ta === undefined || tb < ta) {
        terms.push(tb);
        runs.push([[b, j++]]);
      } else {
        terms.push(ta);
        runs.push([[a, i++], [b, j++]]);
      }
    }
    const docsOut: number[] = [];
    const weightsOut: number[] = [];
    const keptTerms: string[] = [];
    const offsets: number[] = [];
    terms.forEach((term, t) => {
      const start = docsOut.length;
      for (const [s, k] of runs[t]!) {
        for (let at = s.offsets[k]!; at < s.offsets[k + 1]!; at++) {
          if (!removed[s.docs[at]!]) {
            docsOut.push(s.docs[at]!);
            weightsOut.push(s.weights[at]!);
          }
        }
      }
      if (docsOut.length > start) {
        keptTerms.push(term);
        offsets.push(start);
      }
    });
    offsets.push(docsOut.length);
    return { terms: keptTerms, offsets: Uint32Array.from(offsets), docs: Uint32Array.from(docsOut), weights: Uint8Array.from(weightsOut) };
  }

  /** The index as plain data for IndexedDB. The growing segment is frozen first. */
  toSnapshot(): SearchSnapshot {
    this.freezeTail();
    const n = this.docIds.length;
    return {
      format: SNAPSHOT_FORMAT,
      docIds: this.docIds.map((id, d) => (this.removed.data[d] ? '' : id)),
      removed: this.removed.trimmed(n),
      savedAt: this.savedAt.trimmed(n),
      reviewDue: this.reviewDue.trimmed(n),
      highlightCount: this.highlightCount.trimmed(n),
      verdictType: this.verdictType.trimmed(n),
      overrideType: this.overrideType.trimmed(n),
      hostId: this.hostId.trimmed(n),
      hosts: [...this.hosts],
      segments: this.segments.map((s) => ({ terms: s.terms.join('\n'), offsets: s.offsets, docs: s.docs, weights: s.weights })),
    };
  }

  /** An index read back from `toSnapshot`; undefined when the snapshot is of another format or damaged. */
  static fromSnapshot(snapshot: SearchSnapshot): SearchIndex | undefined {
    if (snapshot?.format !== SNAPSHOT_FORMAT) return undefined;
    const n = snapshot.docIds.length;
    const columns = [snapshot.removed, snapshot.savedAt, snapshot.reviewDue, snapshot.highlightCount, snapshot.verdictType, snapshot.overrideType, snapshot.hostId];
    if (columns.some((c) => c?.length !== n)) return undefined;
    const index = new SearchIndex();
    index.docIds = snapshot.docIds;
    snapshot.docIds.forEach((id, d) => {
      if (!snapshot.removed[d]) index.idToDoc.set(id, d);
    });
    index.removed.data = snapshot.removed;
    index.savedAt.data = snapshot.savedAt;
    index.reviewDue.data = snapshot.reviewDue;
    index.highlightCount.data = snapshot.highlightCount;
    index.verdictType.data = snapshot.verdictType;
    index.overrideType.data = snapshot.overrideType;
    index.hostId.data = snapshot.hostId;
    index.hosts = [...snapshot.hosts];
    index.hosts.forEach((h, i) => index.hostIndex.set(h, i));
    for (const s of snapshot.segments) {
      const terms = s.terms ? s.terms.split('\n') : [];
      if (s.offsets.length !== terms.length + 1 || s.docs.length !== s.weights.length || s.offsets[terms.length] !== s.docs.length) return undefined;
      index.segments.push({ terms, offsets: s.offsets, docs: s.docs, weights: s.weights });
    }
    return index;
  }
}
