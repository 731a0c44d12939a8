import type { DatedFact, QualityFacts } from '../model/quality-facts';
import { findCharityNumbers } from './charity-numbers';
import { parsePageDate, parseTextDate, type NumericDateOrder } from './dates';
import { jsonLdText, jsonLdTypes, readJsonLd, type JsonLdNode } from './json-ld';
import { hasAdMarkers, type PageMarkup } from './page-evidence';
import { readPageText, type PageText } from './page-text';

const MAX_FACT_TEXT = 300;
const clean = (s: string | null | undefined): string | undefined => s?.replace(/\s+/g, ' ').trim() || undefined;

/** UK order (05/12/2023 = 5 December) unless the page is American: a .gov/.us host or lang en-US. */
function numericOrder(doc: Document, pageUrl: string): NumericDateOrder {
  let host = '';
  try {
    host = new URL(pageUrl).hostname.toLowerCase();
  } catch {
    // An unreadable address gives no hint; UK order is the default.
  }
  const lang = (doc.documentElement.getAttribute('lang') ?? '').toLowerCase();
  return /\.(gov|mil|us)$/.test(host) || lang === 'en-us' ? 'mdy' : 'dmy';
}

/** Meta tags by lower-cased name, property or itemprop, read in one pass (case-insensitive selectors are slow). */
type MetaMap = Map<string, string[]>;

function readMeta(doc: Document): MetaMap {
  const map: MetaMap = new Map();
  for (const el of Array.from(doc.getElementsByTagName('meta')).slice(0, 1_000)) {
    const content = clean(el.getAttribute('content'));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.toLowerCase();
      if (key) map.set(key, [...(map.get(key) ?? []), content]);
    }
  }
  return map;
}

function meta(map: MetaMap, ...names: string[]): string | undefined {
  for (const name of names) {
    const v = map.get(name.toLowerCase())?.[0];
    if (v) return v;
  }
  return undefined;
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.find((x): x is string => typeof x === 'string');
  return undefined;
}

function fromJsonLd(value: unknown): DatedFact | undefined {
  const raw = firstString(value);
  const date = parsePageDate(raw);
  return date ? { date, source: 'json-ld', text: raw?.slice(0, MAX_FACT_TEXT) } : undefined;
}

function fromMeta(raw: string | undefined): DatedFact | undefined {
  const date = parsePageDate(raw);
  return date ? { date, source: 'meta', text: raw?.slice(0, MAX_FACT_TEXT) } : undefined;
}

/** The JSON-LD node that describes the page (article or web page), else the first with dates. */
function mainNode(nodes: readonly JsonLdNode[]): JsonLdNode | undefined {
  const page = /Article|BlogPosting|WebPage|Posting|Report|Thesis/;
  return nodes.find((n) => jsonLdTypes(n).some((t) => page.test(t))) ?? nodes.find((n) => 'lastReviewed' in n || 'datePublished' in n) ?? nodes[0];
}

/** Labels that introduce each kind of date in page text (SOURCE-TYPES.md §1.8). */
const LABELS: Record<'published' | 'updated' | 'lastReviewed' | 'nextReview', RegExp> = {
  nextReview: /\b(next review(?: due)?(?: date)?|review due(?: date)?|due for review|next update(?: due)?|next full review)\s*(?:on|by)?\s*[:\-\u2013]?\s*/gi,
  lastReviewed: /(?<!next )(?<!next full )\b(page last reviewed|last reviewed|date last reviewed|date of last review|medically reviewed on|reviewed on|review date|last review|reviewed)\s*(?:on)?\s*[:\-\u2013]?\s*/gi,
  updated: /\b(page last updated|last updated|last modified|last edited|updated on|updated|date modified|page updated)\s*(?:on)?\s*[:\-\u2013]?\s*/gi,
  published: /\b(first published|published on|date published|published|posted on|posted)\s*(?:on)?\s*[:\-\u2013]?\s*/gi,
};

