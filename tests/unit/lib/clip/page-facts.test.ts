// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readJsonLd } from '../../../../lib/clip/json-ld';
import { collectPageFacts } from '../../../../lib/clip/page-facts';
import { pageFactsSchema } from '../../../../lib/model/clip';
import { loadPage } from '../../../helpers/pages';

/** The JSON-LD type signals only (page-evidence signals such as author:person sit beside them). */
const jsonLdSignals = (signals: readonly string[]) => signals.filter((s) => s.startsWith('jsonld:'));

const URL = 'https://www.example.org/health/living-with-asthma';

/** Facts of a page made of a <head> and a <body>. */
function factsOf(head: string, body = '<p>Body text.</p>', url = URL, htmlAttrs = 'lang="en-GB"') {
  const { doc } = loadPage(`<!DOCTYPE html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`, url);
  const facts = collectPageFacts(doc, url);
  expect(pageFactsSchema.safeParse(facts).success).toBe(true);
  return facts;
}

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('collectPageFacts: JSON-LD', () => {
  it('reads a single Article object', () => {
    const facts = factsOf(
      ld({
        '@context': 'https://schema.org',
        '@type': 'Article',
        headline: 'Living with asthma',
        author: { '@type': 'Person', name: 'Dr Priya Shah' },
        publisher: { '@type': 'Organization', name: 'Asthma Help' },
        datePublished: '2023-04-02T08:00:00+01:00',
        dateModified: '2024-01-10',
        description: 'How to keep asthma under control day to day.',
        inLanguage: 'en-GB',
      }),
      '<p>Body.</p>',
      URL,
      '',
    );
    expect(facts).toMatchObject({
      url: URL,
      canonicalUrl: URL,
      title: 'Living with asthma',
      byline: 'Dr Priya Shah',
      siteName: 'Asthma Help',
      lang: 'en-GB',
      excerpt: 'How to keep asthma under control day to day.',
      publishedAt: '2023-04-02T07:00:00.000Z',
      modifiedAt: '2024-01-10T00:00:00.000Z',
    });
    expect(facts.signals).toContain('jsonld:Article');
  });

  it('finds the article inside an @graph (Yoast style) and lists every type as a signal', () => {
    const facts = factsOf(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Article', '@id': `${URL}#article`, headline: 'Inhaler technique', author: { name: 'Sam Lee', '@id': `${URL}#/schema/person/1` }, datePublished: '2024-02-01T12:00:00+00:00' },
          { '@type': 'BreadcrumbList', itemListElement: [] },
          { '@type': 'WebSite', name: 'Breathe Easy Blog', url: 'https://www.example.org/' },
          { '@type': 'Person', '@id': `${URL}#/schema/person/1`, name: 'Sam Lee' },
        ],
      }),
    );
    expect(facts.title).toBe('Inhaler technique');
    expect(facts.byline).toBe('Sam Lee');
    expect(facts.publishedAt).toBe('2024-02-01T12:00:00.000Z');
    expect(facts.signals).toEqual(expect.arrayContaining(['jsonld:Article', 'jsonld:BreadcrumbList', 'jsonld:WebSite', 'jsonld:Person']));
  });

  it('reads a top-level array and skips non-content nodes before the article', () => {
    const facts = factsOf(
      ld([
        { '@type': 'BreadcrumbList', name: 'Crumbs', itemListElement: [] },
        { '@type': 'Organization', name: 'Not the author' },
        { '@type': 'NewsArticle', headline: 'Pollen count to soar', author: [{ '@type': 'Person', name: 'Ana Silva' }, { '@type': 'Person', name: 'Tom Reed' }], datePublished: '2024-05-20T06:00:00Z' },
      ]),
    );
    expect(facts.title).toBe('Pollen count to soar');
    expect(facts.byline).toBe('Ana Silva, Tom Reed');
    expect(facts.publishedAt).toBe('2024-05-20T06:00:00.000Z');
    expect(jsonLdSignals(facts.signals)).toEqual(['jsonld:BreadcrumbList', 'jsonld:Organization', 'jsonld:NewsArticle']);
  });

  it('accepts @type given as an array', () => {
    const facts = factsOf(ld({ '@type': ['Article', 'MedicalWebPage'], headline: 'Peak flow', author: 'Clinical team' }));
    expect(facts.title).toBe('Peak flow');
    expect(facts.byline).toBe('Clinical team');
    expect(facts.signals).toEqual(expect.arrayContaining(['jsonld:Article', 'jsonld:MedicalWebPage']));
  });

  it('reads the NHS MedicalWebPage shape (organisation author, dateModified, lastReviewed pair)', () => {
    const facts = factsOf(
      ld({
        '@context': 'http://schema.org',
        '@type': 'MedicalWebPage',
        name: 'Acne',
        author: { '@type': 'Organization', name: 'NHS website', url: 'https://www.nhs.uk' },
        dateModified: '2024-02-08T11:28:35+00:00',
        lastReviewed: ['2023-01-03T01:00:00+00:00', '2026-01-03T01:00:00+00:00'],
        hasPart: [{ '@type': 'HealthTopicContent', headline: 'Symptoms of acne' }],
      }) + '<meta property="og:title" content="Acne">',
      '<p>Acne is a common skin condition.</p>',
      'https://www.nhs.uk/conditions/acne/',
    );
    expect(facts.title).toBe('Acne');
    expect(facts.byline).toBe('NHS website');
    expect(facts.modifiedAt).toBe('2024-02-08T11:28:35.000Z');
    expect(facts.publishedAt).toBeUndefined();
    // Parts of the page are not separate content nodes.
    expect(jsonLdSignals(facts.signals)).toEqual(['jsonld:MedicalWebPage']);
  });

  it('ignores broken JSON-LD and still reads the other scripts and the meta tags', () => {
    const facts = factsOf(
      '<script type="application/ld+json">{ "@type": "Article", "headline": "Broken", </script>' +
        '<script type="application/ld+json">not json at all</script>' +
        '<script type="application/ld+json"></script>' +
        ld({ '@type': 'BlogPosting', headline: 'The good one', author: { '@type': 'Person', name: 'Kim' } }) +
        '<meta property="article:published_time" content="2024-03-01T09:00:00Z">',
    );
    expect(facts.title).toBe('The good one');
    expect(facts.byline).toBe('Kim');
    expect(facts.publishedAt).toBe('2024-03-01T09:00:00.000Z');
    expect(jsonLdSignals(facts.signals)).toEqual(['jsonld:BlogPosting']);
  });

  it('ignores JSON-LD values of the wrong shape', () => {
    const facts = factsOf(
      ld({ '@type': 'Article', headline: { nested: true }, author: 42, datePublished: { '@value': 'x' }, description: ['', ''] }) + '<title>Fallback title</title>',
    );
    expect(facts.title).toBe('Fallback title');
    expect(facts.byline).toBeUndefined();
    expect(facts.publishedAt).toBeUndefined();
    expect(facts.excerpt).toBeUndefined();
  });

  it('treats a __proto__ key as plain data and does not pollute Object.prototype', () => {
    const hostile =
      '{"@type":"Article","headline":"Proto","__proto__":{"polluted":"yes","@type":"Evil"},' +
      '"constructor":{"prototype":{"polluted":"yes"}},"author":{"__proto__":{"name":"Injected"}},' +
      '"@graph":[{"@type":"WebPage","__proto__":{"isAdmin":true}}]}';
    const { doc } = loadPage(`<html><head><script type="application/ld+json">${hostile}</script></head><body><p>x</p></body></html>`, URL);
    const facts = collectPageFacts(doc, URL);
    const nodes = readJsonLd(doc);

    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    expect(facts.title).toBe('Proto');
    // The author object's only key is an own "__proto__" property, not a name.
    expect(facts.byline).toBeUndefined();
    expect(jsonLdSignals(facts.signals)).toEqual(['jsonld:Article', 'jsonld:WebPage']);
    expect(nodes).toHaveLength(2);
    expect(Object.getPrototypeOf(nodes[0])).toBe(Object.prototype);
  });

  it('stops at a sane depth and count on hostile nesting', () => {
    let deep: unknown = { '@type': 'Article', headline: 'Too deep' };
    for (let i = 0; i < 50; i++) deep = { '@graph': [deep] };
    const many = Array.from({ length: 1_000 }, (_, i) => ({ '@type': `Thing${i}` }));
    const { doc } = loadPage(`<html><head>${ld(deep)}${ld(many)}</head><body></body></html>`, URL);
    const nodes = readJsonLd(doc);
    expect(nodes.length).toBeLessThanOrEqual(200);
    expect(nodes.some((n) => n['headline'] === 'Too deep')).toBe(false);
    expect(collectPageFacts(doc, URL).signals.length).toBeLessThanOrEqual(100);
  });

  // BUG (lib/clip/page-facts.ts mainJsonLd): the first node of any content type
  // wins, so the generic WebPage that Rank Math (and others) list before the
  // BlogPosting hides the post's headline and author.
  it('prefers the specific article node over a generic WebPage listed before it', () => {
    const facts = factsOf(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', '@id': 'https://www.example.org/#website', name: 'Wheeze Diaries' },
          { '@type': 'WebPage', '@id': `${URL}#webpage`, name: 'Living with asthma - Wheeze Diaries', datePublished: '2024-01-05T10:00:00+00:00' },
          { '@type': 'BlogPosting', headline: 'Living with asthma', author: { '@id': 'https://www.example.org/author/jo/', name: 'Jo Carter' }, datePublished: '2024-01-05T10:00:00+00:00' },
        ],
      }),
    );
    expect(facts.title).toBe('Living with asthma');
    expect(facts.byline).toBe('Jo Carter');
  });
});

