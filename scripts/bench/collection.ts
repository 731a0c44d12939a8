/**
 * Collection section: export and import of a collection of 10,000 items
 * (1,000 in smoke mode) in real Chromium, through the library's own buttons.
 *
 * - export10kMs: from clicking "Download collection file (.json)" to the
 *   browser's download event (the page builds the file: resolve, build,
 *   JSON, Blob). Each run clicks again in the same editor.
 * - import10kMs: from choosing the file to the import being applied, less
 *   the person's pause: (choose → preview shown) + (click "Add to my
 *   library" → the one transaction done). Each run imports into a fresh profile.
 *
 * Also used by tests/bench/collection-exchange.bench.ts (`npm run bench:collection`).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { clipIdsOf, collectionSchema } from '../../lib/model/collection';
import type { Clip } from '../../lib/model/clip';
import type { Highlight } from '../../lib/model/highlight';
import { openLibrary, putRecords, type ExtensionBrowser } from '../../tests/e2e/harness';
import { measured } from './stats';
import type { BenchSection, SectionOutput } from './types';

/** One item in five is a highlight on a page that is also on the list. */
const HIGHLIGHT_EVERY = 5;
const NOW = '2026-11-24T10:00:00.000Z';
/** The collection's id in the seeded library. */
export const BENCH_COLLECTION_ID = 'bench-collection';

/** A library holding one collection of `items` items: pages, and every fifth item a highlight on one of them. */
export function makeCollectionLibrary(items: number): { clips: Clip[]; highlights: Highlight[]; collection: unknown } {
  const clips: Clip[] = [];
  const highlights: Highlight[] = [];
  const entries: { id: string; clipId: string; highlightId?: string; note: string }[] = [];
  for (let i = 0; entries.length < items; i++) {
    const url = `https://www.example-health-${i % 50}.org.uk/conditions/topic-${i}/`;
    clips.push({
      id: `clip-${i}`,
      kind: 'article',
      url,
      canonicalUrl: url,
      title: `Living with condition number ${i}: symptoms, treatment and support`,
      siteName: `Example Health ${i % 50}`,
      excerpt: 'A plain-English guide to the condition: what it is, how it is diagnosed, the treatments on offer and where to find support near you.',
      publishedAt: '2024-03-01T00:00:00.000Z',
      savedAt: NOW,
      updatedAt: NOW,
      tags: ['bench'],
      note: '',
      sourceVerdict: { type: 'charity', confidence: 0.9, reasons: ['bench'] },
      signals: [],
    });
    entries.push({ id: `item-${entries.length}`, clipId: `clip-${i}`, note: `Why this page matters to our members, number ${i}.` });
    if (entries.length % HIGHLIGHT_EVERY === 0 && entries.length < items) {
      const exact = `the passage members found most useful on page ${i}`;
      highlights.push({
        id: `hl-${i}`,
        clipId: `clip-${i}`,
        canonicalUrl: url,
        quote: { exact, prefix: 'Before it, ', suffix: ', and after it.' },
        position: { start: 100, end: 100 + exact.length },
        selectors: [
          { type: 'TextQuoteSelector', exact, prefix: 'Before it, ', suffix: ', and after it.' },
          { type: 'TextPositionSelector', start: 100, end: 100 + exact.length },
        ],
        meaning: 'important',
        note: 'Worth reading twice',
        createdAt: NOW,
        updatedAt: NOW,
      });
      entries.push({ id: `item-${entries.length}`, clipId: `clip-${i}`, highlightId: `hl-${i}`, note: 'The key passage.' });
    }
  }
  const collection = collectionSchema.parse({ kind: 'collection', id: BENCH_COLLECTION_ID, title: 'Ten thousand pages', createdAt: NOW, updatedAt: NOW, items: entries });
  return { clips, highlights, collection: { ...collection, clipIds: clipIdsOf(collection) } };
}

/** Puts the library into a browser's database, from an extension page. */
export async function seedCollectionLibrary(ext: ExtensionBrowser, library: ReturnType<typeof makeCollectionLibrary>): Promise<void> {
  const seed = await openLibrary(ext);
  await putRecords(seed, 'clips', library.clips);
  await putRecords(seed, 'highlights', library.highlights);
  await putRecords(seed, 'collections', [library.collection]);
  await seed.close();
}

/** The page's last User Timing measure of this name, in ms. */
export const measureOf = (page: Page, name: string): Promise<number> =>
  page.evaluate((n) => performance.getEntriesByName(n, 'measure').at(-1)?.duration ?? Number.NaN, name);

/** Samples the page's JS heap until stopped; gives the peak in MB. */
export function heapSampler(cdp: CDPSession): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      await new Promise((ok) => setTimeout(ok, 25));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peak / 1024 / 1024;
    },
  };
}

/** The JS heap after a garbage collection, in MB. */
export async function heapNow(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
}

