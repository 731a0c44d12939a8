/**
 * Clip section: over the real pages of ../shared/corpus/readability, the time
 * from the user's action ("Save page": the clipTab command the popup sends)
 * to the clip being stored, and Readability alone on a clone of the same
 * document in the same tab (the floor). Each run opens the page in a fresh
 * tab, as a person would; `?nocanonical&run=N` makes every run a new page so
 * none is skipped as a duplicate (the response is checked).
 *
 * Noise: min–max is the metric recomputed from each run alone (run N of every
 * page), so it shows how much one pass over the corpus varies.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page, Worker } from 'playwright-core';
import type { ClipKind } from '../../lib/model/clip';
import { openLibrary, tabIdFor, type ExtensionBrowser } from '../../tests/e2e/harness';
import { CORPUS_DIR } from './corpus';
import type { ClipSteps } from './clip-page';
import { median, sum } from './stats';
import type { BenchContext, BenchSection, SectionOutput } from './types';

declare const chrome: typeof import('wxt/browser').browser;

/** Readability-alone runs per tab (the first is cold, the rest warm; the median is taken). */
const READABILITY_RUNS_PER_TAB = 3;
/** Corpus pages for smoke mode: three real articles of different sizes. */
const SMOKE_PAGES = ['bbc-1', 'nytimes-1', 'wikipedia'];
/** Fixture pages used when the corpus is missing (smoke mode only). */
const FIXTURE_ARTICLES = ['nhs-condition-page.html', 'charity-guide.html', 'news-article.html'];

interface PageSpec {
  name: string;
  url(query: string): string;
}

/** The corpus pages (each folder's source.html), sorted by name. */
export function corpusPages(ctx: BenchContext): PageSpec[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CORPUS_DIR, d.name, 'source.html')))
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, url: (query: string) => ctx.server.urlOf(`corpus/${name}/source.html`, query) }));
}

async function bundleClipPage(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, 'clip-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild produced nothing for clip-page.ts');
  return file.text;
}

/** Opens a page in a fresh tab and waits for it to load (pages whose scripts never settle get 15 s). */
async function openTab(ext: ExtensionBrowser, url: string): Promise<{ tab: Page; tabId: number }> {
  const tab = await ext.context.newPage();
  await tab.goto(url, { waitUntil: 'load', timeout: 15_000 }).catch(() => tab.waitForLoadState('domcontentloaded'));
  return { tab, tabId: await tabIdFor(ext.worker, tab.url()) };
}

interface ClipRun {
  ms: number;
  kind: string;
}

/** The background's own User Timing of the last clip (entrypoints/background/clip-service.ts): reading the page, then classifying and storing. */
async function backgroundMeasures(worker: Worker): Promise<{ readPage: number; store: number } | undefined> {
  const [readPage, store] = await worker.evaluate(() =>
    ['hc-clip-read-page', 'hc-clip-store'].map((name) => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? Number.NaN),
  );
  return readPage !== undefined && store !== undefined && Number.isFinite(readPage) && Number.isFinite(store) ? { readPage, store } : undefined;
}

/** The user's action, from an extension page: the command "Save page" sends, timed to its answer (the clip is stored by then). */
async function clipFromLibrary(library: Page, tabId: number): Promise<ClipRun> {
  const res = await library.evaluate(async (id) => {
    const t0 = performance.now();
    const answer = (await chrome.runtime.sendMessage({ type: 'clipTab', input: { tabId: id, mode: 'article', tags: [], note: '' } })) as {
      ok: boolean;
      value?: { clip: { kind: string }; duplicate: boolean };
      error?: { message: string };
    };
    return { ms: performance.now() - t0, ok: answer.ok, kind: answer.value?.clip.kind, duplicate: answer.value?.duplicate, error: answer.error?.message };
  }, tabId);
  if (!res.ok || !res.kind) throw new Error(`the clip failed: ${res.error ?? 'no answer'}`);
  if (res.duplicate) throw new Error('the page was already saved, so the clip was skipped: the bench needs a new address per run');
  return { ms: res.ms, kind: res.kind };
}

/** The clip done in stages from the service worker, as the background does it, each stage timed. */
interface Staged {
  tabsGet: number;
  probe: number;
  inject: number;
  clipCall: number;
  inPage: number;
  /** The clipper's work again in the same tab, now that its code has run once. */
  inPageAgain: number;
}