describe('collectPageFacts: OpenGraph and article meta', () => {
  it('reads og:* and article:* tags', () => {
    const facts = factsOf(
      '<title>Ignored | Site</title>' +
        '<meta property="og:title" content="  Hay fever:   what helps  ">' +
        '<meta property="og:site_name" content="Pollen Watch">' +
        '<meta property="og:description" content="Tips for the pollen season.">' +
        '<meta property="og:type" content="Article">' +
        '<meta property="article:published_time" content="2024-04-01T07:30:00+00:00">' +
        '<meta property="article:modified_time" content="2024-04-03T16:00:00+00:00">' +
        '<meta name="author" content="Lee Morgan">',
    );
    expect(facts).toMatchObject({
      title: 'Hay fever: what helps',
      siteName: 'Pollen Watch',
      excerpt: 'Tips for the pollen season.',
      byline: 'Lee Morgan',
      publishedAt: '2024-04-01T07:30:00.000Z',
      modifiedAt: '2024-04-03T16:00:00.000Z',
    });
    expect(facts.signals).toEqual(['og:type:article']);
  });

  it('prefers og:title to the JSON-LD headline, and JSON-LD dates to meta dates', () => {
    const facts = factsOf(
      ld({ '@type': 'NewsArticle', headline: 'Headline from JSON-LD', datePublished: '2024-01-01T00:00:00Z' }) +
        '<meta property="og:title" content="Title from OpenGraph">' +
        '<meta property="article:published_time" content="2023-06-06T06:06:06Z">',
    );
    expect(facts.title).toBe('Title from OpenGraph');
    expect(facts.publishedAt).toBe('2024-01-01T00:00:00.000Z');
  });

  it('does not use a profile address as the author', () => {
    const facts = factsOf(
      '<meta property="article:author" content="https://www.facebook.com/somenews">',
      '<article><p class="byline">By Jess Patel, health correspondent</p><p>Text.</p></article>',
    );
    expect(facts.byline).toBe('By Jess Patel, health correspondent');
  });

  it('reads space-separated property lists and og:locale for the language', () => {
    const facts = factsOf(
      '<meta property="og:title dc:title" content="Shared title">' + '<meta property="og:locale" content="fr_FR">',
      '<p>Texte.</p>',
      URL,
      '',
    );
    expect(facts.title).toBe('Shared title');
    expect(facts.lang).toBe('fr-FR');
  });

  it('records the generator as a signal', () => {
    const facts = factsOf('<meta name="generator" content="Discourse 3.2.0 - https://github.com/discourse/discourse version abc">');
    expect(facts.signals).toEqual(['generator:discourse']);
  });
});