/** Finds "<label> <date>" in the text: the first label followed by a readable date. */
function textDate(text: string, label: RegExp, order: NumericDateOrder): DatedFact | undefined {
  label.lastIndex = 0;
  let tries = 0;
  for (let m = label.exec(text); m && tries < 50; m = label.exec(text), tries += 1) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60).replace(/^\s+/, '');
    const parsed = parseTextDate(after, order);
    if (parsed) {
      const words = `${m[0]}${parsed.matched}`.replace(/\s+/g, ' ').trim();
      return { date: parsed.date, source: 'text', text: words.slice(0, MAX_FACT_TEXT) };
    }
  }
  return undefined;
}

function timeElement(doc: Document): DatedFact | undefined {
  const el = doc.querySelector('time[itemprop="datePublished"][datetime]') ?? doc.querySelector('article time[datetime], main time[datetime]');
  const raw = el?.getAttribute('datetime');
  const date = parsePageDate(raw);
  return date ? { date, source: 'time-element', text: clean(el?.textContent)?.slice(0, MAX_FACT_TEXT) ?? raw ?? undefined } : undefined;
}

function urlDate(pageUrl: string): DatedFact | undefined {
  const m = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})\//.exec(pageUrl);
  if (!m) return undefined;
  const date = parsePageDate(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
  return date ? { date, source: 'url', text: m[0] } : undefined;
}

/** Person or organisation named as the author. */
function author(doc: Document, main: JsonLdNode | undefined, metas: MetaMap): string | undefined {
  const fromLd = clean(jsonLdText(main?.['author']));
  const metaAuthor = meta(metas, 'author', 'article:author', 'dc.creator');
  const byline = clean(doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author')?.textContent);
  const value = fromLd ?? (metaAuthor && !/^https?:/i.test(metaAuthor) ? metaAuthor : undefined) ?? byline;
  return value?.slice(0, MAX_FACT_TEXT);
}

const REVIEWER = /\b(?:medically|clinically|peer|expert|fact[- ]checked and|editorially)?\s*reviewed by:?\s+((?:Dr\.?\s|Prof\.?\s|Professor\s)?[A-Z][\w.'\u2019-]*(?:[ \t]+(?:[A-Z][\w.'\u2019-]*|de|van|von|la))*(?:,\s*(?:MD|DO|PhD|RN|MBBS|MRCGP|FRCP|PharmD|RD|MPH|MSc|BSc)\b)*)/;

function reviewer(main: JsonLdNode | undefined, text: string): string | undefined {
  const fromLd = clean(jsonLdText(main?.['reviewedBy']));
  if (fromLd) return fromLd.slice(0, MAX_FACT_TEXT);
  const m = REVIEWER.exec(text.slice(0, 100_000));
  return clean(m?.[1])?.slice(0, MAX_FACT_TEXT);
}

const REFERENCE_HEADING = /^(references|sources|bibliography|citations|works cited|reference list)\b/i;

