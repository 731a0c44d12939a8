import { t } from '../i18n';
import type { ClipDraftInput, ClipFallback, ClipKind, TextQuote } from '../model/clip';
import { PAGE_CLIP_LIMITS } from './clip-limits';
import { parsePageDate } from './dates';
import { extractArticle } from './extract-article';
import { collectPageFacts } from './page-facts';
import { sanitizeHtml } from './sanitize-html';
import { collectVisibleText, textToHtml } from './visible-text';

/** How much of a page we try to read before settling for less. */
export interface ClipBudget {
  /** Pages with more elements than this get a link and excerpt only. */
  maxElements: number;
}

export const DEFAULT_BUDGET: ClipBudget = { maxElements: 60_000 };

/** What the user asked to keep. */
export type ClipMode = ClipKind;

/** Everything the clipper needs from the page, passed in so tests need no browser. */
export interface ClipSource {
  doc: Document;
  win: Window;
  url: string;
  /** The user's current selection as a quote, and its HTML, when there is one. */
  selection?: { quote: TextQuote; html: string };
}

function fallback(reason: ClipFallback['reason'], message: string): ClipFallback {
  return { reason, message };
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/**
 * Builds the clip the user asked for from a page: the readable article, the
 * selected passage, or just the link, always with the page's facts. Never
 * returns an empty clip: a page without an article falls back to the
 * selection, then the visible text, then the link and description, and the
 * fallback says in plain words what was kept. HTML is sanitised here, before
 * it leaves the page.
 */
export function buildClipDraft(source: ClipSource, mode: ClipMode, budget: ClipBudget = DEFAULT_BUDGET): ClipDraftInput {
  const { doc, win, url, selection } = source;
  const facts = collectPageFacts(doc, url);
  const clean = (html: string) => truncate(sanitizeHtml(html, win), PAGE_CLIP_LIMITS.maxHtmlChars);

  const asSelection = (fb?: ClipFallback): ClipDraftInput | undefined =>
    selection && {
      kind: 'selection',
      facts,
      quote: selection.quote,
      contentText: truncate(selection.quote.exact, PAGE_CLIP_LIMITS.maxTextChars),
      contentHtml: clean(selection.html) || textToHtml(selection.quote.exact),
      fallback: fb,
    };
  const asLink = (fb?: ClipFallback): ClipDraftInput => ({ kind: 'link', facts, fallback: fb });

  if (mode === 'link') return asLink();
  if (mode === 'selection') return asSelection() ?? asLink(fallback('no-article', t('clip.noSelection')));

  const elementCount = doc.getElementsByTagName('*').length;
  if (elementCount > budget.maxElements) return asLink(fallback('too-large', t('clip.tooLarge')));

  const article = extractArticle(doc, budget.maxElements);
  if (article) {
    return {
      kind: 'article',
      facts: {
        ...facts,
        byline: facts.byline ?? article.byline?.slice(0, 500),
        siteName: facts.siteName ?? article.siteName?.slice(0, 300),
        lang: facts.lang ?? article.lang?.slice(0, 35),
        excerpt: facts.excerpt ?? article.excerpt?.slice(0, 2_000),
        publishedAt: facts.publishedAt ?? parsePageDate(article.publishedTime),
      },
      contentHtml: clean(article.html),
      contentText: truncate(article.text, PAGE_CLIP_LIMITS.maxTextChars),
    };
  }

  const fromSelection = asSelection(fallback('no-article', t('clip.noArticleSelection')));
  if (fromSelection) return fromSelection;

  const visible = doc.body ? collectVisibleText(doc.body, PAGE_CLIP_LIMITS.maxTextChars) : '';
  if (visible) {
    return {
      kind: 'article',
      facts,
      contentText: visible,
      contentHtml: textToHtml(visible),
      fallback: fallback('no-article', t('clip.noArticleVisible')),
    };
  }
  return asLink(fallback('no-article', t('clip.noText')));
}
