/**
 * The speed half of the anchoring benchmark: lib/anchor bundled with esbuild
 * (already installed as a dependency of tsx and vite) and run in the system
 * Chromium through playwright-core. Pages are loaded with setContent, so
 * nothing is fetched; no browser is downloaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { JSDOM } from 'jsdom';
import { chromium } from 'playwright-core';
import { collectTextNodes } from '../lib/anchor/text-model';
import type { Selector } from '../lib/model/selectors';
import { makeBigPage } from './bench-anchor-bigpage';

/** Figures for one version of the big page. */
export interface ChromiumCase {
  name: string;
  textChars: number;
  highlights: number;
  found: number;
  changed: number;
  medianMs: number;
  /** Median time to read the page text once (part of medianMs). */
  medianReadMs: number;
  minMs: number;
  maxMs: number;
  runsMs: number[];
}

/** The Chromium figures, as printed and written to the JSON report. */
export interface ChromiumTiming {
  browserVersion: string;
  runs: number;
  bundleBytes: number;
  cases: ChromiumCase[];
}

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** lib/anchor and the in-page bench helpers as one classic script. */
async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, 'bench-anchor-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild produced nothing');
  return file.text;
}

/** Words of the fixture pages, to make the big page read like them. */
function fixtureVocabulary(): string[] {
  const dir = resolve(process.cwd(), 'tests/fixtures/pages');
  const words = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.html'))) {
    const body = new JSDOM(readFileSync(resolve(dir, f), 'utf8')).window.document.body;
    for (const w of collectTextNodes(body).text.toLowerCase().match(/[\p{L}’'-]{2,}/gu) ?? []) words.add(w);
  }
  return [...words].sort();
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

/**
 * Describes 100 passages on the original big page, then times anchoring them
 * on each version (or only the versions named in `only`), `runs` times each.
 */
export async function runChromiumTiming(executablePath: string, runs = 7, only?: readonly string[]): Promise<ChromiumTiming> {
  const script = await bundle();
  const big = makeBigPage(fixtureVocabulary());
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  try {
    const page = await browser.newPage();
    const load = async (html: string) => {
      await page.setContent(html, { waitUntil: 'load' });
      await page.addScriptTag({ content: script });
    };
    await load(big.original);
    const selectorSets: Selector[][] = await page.evaluate((quotes) => {
      if (!globalThis.hcAnchorBench) throw new Error('bench script missing');
      return globalThis.hcAnchorBench.describeQuotes(quotes);
    }, big.quotes);

    const cases: ChromiumCase[] = [];
    for (const variant of big.variants.filter((v) => !only || only.includes(v.name))) {
      const timings = [];
      for (let run = 0; run < runs; run++) {
        await load(variant.html); // a fresh page each run: no warm caches of a previous anchoring
        timings.push(
          await page.evaluate((sets) => {
            if (!globalThis.hcAnchorBench) throw new Error('bench script missing');
            return globalThis.hcAnchorBench.timeAnchorAll(sets);
          }, selectorSets),
        );
      }
      const ms = timings.map((t) => t.ms);
      const last = timings[timings.length - 1];
      cases.push({
        name: variant.name,
        textChars: last?.textChars ?? 0,
        highlights: selectorSets.length,
        found: last?.found ?? 0,
        changed: last?.changed ?? 0,
        medianMs: median(ms),
        medianReadMs: median(timings.map((t) => t.readMs)),
        minMs: Math.min(...ms),
        maxMs: Math.max(...ms),
        runsMs: ms.map((x) => Math.round(x * 10) / 10),
      });
    }
    return { browserVersion: browser.version(), runs, bundleBytes: script.length, cases };
  } finally {
    await browser.close();
  }
}