describe('collectPageFacts: citation_* (Highwire/Google Scholar)', () => {
  const head =
    '<meta property="og:title" content="Inhaled steroids in children - Journal site">' +
    '<meta name="citation_title" content="Inhaled corticosteroids and growth in children with asthma">' +
    '<meta name="citation_author" content="Nadia Okoro">' +
    '<meta name="citation_author" content="Peter Lindqvist">' +
    '<meta name="citation_journal_title" content="Journal of Paediatric Respiratory Care">' +
    '<meta name="citation_publication_date" content="2022-11-30">' +
    '<meta name="citation_doi" content="10.1234/jprc.2022.0042">' +
    '<meta name="citation_language" content="en">';

  it('prefers citation_title, joins citation authors and names the journal as the site', () => {
    const facts = factsOf(head, '<p>Abstract.</p>', 'https://journal.example.org/article/42', '');
    expect(facts).toMatchObject({
      title: 'Inhaled corticosteroids and growth in children with asthma',
      byline: 'Nadia Okoro, Peter Lindqvist',
      siteName: 'Journal of Paediatric Respiratory Care',
      publishedAt: '2022-11-30T00:00:00.000Z',
      lang: 'en',
    });
    expect(facts.signals).toContain('meta:citation');
  });

  it('marks a page with only a DOI tag as citing research', () => {
    expect(factsOf('<meta name="citation_doi" content="10.1/x">').signals).toContain('meta:citation');
  });

  // BUG (lib/clip/page-facts.ts byline): Google Scholar asks for citation_author
  // as "Last, First"; joining those with ", " makes two authors read as four.
  it('keeps "Last, First" citation authors apart', () => {
    const facts = factsOf(
      '<meta name="citation_title" content="T"><meta name="citation_author" content="Okoro, Nadia"><meta name="citation_author" content="Lindqvist, Peter">',
    );
    expect(facts.byline).toBe('Okoro, Nadia; Lindqvist, Peter');
  });
});

