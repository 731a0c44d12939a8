/**
 * The in-page side of the Chromium timing (bench-anchor-chromium.ts): bundled
 * with lib/anchor into one script and added to the page. It describes the
 * passages on the original page and times `anchorAll` on an edited one.
 */
import { anchorAll, describe, type Selector } from '../lib/anchor/index';
import { toRawSpan } from '../lib/anchor/normalized-text';
import { collectTextNodes, rangeFromOffsets } from '../lib/anchor/text-model';

/** What one timed run found. */
export interface PageTiming {
  ms: number;
  /** Of which, about: reading the page text once (timed separately, after the run). */
  readMs: number;
  textChars: number;
  found: number;
  changed: number;
}

/** The bench API the page exposes. */
export interface AnchorBenchApi {
  describeQuotes(quotes: readonly string[]): Selector[][];
  timeAnchorAll(selectorSets: readonly (readonly Selector[])[]): PageTiming;
}

declare global {
  var hcAnchorBench: AnchorBenchApi | undefined;
}

globalThis.hcAnchorBench = {
  describeQuotes(quotes) {
    const body = document.body;
    const map = collectTextNodes(body);
    const page = map.prepared();
    return quotes.map((quote) => {
      const at = page.text.indexOf(quote);
      if (at < 0 || page.text.indexOf(quote, at + 1) >= 0) throw new Error(`not exactly once on the page: ${quote}`);
      const raw = toRawSpan(page, at, at + quote.length);
      const selectors = describe(body, rangeFromOffsets(document, map, raw.start, raw.end), map);
      if (!selectors) throw new Error(`no selectors for ${quote}`);
      return selectors;
    });
  },
  timeAnchorAll(selectorSets) {
    const t0 = performance.now();
    const results = anchorAll(document.body, selectorSets);
    const ms = performance.now() - t0;
    const t1 = performance.now();
    const map = collectTextNodes(document.body);
    const readMs = performance.now() - t1;
    return {
      ms,
      readMs,
      textChars: map.text.length,
      found: results.filter((r) => r !== null).length,
      changed: results.filter((r) => r !== null && !r.exact).length,
    };
  },
};