/** The editor of the seeded collection, open and showing its items; how long that took. */
export async function openCollectionEditor(ext: ExtensionBrowser): Promise<{ editor: Page; openMs: number }> {
  const editor = await ext.context.newPage();
  const t0 = performance.now();
  await editor.goto(`chrome-extension://${ext.extensionId}/library.html#list=${BENCH_COLLECTION_ID}`);
  await editor.locator('.hc-item').first().waitFor({ timeout: 120_000 });
  return { editor, openMs: performance.now() - t0 };
}

/** One export: click to download event, the page's own measure, and the file saved under `dir`. */
export async function exportOnce(editor: Page, dir: string): Promise<{ clickMs: number; pageMs: number; path: string; bytes: number }> {
  const t0 = performance.now();
  const [download] = await Promise.all([
    editor.waitForEvent('download', { timeout: 120_000 }),
    editor.getByRole('button', { name: 'Download collection file (.json)' }).click(),
  ]);
  const clickMs = performance.now() - t0;
  const pageMs = await measureOf(editor, 'hc-export-json');
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { clickMs, pageMs, path, bytes: statSync(path).size };
}

/** One import into the browser's library: choose the file, see the preview, add it. */
export interface ImportTiming {
  /** Choosing the file to the preview shown. */
  previewClickMs: number;
  /** "Add to my library" to the transaction done. */
  applyClickMs: number;
  /** The page's own measures of the same two steps. */
  previewMs: number;
  applyMs: number;
  /** New pages the preview announced. */
  newPages: number;
}

export async function importOnce(ext: ExtensionBrowser, path: string, onStart?: (page: Page) => Promise<void>): Promise<ImportTiming & { page: Page }> {
  const page = await openLibrary(ext, '#import');
  await onStart?.(page);
  const t0 = performance.now();
  await page.getByLabel('Choose a collection file').setInputFiles(path);
  await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
  const previewClickMs = performance.now() - t0;
  // "10,000 new pages, saved…": the number leads the sentence, grouped or not.
  const newPagesText = (await page.locator('[data-count="new-pages"]').textContent()) ?? '';
  const newPages = Number((/^[\d,.\u00a0\u202f]+/.exec(newPagesText)?.[0] ?? '').replace(/\D/g, ''));
  const t1 = performance.now();
  await page.getByRole('button', { name: 'Add to my library' }).click();
  await page.waitForFunction(() => performance.getEntriesByName('hc-import-applied', 'measure').length > 0, undefined, { timeout: 120_000 });
  const applyClickMs = performance.now() - t1;
  return { page, previewClickMs, applyClickMs, previewMs: await measureOf(page, 'hc-import-preview'), applyMs: await measureOf(page, 'hc-import-applied'), newPages };
}

export const collectionSection: BenchSection = {
  name: 'collection',
  async run(ctx): Promise<SectionOutput> {
    const items = ctx.collectionItems;
    const library = makeCollectionLibrary(items);
    const dir = mkdtempSync(join(tmpdir(), 'hc-bench-'));
    try {
      const source = await ctx.launch();
      await seedCollectionLibrary(source, library);
      const { editor, openMs } = await openCollectionEditor(source);
      const exports = [];
      for (let run = 0; run < ctx.runs; run++) exports.push(await exportOnce(editor, dir));
      await source.close();
      const file = exports[0];
      if (!file) throw new Error('no export ran');

      const imports: ImportTiming[] = [];
      for (let run = 0; run < ctx.runs; run++) {
        const fresh = await ctx.launch();
        const { page, ...timing } = await importOnce(fresh, file.path);
        if (timing.newPages !== library.clips.length) throw new Error(`the preview announced ${timing.newPages} new pages, not ${library.clips.length}`);
        imports.push(timing);
        await page.close();
        await fresh.close();
      }
      const med = (xs: number[]) => measured(xs).value.toFixed(0);
      ctx.log(`${items.toLocaleString('en-GB')} items (${library.clips.length.toLocaleString('en-GB')} pages, ${library.highlights.length.toLocaleString('en-GB')} highlights), file ${(file.bytes / 1024 / 1024).toFixed(1)} MB; editor opened in ${openMs.toFixed(0)} ms`);
      ctx.log(`export: click to download ${med(exports.map((e) => e.clickMs))} ms, of which the page's build ${med(exports.map((e) => e.pageMs))} ms (medians of ${ctx.runs})`);
      ctx.log(
        `import: choose to preview ${med(imports.map((i) => i.previewClickMs))} ms (page ${med(imports.map((i) => i.previewMs))}), ` +
          `add to applied ${med(imports.map((i) => i.applyClickMs))} ms (page ${med(imports.map((i) => i.applyMs))}) (medians of ${ctx.runs}, fresh profile each)`,
      );
      return {
        'collection.export10kMs': measured(exports.map((e) => e.clickMs)),
        'collection.import10kMs': measured(imports.map((i) => i.previewClickMs + i.applyClickMs)),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
