import { expect, it } from 'vitest';
import { openLibrary, tabIdFor, useExtensionSession } from '../e2e/harness';

/**
 * How long "Save page" takes in real Chromium, from the request leaving an
 * extension page to the saved clip coming back: injection, Readability,
 * sanitising, classification and the IndexedDB write. Prints the figures;
 * asserts only that every run saved an article.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PAGES = ['nhs-condition-page.html', 'charity-guide.html', 'news-article.html'];

const session = useExtensionSession();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

it('measures clipping fixture articles', async () => {
  const { ext, server } = session;
  const library = await openLibrary(ext);
  const rows: string[] = [];
  for (const name of PAGES) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await ext.context.newPage();
      // ?nocanonical makes every run a new page, so none is skipped as a duplicate.
      await page.goto(server.urlOf(name, `nocanonical&run=${run}`));
      const tabId = await tabIdFor(ext.worker, page.url());
      const result = await library.evaluate(async (id) => {
        const t0 = performance.now();
        const res = (await chrome.runtime.sendMessage({ type: 'clipTab', input: { tabId: id, mode: 'article', tags: [], note: '' } })) as {
          ok: boolean;
          value?: { clip: { kind: string } };
        };
        return { ms: performance.now() - t0, ok: res.ok, kind: res.value?.clip.kind };
      }, tabId);
      expect(result).toMatchObject({ ok: true, kind: 'article' });
      times.push(result.ms);
      await page.close();
    }
    rows.push(`${name.padEnd(28)} median ${median(times).toFixed(1).padStart(6)} ms   first ${times[0]!.toFixed(1).padStart(6)} ms   min ${Math.min(...times).toFixed(1).padStart(6)}   max ${Math.max(...times).toFixed(1).padStart(6)}   (${RUNS} runs)`);
  }
  console.log(`\nClip timing in Chromium (request to saved clip):\n${rows.join('\n')}\n`);
});

declare const chrome: typeof import('wxt/browser').browser;
