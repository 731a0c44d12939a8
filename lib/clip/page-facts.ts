import type { PageFacts } from '../model/clip';
import { resolveCanonicalUrl } from './canonical-url';
import { parsePageDate } from './dates';
import { jsonLdFirstString, jsonLdText, jsonLdTypes, readJsonLd, type JsonLdNode } from './json-ld';
import { collectEvidenceSignals } from './page-evidence';
import { readPageText } from './page-text';
import { collectQualityFacts } from './quality-facts';

/**
 * JSON-LD types that describe the page's main content, most specific first:
 * SEO plugins list a generic WebPage (and WebSite) before the article, and
 * the article holds the headline and author.
 */
const CONTENT_TYPES = [
  ['NewsArticle', 'ReportageNewsArticle', 'ScholarlyArticle', 'MedicalScholarlyArticle', 'BlogPosting', 'DiscussionForumPosting', 'SocialMediaPosting', 'Report'],
  ['Article', 'MedicalWebPage', 'Product', 'MedicalCondition', 'Drug', 'HealthTopicContent', 'QAPage', 'FAQPage'],
  ['WebPage', 'AboutPage', 'CollectionPage', 'ItemPage'],
].map((names) => new Set(names));

const clean = (s: string | null | undefined): string | undefined => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
};

function metaContent(doc: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const lower = key.toLowerCase();
    for (const el of Array.from(doc.querySelectorAll('meta'))) {
      const name = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '')
        .toLowerCase()
        .split(/\s+/);
      if (name.includes(lower)) {
        const v = clean(el.getAttribute('content'));
        if (v) return v;
      }
    }
  }
  return undefined;
}

function metaContents(doc: Document, key: string): string[] {
  return Array.from(doc.querySelectorAll('meta'))
    .filter((el) => (el.getAttribute('name') ?? el.getAttribute('property') ?? '').toLowerCase() === key)
    .map((el) => clean(el.getAttribute('content')))
    .filter((s): s is string => Boolean(s));
}

function isUrlLike(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

function mainJsonLd(nodes: readonly JsonLdNode[]): JsonLdNode | undefined {
  for (const tier of CONTENT_TYPES) {
    const node = nodes.find((n) => jsonLdTypes(n).some((t) => tier.has(t)));
    if (node) return node;
  }
  return undefined;
}

/**
 * Google Scholar asks for citation_author as "Last, First"; joined with
 * commas two authors would read as four, so such names are joined with "; ".
 */
function joinAuthors(names: readonly string[]): string | undefined {
  if (!names.length) return undefined;
  return names.join(names.some((n) => n.includes(',')) ? '; ' : ', ');
}

function firstTimeElement(doc: Document): string | undefined {
  const el =
    doc.querySelector('time[itemprop="datePublished"][datetime]') ??
    doc.querySelector('article time[datetime], main time[datetime]') ??
    doc.querySelector('time[datetime]');
  return clean(el?.getAttribute('datetime'));
}

/**
 * Hints for the classifier: what the page says it is, in a compact form,
 * plus page evidence (forum software, shop markers, charity numbers, voice,
 * adverts; see page-evidence.ts for the vocabulary).
 */
function collectSignals(doc: Document, nodes: readonly JsonLdNode[]): string[] {
  const signals = new Set<string>();
  for (const node of nodes) for (const t of jsonLdTypes(node)) signals.add(`jsonld:${t}`);
  if (metaContent(doc, 'citation_title', 'citation_doi', 'citation_journal_title')) signals.add('meta:citation');
  const ogType = metaContent(doc, 'og:type');
  if (ogType) signals.add(`og:type:${ogType.toLowerCase()}`);
  const generator = metaContent(doc, 'generator');
  if (generator) signals.add(`generator:${generator.split(/[\s\d]/)[0]?.toLowerCase() ?? ''}`);
  for (const s of collectEvidenceSignals(doc, nodes, readPageText(doc), generator ?? '')) signals.add(s);
  return [...signals].map((s) => s.slice(0, 200)).slice(0, 100);
}

/**
 * What the page states about itself: title, author, site, language, dates and
 * its canonical address, read from JSON-LD, OpenGraph/article meta,
 * `citation_*` and Dublin Core tags and `<time>` elements, in that order of
 * preference. Pure: reads the document, changes nothing.
 */
export function collectPageFacts(doc: Document, pageUrl: string): PageFacts {
  const nodes = readJsonLd(doc);
  const main = mainJsonLd(nodes);
  const canonicalHref = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? undefined;
  const canonicalUrl = resolveCanonicalUrl(pageUrl, canonicalHref) ?? pageUrl;

  const title =
    metaContent(doc, 'citation_title') ??
    metaContent(doc, 'og:title') ??
    clean(jsonLdText(main?.['headline'])) ??
    metaContent(doc, 'dc.title', 'dcterms.title', 'twitter:title') ??
    clean(doc.title) ??
    new URL(pageUrl).hostname;

  const citationAuthors = metaContents(doc, 'citation_author');
  const metaAuthor = metaContent(doc, 'author', 'article:author', 'dc.creator', 'dcterms.creator');
  const byline =
    joinAuthors(citationAuthors) ??
    clean(jsonLdText(main?.['author'])) ??
    (metaAuthor && !isUrlLike(metaAuthor) ? metaAuthor : undefined) ??
    clean(doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author')?.textContent)?.slice(0, 200);

  const siteName =
    metaContent(doc, 'og:site_name', 'application-name', 'citation_journal_title', 'dc.publisher') ??
    clean(jsonLdText(main?.['publisher']));

  const lang =
    clean(doc.documentElement.getAttribute('lang')) ??
    clean(jsonLdFirstString(main?.['inLanguage'])) ??
    metaContent(doc, 'og:locale', 'dc.language', 'citation_language')?.replace('_', '-');

  const publishedAt =
    parsePageDate(jsonLdFirstString(main?.['datePublished'])) ??
    parsePageDate(metaContent(doc, 'article:published_time', 'datepublished')) ??
    parsePageDate(metaContent(doc, 'citation_publication_date', 'citation_date', 'citation_online_date')) ??
    parsePageDate(metaContent(doc, 'dcterms.issued', 'dcterms.created', 'dc.date', 'dc.date.issued', 'date')) ??
    parsePageDate(firstTimeElement(doc));

  const modifiedAt =
    parsePageDate(jsonLdFirstString(main?.['dateModified'])) ??
    parsePageDate(metaContent(doc, 'article:modified_time', 'og:updated_time', 'datemodified')) ??
    parsePageDate(metaContent(doc, 'dcterms.modified', 'last-modified'));

  const excerpt =
    metaContent(doc, 'og:description', 'description', 'twitter:description', 'dc.description') ??
    clean(jsonLdText(main?.['description']));

  return {
    url: pageUrl,
    canonicalUrl,
    title: title.slice(0, 1_000),
    byline: byline?.slice(0, 500),
    siteName: siteName?.slice(0, 300),
    lang: lang?.slice(0, 35),
    excerpt: excerpt?.slice(0, 2_000),
    publishedAt,
    modifiedAt,
    signals: collectSignals(doc, nodes),
    quality: collectQualityFacts(doc, pageUrl),
  };
}
