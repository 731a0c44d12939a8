/**
 * The in-page half of the clip benchmark, bundled by clip.ts with esbuild
 * and evaluated in the page's main world (DevTools evaluation, so no page
 * CSP applies). It times Readability alone, the way issue 7 defines the
 * floor, and the steps of the clipper's work one by one (same lib/clip code
 * the extension runs), so the clip's time can be broken down.
 */
import { Readability } from '@mozilla/readability';
import { buildClipDraft } from '../../lib/clip/build-clip-draft';
import { collectPageFacts } from '../../lib/clip/page-facts';
import { sanitizeHtml } from '../../lib/clip/sanitize-html';
import { collectVisibleText } from '../../lib/clip/visible-text';
import { CLIP_LIMITS } from '../../lib/model/clip';

/** One pass over the clipper's steps, in milliseconds. */
export interface ClipSteps {
  /** collectPageFacts: meta, JSON-LD, page text, evidence and quality facts. */
  facts: number;
  /** document.cloneNode(true). */
  clone: number;
  /** Readability's parse() on that clone. */
  readability: number;
  /** Parsing the article HTML again and reading its text block by block. */
  articleText: number;
  /** DOMPurify over the article HTML. */
  sanitize: number;
  /** buildClipDraft as the extension calls it (all of the above, and the rest). */
  buildDraft: number;
  /** Characters of article HTML and of the draft as JSON (what travels back to the background). */
  htmlChars: number;
  draftChars: number;
}

export interface ClipBenchApi {
  /** Readability alone on a clone of the document, `runs` times; the time of each. */
  timeReadability(runs: number): number[];
  timeSteps(): ClipSteps;
}

declare global {
  var hcClipBench: ClipBenchApi | undefined;
}

const time = <T>(step: () => T): [number, T] => {
  const t0 = performance.now();
  const value = step();
  return [performance.now() - t0, value];
};

globalThis.hcClipBench = {
  timeReadability(runs) {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      new Readability(document.cloneNode(true) as Document).parse();
      out.push(performance.now() - t0);
    }
    return out;
  },
  timeSteps() {
    const [facts] = time(() => collectPageFacts(document, location.href));
    const [clone, copy] = time(() => document.cloneNode(true) as Document);
    const [readability, parsed] = time(() => new Readability(copy, { maxElemsToParse: 60_000, keepClasses: false }).parse());
    const html = parsed?.content ?? '';
    const [articleText] = time(() => {
      const holder = document.implementation.createHTMLDocument('').createElement('div');
      holder.innerHTML = html;
      return collectVisibleText(holder, CLIP_LIMITS.maxTextChars);
    });
    const [sanitize] = time(() => sanitizeHtml(html, window));
    const [buildDraft, draft] = time(() => buildClipDraft({ doc: document, win: window, url: location.href }, 'article'));
    return { facts, clone, readability, articleText, sanitize, buildDraft, htmlChars: html.length, draftChars: JSON.stringify(draft).length };
  },
};
