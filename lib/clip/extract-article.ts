import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { PAGE_CLIP_LIMITS } from './clip-limits';
import { collectVisibleText } from './visible-text';

/** The main article of a page, as Readability sees it. */
export interface Article {
  title?: string;
  byline?: string;
  siteName?: string;
  lang?: string;
  publishedTime?: string;
  excerpt?: string;
  /** Unsanitised HTML: sanitise before storing or showing. */
  html: string;
  text: string;
}

/** Below this many characters of text Readability has found a fragment, not an article. */
export const MIN_ARTICLE_CHARS = 200;

/**
 * Readability returns its best guess even for pages without an article (a
 * forum index, a list of results). When its own readerable check says no,
 * we accept the guess only if it holds at least this much text.
 */
export const MIN_UNREADERABLE_CHARS = 1_000;

/**
 * Above this share of text inside links, what Readability found is a list of
 * links (a forum index, search results, a site map), not something to read.
 */
export const MAX_LINK_DENSITY = 0.5;

/** Share of the text that sits inside links. */
function linkDensity(holder: Element, textLength: number): number {
  if (!textLength) return 0;
  let linked = 0;
  for (const a of Array.from(holder.querySelectorAll('a'))) linked += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return linked / textLength;
}

const opt = (s: string | null | undefined) => (s?.trim() ? s.trim() : undefined);

/**
 * Runs Readability on a clone of the document, because `parse()` rewrites
 * the DOM it is given (Readability README) and the user's page must stay as
 * it is. Returns undefined when the page has no article (too little text,
 * or mostly links), or has more than
 * `maxElements` elements (Readability's own budget, which it enforces by
 * throwing).
 */
export function extractArticle(doc: Document, maxElements: number, maxTextChars = PAGE_CLIP_LIMITS.maxTextChars): Article | undefined {
  const clone = doc.cloneNode(true) as Document;
  let parsed: ReturnType<Readability<string>['parse']>;
  try {
    parsed = new Readability(clone, { maxElemsToParse: maxElements, keepClasses: false }).parse();
  } catch {
    return undefined;
  }
  if (!parsed?.content) return undefined;
  // Readability's textContent runs blocks together ("27 February 2024Rachel
  // Okafor"); read the article's text block by block instead, from an inert
  // document so nothing in it loads or runs.
  // DOMParser's documents load nothing and run nothing; Chromium still fetches images in createHTMLDocument's.
  const Parser = doc.defaultView?.DOMParser;
  const inert = Parser ? new Parser().parseFromString('', 'text/html') : doc.implementation.createHTMLDocument('');
  const holder = inert.createElement('div');
  holder.innerHTML = parsed.content;
  const text = collectVisibleText(holder, maxTextChars);
  if (text.length < MIN_ARTICLE_CHARS) return undefined;
  if (linkDensity(holder, text.length) > MAX_LINK_DENSITY) return undefined;
  if (text.length < MIN_UNREADERABLE_CHARS && !isProbablyReaderable(doc)) return undefined;
  return {
    title: opt(parsed.title),
    byline: opt(parsed.byline),
    siteName: opt(parsed.siteName),
    lang: opt(parsed.lang),
    publishedTime: opt(parsed.publishedTime),
    excerpt: opt(parsed.excerpt),
    html: parsed.content,
    text,
  };
}