async function stagedClip(worker: Worker, tabId: number, mode: ClipKind): Promise<Staged> {
  // tsx keeps function names with a `__name` helper that the worker does not have; the object literal below needs it.
  await worker.evaluate('globalThis.__name ??= (f) => f');
  return worker.evaluate(
    async ({ tabId, mode }) => {
      const t0 = performance.now();
      await chrome.tabs.get(tabId);
      const t1 = performance.now();
      await chrome.scripting.executeScript({ target: { tabId }, func: () => typeof globalThis.__healthClipper === 'object' });
      const t2 = performance.now();
      await chrome.scripting.executeScript({ target: { tabId }, files: ['/clipper.js'] });
      const t3 = performance.now();
      const [res] = await chrome.scripting.executeScript({
        target: { tabId },
        func: (m: ClipKind) => {
          const s = performance.now();
          const draft = globalThis.__healthClipper?.clip(m);
          return { draft, ms: performance.now() - s };
        },
        args: [mode],
      });
      const t4 = performance.now();
      const [again] = await chrome.scripting.executeScript({
        target: { tabId },
        func: (m: ClipKind) => {
          const s = performance.now();
          globalThis.__healthClipper?.clip(m);
          return performance.now() - s;
        },
        args: [mode],
      });
      return { tabsGet: t1 - t0, probe: t2 - t1, inject: t3 - t2, clipCall: t4 - t3, inPage: res?.result?.ms ?? Number.NaN, inPageAgain: again?.result ?? Number.NaN };
    },
    { tabId, mode },
  );
}

const ms = (x: number) => `${x.toFixed(1).padStart(6)} ms`;

export const clipSection: BenchSection = {
  name: 'clip',
  async run(ctx): Promise<SectionOutput> {
    let pages = corpusPages(ctx);
    if (!pages.length) {
      ctx.log(`corpus not found: clip section not run (looked in ${CORPUS_DIR})`);
      if (!ctx.smoke) return {};
      ctx.log('smoke mode: using the fixture articles instead');
      pages = FIXTURE_ARTICLES.map((name) => ({ name, url: (query: string) => ctx.server.urlOf(name, query) }));
    }
    if (ctx.smoke) {
      const preferred = pages.filter((p) => SMOKE_PAGES.includes(p.name));
      pages = (preferred.length ? preferred : pages).slice(0, 3);
    }
    const runs = ctx.runs;
    const script = await bundleClipPage();
    const ext = await ctx.launch();
    const library = await openLibrary(ext);

    // Not counted: the first clip of a browser also pays for opening the database and warming the worker's code.
    for (const page of pages.slice(0, 1)) {
      const warmUp = await openTab(ext, page.url('nocanonical&warmup'));
      await clipFromLibrary(library, warmUp.tabId);
      await warmUp.tab.close();
    }

    const clipMs = pages.map(() => [] as number[]);
    const readMs = pages.map(() => [] as number[][]);
    const kinds = new Map<string, number>();
    const split: { total: number; readPage: number; store: number }[] = [];
    for (let run = 0; run < runs; run++) {
      for (const [p, page] of pages.entries()) {
        const { tab, tabId } = await openTab(ext, page.url(`nocanonical&run=${run}`));
        const clip = await clipFromLibrary(library, tabId);
        clipMs[p]?.push(clip.ms);
        const measures = await backgroundMeasures(ext.worker);
        if (measures) split.push({ total: clip.ms, ...measures });
        kinds.set(clip.kind, (kinds.get(clip.kind) ?? 0) + 1);
        await tab.evaluate(script);
        readMs[p]?.push(await tab.evaluate((n) => globalThis.hcClipBench?.timeReadability(n) ?? [], READABILITY_RUNS_PER_TAB));
        await tab.close();
      }
      ctx.log(`run ${run + 1}/${runs}: ${pages.length} pages`);
    }

    const clipMedians = clipMs.map(median);
    const readMedians = readMs.map((tabs) => median(tabs.flat()));
    // Each run alone, for the noise: the same figure from one pass over the corpus.
    const perRun = Array.from({ length: runs }, (_, r) => ({
      clipMedian: median(clipMs.map((xs) => xs[r] ?? Number.NaN)),
      readMedian: median(readMs.map((tabs) => median(tabs[r] ?? []))),
      ratio: sum(clipMs.map((xs) => xs[r] ?? 0)) / sum(readMedians),
    }));
    const spread = (value: number, xs: number[]) => ({ value, min: Math.min(...xs), max: Math.max(...xs), runs });

    ctx.log(`clips stored: ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`);
    const slowest = pages
      .map((page, i) => ({ name: page.name, clip: clipMedians[i] ?? 0, read: readMedians[i] ?? 0 }))
      .sort((a, b) => b.clip - a.clip)
      .slice(0, 5);
    ctx.log(`slowest pages (clip median / Readability median): ${slowest.map((s) => `${s.name} ${s.clip.toFixed(0)}/${s.read.toFixed(0)}`).join(', ')}`);

    if (split.length) {
      const m = (pick: (x: (typeof split)[number]) => number) => ms(median(split.map(pick)));
      ctx.log(
        `where a clip's time goes, medians over all ${split.length} clips: reading the page (checks, injection, the clipper's work, the draft back) ${m((x) => x.readPage)}` +
          ` | classifying and storing ${m((x) => x.store)} | messages to and from the background ${m((x) => x.total - x.readPage - x.store)}`,
      );
    }
    await printBreakdown(ctx, ext, library, pages, script);
    return {
      'clip.medianMs': spread(median(clipMedians), perRun.map((r) => r.clipMedian)),
      'clip.readabilityAloneMs': spread(median(readMedians), perRun.map((r) => r.readMedian)),
      'clip.ratioToReadability': spread(sum(clipMedians) / sum(readMedians), perRun.map((r) => r.ratio)),
      'clip.pages': { value: pages.length },
    };
  },
};

