import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { launchWithExtension, openLibrary, putRecords, removeProfile, useExtensionSession } from '../e2e/harness';
import { clipIdsOf, collectionSchema } from '../../lib/model/collection';
import type { Clip } from '../../lib/model/clip';
import type { Highlight } from '../../lib/model/highlight';

/**
 * Export and import of a 10,000-item collection in real Chromium: the time
 * each takes (the page's own User Timing measures, and from the click to the
 * download or the preview) and the JS heap's peak while it runs (CDP
 * Performance.getMetrics JSHeapUsedSize, sampled every 25 ms). Figures are
 * printed, not asserted. `npm run bench:collection`.
 */
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
/** One item in five is a highlight on a page that is also on the list. */
const HIGHLIGHT_EVERY = 5;
const session = useExtensionSession();

const NOW = '2026-11-24T10:00:00.000Z';

function library(): { clips: Clip[]; highlights: Highlight[]; collection: unknown } {
  const clips: Clip[] = [];
  const highlights: Highlight[] = [];
  const items: { id: string; clipId: string; highlightId?: string; note: string }[] = [];
  for (let i = 0; items.length < ITEMS; i++) {
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
    items.push({ id: `item-${items.length}`, clipId: `clip-${i}`, note: `Why this page matters to our members, number ${i}.` });
    if (items.length % HIGHLIGHT_EVERY === 0 && items.length < ITEMS) {
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
      items.push({ id: `item-${items.length}`, clipId: `clip-${i}`, highlightId: `hl-${i}`, note: 'The key passage.' });
    }
  }
  const collection = collectionSchema.parse({ kind: 'collection', id: 'bench-collection', title: 'Ten thousand pages', createdAt: NOW, updatedAt: NOW, items });
  return { clips, highlights, collection: { ...collection, clipIds: clipIdsOf(collection) } };
}

/** Samples the page's JS heap until stopped; gives the peak in MB. */
function heapSampler(cdp: CDPSession): { stop(): Promise<number> } {
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

async function heapNow(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
}

const measureOf = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n, 'measure').at(-1)?.duration ?? NaN, name);

it(`exports and imports a ${ITEMS.toLocaleString('en-GB')}-item collection in real Chromium`, async () => {
  const { clips, highlights, collection } = library();
  const seed = await openLibrary(session.ext);
  await putRecords(seed, 'clips', clips);
  await putRecords(seed, 'highlights', highlights);
  await putRecords(seed, 'collections', [collection]);
  await seed.close();

  // Export: open the editor, then time "Download collection file (.json)".
  const editor = await session.ext.context.newPage();
  const cdp = await editor.context().newCDPSession(editor);
  await cdp.send('Performance.enable');
  const openStart = performance.now();
  await editor.goto(`chrome-extension://${session.ext.extensionId}/library.html#list=bench-collection`);
  await editor.locator('.hc-item').first().waitFor({ timeout: 120_000 });
  const editorOpenMs = performance.now() - openStart;
  const exportBase = await heapNow(cdp);
  const exportHeap = heapSampler(cdp);
  const clickAt = performance.now();
  const [download] = await Promise.all([editor.waitForEvent('download', { timeout: 120_000 }), editor.getByRole('button', { name: 'Download collection file (.json)' }).click()]);
  const exportClickMs = performance.now() - clickAt;
  const exportPeak = await exportHeap.stop();
  const exportMs = await measureOf(editor, 'hc-export-json');
  const path = join(mkdtempSync(join(tmpdir(), 'hc-bench-')), download.suggestedFilename());
  await download.saveAs(path);
  const bytes = statSync(path).size;
  await editor.close();

  // Import into a fresh profile: choose the file (check + preview), then add it.
  const fresh = await launchWithExtension(session.server);
  try {
    const page = await openLibrary(fresh, '#import');
    const icdp = await page.context().newCDPSession(page);
    await icdp.send('Performance.enable');
    const importBase = await heapNow(icdp);
    const importHeap = heapSampler(icdp);
    const chooseAt = performance.now();
    await page.getByLabel('Choose a collection file').setInputFiles(path);
    await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
    const previewClickMs = performance.now() - chooseAt;
    const previewMs = await measureOf(page, 'hc-import-preview');
    expect(await page.locator('[data-count="new-pages"] strong').textContent()).toBe(String(clips.length));
    const addAt = performance.now();
    await page.getByRole('button', { name: 'Add to my library' }).click();
    await page.waitForFunction(() => performance.getEntriesByName('hc-import-applied', 'measure').length > 0, undefined, { timeout: 120_000 });
    const applyClickMs = performance.now() - addAt;
    const importPeak = await importHeap.stop();
    const applyMs = await measureOf(page, 'hc-import-applied');
    await page.locator('.hc-item').first().waitFor({ timeout: 120_000 });
    const importedEditorMs = performance.now() - addAt;
    console.log(
      [
        '',
        `Collection exchange, ${ITEMS.toLocaleString('en-GB')} items (${clips.length.toLocaleString('en-GB')} pages, ${highlights.length.toLocaleString('en-GB')} highlights), real Chromium`,
        `  file: ${(bytes / 1024 / 1024).toFixed(1)} MB`,
        `  editor opens with the list: ${editorOpenMs.toFixed(0)} ms`,
        `  export (resolve + build + JSON + Blob), page measure: ${exportMs.toFixed(0)} ms; click to download event: ${exportClickMs.toFixed(0)} ms`,
        `    JS heap: ${exportBase.toFixed(1)} MB before, peak ${exportPeak.toFixed(1)} MB`,
        `  import preview (check + read library + plan), page measure: ${previewMs.toFixed(0)} ms; choose to preview shown: ${previewClickMs.toFixed(0)} ms`,
        `  import apply (one transaction), page measure: ${applyMs.toFixed(0)} ms; click to done: ${applyClickMs.toFixed(0)} ms; to the editor showing it: ${importedEditorMs.toFixed(0)} ms`,
        `    JS heap: ${importBase.toFixed(1)} MB before, peak ${importPeak.toFixed(1)} MB`,
        '',
      ].join('\n'),
    );
    await page.close();
  } finally {
    await fresh.close();
    await removeProfile(fresh.profileDir);
  }
});
