import type { PageFacts } from '../model/clip';
import { resolveCanonicalUrl } from './canonical-url';
import { parsePageDate } from './dates';
import { jsonLdFirstString, jsonLdText, jsonLdTypes, readJsonLd, type JsonLdNode } from './json-ld';
import { collectEvidenceSignals, readPageMarkup, type PageMarkup } from './page-evidence';
import { readPageText, type PageText } from './page-text';
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

/** One meta tag, read once: the words of its property/name/itemprop, its name/property, its content. */
interface MetaTag {
  /** Lower-cased words of property ?? name ?? itemprop (metaContent's key). */
  words: string[];
  /** Lower-cased name ?? property (metaContents' key). */
  key: string;
  content: string | null;
}

/** The page's meta tags, read once per page instead of once per key asked for. */
function readMetaTags(doc: Document): MetaTag[] {
  return Array.from(doc.querySelectorAll('meta')).map((el) => ({
    words: (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/),
    key: (el.getAttribute('name') ?? el.getAttribute('property') ?? '').toLowerCase(),
    content: el.getAttribute('content'),
  }));
}

/** The first non-empty content for the first key (in order) that any tag has. */
function metaContent(metas: readonly MetaTag[], ...keys: string[]): string | undefined {
  for (const key of keys) {
    const lower = key.toLowerCase();
    for (const meta of metas) {
      if (meta.words.includes(lower)) {
        const v = clean(meta.content);
        if (v) return v;
      }
    }
  }
  return undefined;
}

function metaContents(metas: readonly MetaTag[], key: string): string[] {
  return metas
    .filter((meta) => meta.key === key)
    .map((meta) => clean(meta.content))
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
function collectSignals(doc: Document, metas: readonly MetaTag[], nodes: readonly JsonLdNode[], text: PageText, markup: PageMarkup): string[] {
  const signals = new Set<string>();
  for (const node of nodes) for (const t of jsonLdTypes(node)) signals.add(`jsonld:${t}`);
  if (metaContent(metas, 'citation_title', 'citation_doi', 'citation_journal_title')) signals.add('meta:citation');
  const ogType = metaContent(metas, 'og:type');
  if (ogType) signals.add(`og:type:${ogType.toLowerCase()}`);
  const generator = metaContent(metas, 'generator');
  if (generator) signals.add(`generator:${generator.split(/[\s\d]/)[0]?.toLowerCase() ?? ''}`);
  for (const s of collectEvidenceSignals(doc, nodes, text, generator ?? '', markup)) signals.add(s);
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
  // Read once, shared by the signals and the quality facts.
  const text = readPageText(doc);
  const markup = readPageMarkup(doc);
  const metas = readMetaTags(doc);
  const main = mainJsonLd(nodes);
  const canonicalHref = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? undefined;
  const canonicalUrl = resolveCanonicalUrl(pageUrl, canonicalHref) ?? pageUrl;

  const title =
    metaContent(metas, 'citation_title') ??
    metaContent(metas, 'og:title') ??
    clean(jsonLdText(main?.['headline'])) ??
    metaContent(metas, 'dc.title', 'dcterms.title', 'twitter:title') ??
    clean(doc.title) ??
    new URL(pageUrl).hostname;

  const citationAuthors = metaContents(metas, 'citation_author');
  const metaAuthor = metaContent(metas, 'author', 'article:author', 'dc.creator', 'dcterms.creator');
  const byline =
    joinAuthors(citationAuthors) ??
    clean(jsonLdText(main?.['author'])) ??
    (metaAuthor && !isUrlLike(metaAuthor) ? metaAuthor : undefined) ??
    clean(doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author')?.textContent)?.slice(0, 200);

  const siteName =
    metaContent(metas, 'og:site_name', 'application-name', 'citation_journal_title', 'dc.publisher') ??
    clean(jsonLdText(main?.['publisher']));

  const lang =
    clean(doc.documentElement.getAttribute('lang')) ??
    clean(jsonLdFirstString(main?.['inLanguage'])) ??
    metaContent(metas, 'og:locale', 'dc.language', 'citation_language')?.replace('_', '-');

  const publishedAt =
    parsePageDate(jsonLdFirstString(main?.['datePublished'])) ??
    parsePageDate(metaContent(metas, 'article:published_time', 'datepublished')) ??
    parsePageDate(metaContent(metas, 'citation_publication_date', 'citation_date', 'citation_online_date')) ??
    parsePageDate(metaContent(metas, 'dcterms.issued', 'dcterms.created', 'dc.date', 'dc.date.issued', 'date')) ??
    parsePageDate(firstTimeElement(doc));

  const modifiedAt =
    parsePageDate(jsonLdFirstString(main?.['dateModified'])) ??
    parsePageDate(metaContent(metas, 'article:modified_time', 'og:updated_time', 'datemodified')) ??
    parsePageDate(metaContent(metas, 'dcterms.modified', 'last-modified'));

  const excerpt =
    metaContent(metas, 'og:description', 'description', 'twitter:description', 'dc.description') ??
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
    signals: collectSignals(doc, metas, nodes, text, markup),
    quality: collectQualityFacts(doc, pageUrl, text, { nodes, markup }),
  };
}
