import { expect, it } from 'vitest';
import { alwaysOnScriptFiles } from '../../scripts/bench/content-script';
import { EXTENSION_DIR, useExtensionSession } from '../e2e/harness';

/**
 * What the optional always-on content script costs a page with no
 * highlights: its size, and the script time the renderer spends on a page
 * load with it registered versus not (Chromium's own ScriptDuration metric,
 * which counts every world of the page). Median of RUNS loads each.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PAGE = 'journal-abstract.html';

const session = useExtensionSession();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function scriptMsPerLoad(): Promise<number[]> {
  const { ext, server } = session;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(server.urlOf(PAGE, `nocanonical&run=${run}`));
    // The script runs at document_idle and then waits for the background's answer.
    await page.waitForTimeout(700);
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    times.push((metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000);
    await page.close();
  }
  return times;
}

const registered = () => session.ext.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length);

it('measures the always-on content script on a page with no highlights', async () => {
  const script = alwaysOnScriptFiles(EXTENSION_DIR).find((f) => f.name === 'annotate.js');
  if (!script) throw new Error('no annotate.js in the e2e build');
  const without = await scriptMsPerLoad();
  expect(await registered()).toBe(0);
  await session.ext.worker.evaluate(() => chrome.storage.local.set({ autoHighlights: true }));
  await expect.poll(registered).toBe(1);
  const withScript = await scriptMsPerLoad();
  console.log(
    [
      '',
      'Always-on content script (annotate.js: badges, automatic highlights, toolbar)',
      `  size: ${(script.bytes / 1024).toFixed(1)} KB minified, ${(script.gzipBytes / 1024).toFixed(1)} KB gzipped`,
      `  page script time per load, median of ${RUNS}: without ${median(without).toFixed(1)} ms, with ${median(withScript).toFixed(1)} ms` +
        ` (difference ${(median(withScript) - median(without)).toFixed(1)} ms)`,
      '',
    ].join('\n'),
  );
});

declare const chrome: typeof import('wxt/browser').browser;
