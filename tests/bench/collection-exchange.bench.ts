import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { launchWithExtension, removeProfile, useExtensionSession } from '../e2e/harness';
import { exportOnce, heapNow, heapSampler, importOnce, makeCollectionLibrary, openCollectionEditor, seedCollectionLibrary } from '../../scripts/bench/collection';

/**
 * Export and import of a 10,000-item collection in real Chromium: the time
 * each takes (the page's own User Timing measures, and from the click to the
 * download or the preview) and the JS heap's peak while it runs (CDP
 * Performance.getMetrics JSHeapUsedSize, sampled every 25 ms). Figures are
 * printed, not asserted. `npm run bench:collection`; `npm run bench` reports
 * the same times as medians of several runs (scripts/bench/collection.ts).
 */
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const session = useExtensionSession();

it(`exports and imports a ${ITEMS.toLocaleString('en-GB')}-item collection in real Chromium`, async () => {
  const library = makeCollectionLibrary(ITEMS);
  const { clips, highlights } = library;
  await seedCollectionLibrary(session.ext, library);

  // Export: open the editor, then time "Download collection file (.json)".
  const { editor, openMs: editorOpenMs } = await openCollectionEditor(session.ext);
  const cdp = await editor.context().newCDPSession(editor);
  await cdp.send('Performance.enable');
  const exportBase = await heapNow(cdp);
  const exportHeap = heapSampler(cdp);
  const exported = await exportOnce(editor, mkdtempSync(join(tmpdir(), 'hc-bench-')));
  const exportPeak = await exportHeap.stop();
  await editor.close();

  // Import into a fresh profile: choose the file (check + preview), then add it.
  const fresh = await launchWithExtension(session.server);
  try {
    let importBase = 0;
    let importHeap: ReturnType<typeof heapSampler> | undefined;
    const { page, ...imported } = await importOnce(fresh, exported.path, async (p) => {
      const icdp = await p.context().newCDPSession(p);
      await icdp.send('Performance.enable');
      importBase = await heapNow(icdp);
      importHeap = heapSampler(icdp);
    });
    const importPeak = (await importHeap?.stop()) ?? Number.NaN;
    expect(imported.newPages).toBe(clips.length);
    const t0 = performance.now();
    await page.locator('.hc-item').first().waitFor({ timeout: 120_000 });
    const importedEditorMs = imported.applyClickMs + (performance.now() - t0);
    console.log(
      [
        '',
        `Collection exchange, ${ITEMS.toLocaleString('en-GB')} items (${clips.length.toLocaleString('en-GB')} pages, ${highlights.length.toLocaleString('en-GB')} highlights), real Chromium`,
        `  file: ${(exported.bytes / 1024 / 1024).toFixed(1)} MB`,
        `  editor opens with the list: ${editorOpenMs.toFixed(0)} ms`,
        `  export (resolve + build + JSON + Blob), page measure: ${exported.pageMs.toFixed(0)} ms; click to download event: ${exported.clickMs.toFixed(0)} ms`,
        `    JS heap: ${exportBase.toFixed(1)} MB before, peak ${exportPeak.toFixed(1)} MB`,
        `  import preview (check + read library + plan), page measure: ${imported.previewMs.toFixed(0)} ms; choose to preview shown: ${imported.previewClickMs.toFixed(0)} ms`,
        `  import apply (one transaction), page measure: ${imported.applyMs.toFixed(0)} ms; click to done: ${imported.applyClickMs.toFixed(0)} ms; to the editor showing it: ${importedEditorMs.toFixed(0)} ms`,
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
