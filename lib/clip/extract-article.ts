import { Readability } from '@mozilla/readability';

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

const opt = (s: string | null | undefined) => (s?.trim() ? s.trim() : undefined);

/**
 * Runs Readability on a clone of the document, because `parse()` rewrites
 * the DOM it is given (Readability README) and the user's page must stay as
 * it is. Returns undefined when the page has no article, or has more than
 * `maxElements` elements (Readability's own budget, which it enforces by
 * throwing).
 */
export function extractArticle(doc: Document, maxElements: number): Article | undefined {
  const clone = doc.cloneNode(true) as Document;
  let parsed: ReturnType<Readability<string>['parse']>;
  try {
    parsed = new Readability(clone, { maxElemsToParse: maxElements, keepClasses: false }).parse();
  } catch {
    return undefined;
  }
  const text = parsed?.textContent?.trim() ?? '';
  if (!parsed?.content || text.length < MIN_ARTICLE_CHARS) return undefined;
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