/** References listed under a "References"/"Sources" heading, journal citation tags or DOIs, whichever counts most. */
function referencesCount(doc: Document, text: string, metas: MetaMap): number {
  let listed = 0;
  for (const h of Array.from(doc.querySelectorAll('h2, h3, h4, h5, strong, summary')).slice(0, 300)) {
    if (!REFERENCE_HEADING.test(clean(h.textContent) ?? '')) continue;
    let sib = (h.tagName === 'STRONG' ? h.parentElement : h)?.nextElementSibling;
    for (let i = 0; sib && i < 4; i += 1, sib = sib.nextElementSibling) {
      if (/^H[1-5]$/.test(sib.tagName)) break;
      listed += sib.matches('ol, ul') ? sib.querySelectorAll(':scope > li').length : sib.querySelectorAll('li').length;
    }
  }
  const classed = doc.querySelectorAll('ol.references > li, .references li, .reference-list li, ol.ref-list > li, .ref-list .ref').length;
  const citationMeta = metas.get('citation_reference')?.length ?? 0;
  const own = (meta(metas, 'citation_doi', 'dc.identifier') ?? '').replace(/^doi:\s*/i, '').toLowerCase();
  const dois = new Set((text.slice(0, 200_000).match(/\b10\.\d{4,9}\/[^\s"<>]+/g) ?? []).map((d) => d.replace(/[.,;:)\]]+$/, '').toLowerCase()).filter((d) => d !== own)).size;
  return Math.min(10_000, Math.max(listed, classed, citationMeta, dois));
}

const SPONSOR = /\b(sponsored by|paid partnership|in partnership with|supported by an? (?:educational|unrestricted) grant from|funded by|brought to you by|partner zone|advertisement feature|advertorial|this (?:content|article) (?:was|is) (?:sponsored|paid for|funded))\b[^\n.]{0,140}/gi;

function sponsorship(text: string): string[] {
  const out = new Set<string>();
  SPONSOR.lastIndex = 0;
  for (const m of text.slice(0, 150_000).matchAll(SPONSOR)) {
    out.add(m[0].replace(/\s+/g, ' ').trim().slice(0, 200));
    if (out.size >= 5) break;
  }
  return [...out];
}

/**
 * Quality facts, kept apart from the source type (SOURCE-TYPES.md §1.8):
 * author, reviewer, dates with where each was found (JSON-LD, meta tags,
 * page text such as "Page last reviewed: …", `<time>`, the address),
 * references, adverts, sponsorship and charity numbers. Pure and without
 * layout: the text is walked once and capped on huge pages.
 */
export function collectQualityFacts(
  doc: Document,
  pageUrl: string,
  pageText?: PageText,
  read: { nodes?: readonly JsonLdNode[]; markup?: PageMarkup } = {},
): QualityFacts {
  const nodes = read.nodes ?? readJsonLd(doc);
  const main = mainNode(nodes);
  const text = pageText ?? readPageText(doc);
  const order = numericOrder(doc, pageUrl);
  const metas = readMeta(doc);
  const reviewNode = nodes.find((n) => n['lastReviewed'] !== undefined);
  const reviewed = reviewNode?.['lastReviewed'];
  // nhs.uk states lastReviewed as [lastReviewed, nextReviewDue] (corpus/nhs-api).
  const nextFromLd = Array.isArray(reviewed) && reviewed.length > 1 ? fromJsonLd(reviewed[1]) : undefined;

  const published =
    fromJsonLd(main?.['datePublished']) ??
    fromMeta(meta(metas, 'article:published_time', 'citation_publication_date', 'citation_date', 'dcterms.issued', 'dc.date', 'datePublished')) ??
    textDate(text.text, LABELS.published, order) ??
    timeElement(doc) ??
    urlDate(pageUrl);
  const updated =
    fromJsonLd(main?.['dateModified']) ??
    fromMeta(meta(metas, 'article:modified_time', 'og:updated_time', 'dcterms.modified', 'dateModified', 'last-modified')) ??
    textDate(text.text, LABELS.updated, order);
  const lastReviewed =
    fromJsonLd(reviewed) ?? fromMeta(meta(metas, 'lastReviewed', 'last-reviewed', 'dcterms.dateReviewed')) ?? textDate(text.text, LABELS.lastReviewed, order);
  const nextReview = nextFromLd ?? fromMeta(meta(metas, 'nextReview', 'next-review', 'review-date')) ?? textDate(text.text, LABELS.nextReview, order);

  const charityNumbers = findCharityNumbers(text.footer)
    .filter((c) => c.kind !== 'registered')
    .map((c) => c.label.slice(0, 100));
  const writer = author(doc, main, metas);
  const checker = reviewer(main, text.text);
  return {
    ...(writer ? { author: writer } : {}),
    ...(checker ? { reviewer: checker } : {}),
    ...(published ? { published } : {}),
    ...(updated ? { updated } : {}),
    ...(lastReviewed ? { lastReviewed } : {}),
    ...(nextReview ? { nextReview } : {}),
    referencesCount: referencesCount(doc, text.text, metas),
    hasAdverts: hasAdMarkers(doc, read.markup),
    sponsorship: sponsorship(text.text),
    charityNumbers: charityNumbers.slice(0, 10),
  };
}