/**
 * Where a clip's time goes, on each page once in a fresh tab: the stages the
 * background runs (tab lookup, probe, injecting clipper.js, the clip call,
 * split into the page's own work and carrying the draft back), and the
 * page's work step by step (the same lib/clip code, timed in the page).
 * Medians over pages.
 */
async function printBreakdown(ctx: BenchContext, ext: ExtensionBrowser, library: Page, pages: readonly PageSpec[], script: string): Promise<void> {
  const staged: Staged[] = [];
  const steps: ClipSteps[] = [];
  const afterPopup: number[] = [];
  for (const page of pages) {
    const { tab, tabId } = await openTab(ext, page.url('nocanonical&breakdown'));
    staged.push(await stagedClip(ext.worker, tabId, 'article'));
    await tab.evaluate(script);
    const s = await tab.evaluate(() => globalThis.hcClipBench?.timeSteps());
    if (s) steps.push(s);
    await tab.close();
    // The popup's way: opening it inspects the page (the clipper is injected and has run once), then "Save page".
    const opened = await openTab(ext, page.url('nocanonical&popup'));
    await library.evaluate((id) => chrome.runtime.sendMessage({ type: 'inspectTab', input: { tabId: id } }), opened.tabId);
    afterPopup.push((await clipFromLibrary(library, opened.tabId)).ms);
    await opened.tab.close();
  }
  const m = (pick: (x: Staged) => number) => median(staged.map(pick));
  const s = (pick: (x: ClipSteps) => number) => median(steps.map(pick));
  ctx.log(`reading the page in stages, each page once more in a fresh tab; medians over ${pages.length} pages (each stage's own median, so they need not add up):`);
  ctx.log(`  tabs.get ${ms(m((x) => x.tabsGet))} | probe for the clipper ${ms(m((x) => x.probe))} | inject clipper.js ${ms(m((x) => x.inject))}`);
  ctx.log(
    `  clip call ${ms(m((x) => x.clipCall))} = in the page ${ms(m((x) => x.inPage))} + carrying the draft back ${ms(m((x) => x.clipCall - x.inPage))}` +
      ` | the clipper's work again in that tab (its code warm) ${ms(m((x) => x.inPageAgain))}`,
  );
  ctx.log(
    `  in the page (main world, first run): page facts ${ms(s((x) => x.facts))} | clone ${ms(s((x) => x.clone))} | Readability ${ms(s((x) => x.readability))}` +
      ` | article text ${ms(s((x) => x.articleText))} | sanitise ${ms(s((x) => x.sanitize))} | whole draft again (warm) ${ms(s((x) => x.buildDraft))}`,
  );
  ctx.log(`  "Save page" after the popup has inspected the page (clipper injected and warm): median ${ms(median(afterPopup))} over ${afterPopup.length} pages`);
  ctx.log(`  sizes: article HTML ${(s((x) => x.htmlChars) / 1024).toFixed(0)} K chars, draft ${(s((x) => x.draftChars) / 1024).toFixed(0)} K chars (medians)`);
}
