/**
 * Search, library and storage sections: for each library size (10,000 and
 * 100,000 synthetic clips of about 5 KB text; 1,000 in smoke mode), in real
 * Chromium with the e2e build:
 * - storage: bytes on disk per clip (navigator.storage.estimate before and
 *   after writing the clips, before any search index exists);
 * - indexBuildMs: the library opened with no saved index builds one in its
 *   worker (User Timing marks hc-search-building -> hc-search-ready, which
 *   includes saving it); the index's size in memory is printed;
 * - search p95: 200 queries of 1-3 words (doses, codes, prefixes being
 *   typed) sent to the worker from the page, timed round trip;
 * - firstRowsMs: a fresh library tab, navigation start to the first rows on
 *   screen (mark hc-first-rows), with the saved index present.
 * The clips are generated inside the page (tests/bench/synthetic-clips.ts
 * bundled with esbuild) and written straight to IndexedDB, so 100,000 clips
 * do not cross the DevTools protocol.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { clearSearchIndex, openLibrary, type ExtensionBrowser } from '../../tests/e2e/harness';
import { syntheticQueries } from '../../tests/bench/synthetic-clips';
import { exact, measured, quantile } from './stats';
import type { BenchContext, BenchSection, SectionOutput } from './types';

const QUERIES = 200;
const WRITE_BATCH = 1_000;

async function generatorSource(repoRoot: string): Promise<string> {
  const out = await build({
    entryPoints: [resolve(repoRoot, 'tests/bench/synthetic-clips.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'hcSynthetic',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** Writes clips [from, to) and their highlights straight into the library database, generated in the page. */
async function writeClips(page: Page, from: number, to: number): Promise<void> {
  await page.evaluate(
    async ({ from, to }) => {
      const gen = (globalThis as unknown as { hcSynthetic: typeof import('../../tests/bench/synthetic-clips') }).hcSynthetic;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('health-clipper');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction(['clips', 'highlights'], 'readwrite');
        for (let i = from; i < to; i++) {
          const clip = gen.syntheticClip(i);
          tx.objectStore('clips').put(clip);
          for (const h of gen.syntheticHighlightsFor(clip, i)) tx.objectStore('highlights').put(h);
        }
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    { from, to },
  );
}

const usage = (page: Page) => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

/** The library page's User Timing mark, or undefined when it has not happened yet. */
const markAt = (page: Page, name: string) =>
  page.evaluate((n) => {
    const m = performance.getEntriesByName(n).at(-1) as PerformanceMark | undefined;
    return m ? { at: m.startTime, detail: m.detail as { bytes?: number; clips?: number } | null } : undefined;
  }, name);

async function waitForMark(page: Page, name: string, timeoutMs: number) {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: timeoutMs, polling: 100 });
  return (await markAt(page, name))!;
}

async function measureSize(ctx: BenchContext, ext: ExtensionBrowser, size: number, generator: string): Promise<SectionOutput> {
  const out: SectionOutput = {};
  const setup = await openLibrary(ext);
  // Evaluated through DevTools: the extension page's CSP would refuse an inline <script>.
  await setup.evaluate(`${generator}; globalThis.hcSynthetic = hcSynthetic; 0`);
  const before = await usage(setup);
  const writeStart = performance.now();
  for (let i = 0; i < size; i += WRITE_BATCH) await writeClips(setup, i, Math.min(size, i + WRITE_BATCH));
  ctx.log(`${size.toLocaleString('en-GB')} clips written in ${((performance.now() - writeStart) / 1000).toFixed(1)} s`);
  const after = await usage(setup);
  const perClip = (after - before) / size;
  // The clips went around the search journal: throw the (empty) saved index away so the next open builds it.
  await clearSearchIndex(setup);
  await setup.close();

  // First open: no saved index, so the worker builds one.
  const builds: number[] = [];
  let bytes = 0;
  const first = await openLibrary(ext);
  const building = await waitForMark(first, 'hc-search-building', 60_000);
  const ready = await waitForMark(first, 'hc-search-ready', 30 * 60_000);
  builds.push(ready.at - building.at);
  bytes = ready.detail?.bytes ?? 0;
  ctx.log(`index built in ${(builds[0]! / 1000).toFixed(1)} s (saved included); ${(bytes / 1e6).toFixed(0)} MB in memory (${(bytes / size / 1024).toFixed(1)} KB per clip)`);

  // Searches, as the page asks them (worker round trip).
  const queries = syntheticQueries(QUERIES);
  const timings = await first.evaluate(async (qs) => {
    const client = (globalThis as unknown as { hcSearch: () => { search(r: unknown): Promise<{ ids: string[]; tookMs: number }> } }).hcSearch();
    const out: { ms: number; worker: number; hits: number }[] = [];
    for (const q of [...qs.slice(0, 20), ...qs]) {
      const t0 = performance.now();
      const hits = await client.search({ query: q, filter: {}, now: Date.now() });
      out.push({ ms: performance.now() - t0, worker: hits.tookMs, hits: hits.ids.length });
    }
    return out.slice(20); // the first 20 warm up
  }, queries);
  const ms = timings.map((t) => t.ms);
  const p95 = quantile(ms, 0.95);
  ctx.log(
    `search round trip: median ${quantile(ms, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms; ` +
      `inside the worker p95 ${quantile(timings.map((t) => t.worker), 0.95).toFixed(1)} ms; median ${quantile(timings.map((t) => t.hits), 0.5)} results`,
  );
  await first.close();

  // First rows, with the saved index there (as on every later visit).
  const firstRows: number[] = [];
  const loads: number[] = [];
  for (let run = 0; run < Math.max(3, ctx.runs); run++) {
    const page = await openLibrary(ext);
    firstRows.push((await waitForMark(page, 'hc-first-rows', 60_000)).at);
    loads.push((await waitForMark(page, 'hc-search-ready', 5 * 60_000)).at);
    await page.close();
  }
  ctx.log(`first rows ${firstRows.map((x) => x.toFixed(0)).join(', ')} ms; saved index read and ready at ${loads.map((x) => (x / 1000).toFixed(1)).join(', ')} s`);

  out[`search.p95Ms.${size}` as `search.p95Ms.${number}`] = { value: p95, min: Math.min(...ms), max: Math.max(...ms), runs: ms.length };
  out[`search.indexBuildMs.${size}` as `search.indexBuildMs.${number}`] = measured(builds);
  out[`library.firstRowsMs.${size}` as `library.firstRowsMs.${number}`] = measured(firstRows);
  out['storage.bytesPerClip'] = exact(Math.round(perClip));
  return out;
}

export const searchLibrarySection: BenchSection = {
  name: 'search',
  async run(ctx): Promise<SectionOutput> {
    const generator = await generatorSource(ctx.repoRoot);
    let out: SectionOutput = {};
    for (const size of ctx.sizes) {
      const ext = await ctx.launch();
      out = { ...out, ...(await measureSize(ctx, ext, size, generator)) };
    }
    return out;
  },
};