describe('collectPageFacts: Dublin Core', () => {
  it('reads DC and DCTERMS tags in any case', () => {
    const facts = factsOf(
      '<meta name="DC.title" content="Spacer devices explained">' +
        '<meta name="DC.creator" content="Respiratory Nurses Group">' +
        '<meta name="DC.publisher" content="County Health Board">' +
        '<meta name="DC.description" content="What a spacer is and how to use one.">' +
        '<meta name="DC.language" content="cy">' +
        '<meta name="DCTERMS.issued" content="2021-09-14">' +
        '<meta name="DCTERMS.modified" content="2023-02-02">',
      '<p>Text.</p>',
      URL,
      '',
    );
    expect(facts).toMatchObject({
      title: 'Spacer devices explained',
      byline: 'Respiratory Nurses Group',
      siteName: 'County Health Board',
      excerpt: 'What a spacer is and how to use one.',
      lang: 'cy',
      publishedAt: '2021-09-14T00:00:00.000Z',
      modifiedAt: '2023-02-02T00:00:00.000Z',
    });
  });
});

describe('collectPageFacts: <time> elements and page fallbacks', () => {
  it('uses a datePublished <time> before other times', () => {
    const facts = factsOf(
      '',
      '<aside><time datetime="2020-01-01">old sidebar</time></aside>' +
        '<article><p>Posted <time itemprop="datePublished" datetime="2024-06-01T10:00:00Z">1 June</time></p>' +
        '<p>Comment <time datetime="2024-06-02T10:00:00Z">2 June</time></p></article>',
    );
    expect(facts.publishedAt).toBe('2024-06-01T10:00:00.000Z');
  });

  it('uses the first <time> inside article or main before one elsewhere', () => {
    const facts = factsOf('', '<nav><time datetime="2019-05-05">x</time></nav><main><p><time datetime="2024-07-07">7 July</time></p></main>');
    expect(facts.publishedAt).toBe('2024-07-07T00:00:00.000Z');
  });

  it('uses any <time datetime> as a last resort and ignores unreadable ones', () => {
    expect(factsOf('', '<p><time datetime="2024-08-08">8 Aug</time></p>').publishedAt).toBe('2024-08-08T00:00:00.000Z');
    expect(factsOf('', '<p><time datetime="soon">soon</time></p>').publishedAt).toBeUndefined();
  });

  it('falls back to <title>, then to the host name', () => {
    expect(factsOf('<title>  Asthma   at school </title>').title).toBe('Asthma at school');
    expect(factsOf('').title).toBe('www.example.org');
  });

  it('finds a byline in the page when no meta names one', () => {
    expect(factsOf('', '<p>Text</p><span rel="author">  Chris   Wood </span>').byline).toBe('Chris Wood');
  });

  it('states nothing it cannot find', () => {
    const facts = factsOf('', '<p>Just text.</p>', URL, '');
    expect(facts).toEqual({
      url: URL,
      canonicalUrl: URL,
      title: 'www.example.org',
      byline: undefined,
      siteName: undefined,
      lang: undefined,
      excerpt: undefined,
      publishedAt: undefined,
      modifiedAt: undefined,
      signals: [],
      quality: { referencesCount: 0, hasAdverts: false, sponsorship: [], charityNumbers: [] },
    });
  });

  it('resolves and cleans the canonical link', () => {
    const page = 'https://www.example.org/health/living-with-asthma?utm_source=x#top';
    expect(factsOf('<link rel="canonical" href="/health/asthma">', '<p>x</p>', page).canonicalUrl).toBe('https://www.example.org/health/asthma');
    expect(factsOf('<link rel="Canonical" href="https://www.example.org/">', '<p>x</p>', page).canonicalUrl).toBe('https://www.example.org/health/living-with-asthma');
    expect(factsOf('', '<p>x</p>', page).canonicalUrl).toBe('https://www.example.org/health/living-with-asthma');
  });

  it('caps long values so a hostile page cannot break the schema', () => {
    const long = 'x'.repeat(5_000);
    const facts = factsOf(`<meta property="og:title" content="${long}"><meta name="author" content="${long}"><meta property="og:description" content="${long}">`);
    expect(facts.title).toHaveLength(1_000);
    expect(facts.byline).toHaveLength(500);
    expect(facts.excerpt).toHaveLength(2_000);
  });
});
