/**
 * Measures one search index candidate at one library size, in its own
 * process (so an out-of-memory crash ends only this run, and the heap figure
 * is this candidate's alone). Started by bench-search-candidates.ts:
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx scripts/bench-search-worker.ts CANDIDATE SIZE OUT.json
 */
import { writeFileSync } from 'node:fs';
import { syntheticClip, syntheticHighlightsFor, syntheticQueries } from '../tests/bench/synthetic-clips';
import { candidateByKey, type BenchItem, type CandidateIndex } from './bench-search-adapters';

/** What one run measured; times in milliseconds, sizes in bytes. */
export interface RunMeasurement {
  candidate: string;
  clips: number;
  buildMs: number;
  /** V8 heap growth after build and a full GC. */
  heapBytes: number;
  /** ArrayBuffer growth (typed arrays live outside the V8 heap, but in the tab's memory all the same). */
  bufferBytes: number;
  rssBytes: number;
  byteSize?: number;
  queryMedianMs: number;
  queryP95Ms: number;
  queryMaxMs: number;
  /** The slowest query, to see what kind of query is slow. */
  slowestQuery: string;
  /** Share of the queries that found at least one clip. */
  queriesMatched: number;
  persistMs?: number;
  loadMs?: number;
  savedBytes?: number;
  savedChunks?: number;
  persistHow?: string;
  /** The loaded index answered the first 20 queries as the built one did. */
  loadedAgrees?: boolean;
}

const BATCH = 1_000;
const QUERIES = 200;
const LIMIT = 20;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function answers(index: CandidateIndex, queries: readonly string[]): Promise<string[][]> {
  const out: string[][] = [];
  for (const q of queries) out.push(await index.search(q, LIMIT));
  return out;
}

/** Builds, queries, persists and reloads one candidate at one size. */
export async function measure(key: string, clips: number, log: (line: string) => void): Promise<RunMeasurement> {
  const candidate = candidateByKey(key);
  const queries = syntheticQueries(QUERIES); // also builds the generator's vocabulary outside the heap figure
  collectGarbage();
  const before0 = process.memoryUsage();
  const index = await candidate.create();

  let buildMs = 0;
  for (let start = 0; start < clips; start += BATCH) {
    const batch: BenchItem[] = [];
    for (let i = start; i < Math.min(clips, start + BATCH); i++) {
      const clip = syntheticClip(i);
      batch.push({ clip, highlights: syntheticHighlightsFor(clip, i) });
    }
    const t0 = performance.now();
    await index.addBatch(batch);
    buildMs += performance.now() - t0;
    if ((start / BATCH) % 10 === 9) log(`${key} ${clips}: ${start + BATCH} added, ${(buildMs / 1000).toFixed(1)} s`);
  }
  collectGarbage();
  const after0 = process.memoryUsage();
  const heapBytes = after0.heapUsed - before0.heapUsed;
  const bufferBytes = after0.arrayBuffers - before0.arrayBuffers;
  log(`${key} ${clips}: built in ${(buildMs / 1000).toFixed(1)} s, heap +${(heapBytes / 2 ** 20).toFixed(0)} MB, buffers +${(bufferBytes / 2 ** 20).toFixed(0)} MB`);

  const before = await answers(index, queries); // warm-up pass
  const timed: [number, string][] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await index.search(q, LIMIT);
    timed.push([performance.now() - t0, q]);
  }
  timed.sort((a, b) => a[0] - b[0]);
  const times = timed.map(([ms]) => ms);
  const result: RunMeasurement = {
    candidate: key,
    clips,
    buildMs,
    heapBytes,
    bufferBytes,
    rssBytes: after0.rss,
    byteSize: index.byteSize?.(),
    queryMedianMs: quantile(times, 0.5),
    queryP95Ms: quantile(times, 0.95),
    queryMaxMs: times[times.length - 1] ?? NaN,
    slowestQuery: timed[timed.length - 1]?.[1] ?? '',
    queriesMatched: before.filter((ids) => ids.length > 0).length / queries.length,
  };
  log(`${key} ${clips}: queries p50 ${result.queryMedianMs.toFixed(2)} ms, p95 ${result.queryP95Ms.toFixed(2)} ms`);

  const t0 = performance.now();
  const saved = await index.persist();
  if (saved) {
    result.persistMs = performance.now() - t0;
    result.savedBytes = saved.bytes;
    result.savedChunks = saved.chunks;
    result.persistHow = saved.how;
    log(`${key} ${clips}: persisted in ${(result.persistMs / 1000).toFixed(1)} s (${saved.how})`);
    const t1 = performance.now();
    const loaded = await index.load(saved);
    result.loadMs = performance.now() - t1;
    const after = await answers(loaded, queries.slice(0, 20));
    result.loadedAgrees = after.every((ids, k) => JSON.stringify(ids) === JSON.stringify(before[k]));
  }
  await index.close?.();
  return result;
}

async function main(): Promise<void> {
  const [key, size, out] = process.argv.slice(2);
  if (!key || !size || !out) throw new Error('usage: bench-search-worker.ts CANDIDATE SIZE OUT.json');
  const result = await measure(key, Number(size), (line) => console.error(line));
  writeFileSync(out, JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
