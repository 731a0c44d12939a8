// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildClipDraft } from '../../../../lib/clip/build-clip-draft';
import { describeTextQuote } from '../../../../lib/clip/text-quote';
import { clipDraftSchema, type ClipDraftInput } from '../../../../lib/model/clip';
import { fixtureUrls, loadFixturePage, loadPage, type LoadedPage } from '../../../helpers/pages';

const NO_ARTICLE_VISIBLE =
  'This page has no single main article (it may be a list, a forum index or a search page), so we kept all of its visible text.';
const NO_ARTICLE_SELECTION = 'This page has no single main article, so we kept the text you selected.';
const NO_TEXT = 'We could not find any text on this page, so we kept its link and description.';
const TOO_LARGE = 'This page is too large to save in full, so we kept its link and a short description.';

/** A search-results page: links and snippets, no single article for Readability to find. */
const SEARCH_PAGE = `<!DOCTYPE html><html lang="en"><head><title>Search: inhaler - Breathe Easy</title>
<meta name="description" content="Search results"><script>var secret = "do not keep";</script><style>.x{color:red}</style></head>
<body><header><a href="/">Breathe Easy</a></header>
<main><h1>Results for “inhaler”</h1><ol>
<li><a href="/a">Using a spacer</a></li>
<li><a href="/b">Brown inhalers</a></li>
<li><a href="/c">Blue inhalers</a></li>
</ol><p hidden>Hidden promo text</p><div aria-hidden="true">Decorative text</div>
<script>track("search")</script><noscript>Enable JavaScript</noscript></main>
<footer>Page 1 of 3</footer></body></html>`;

/** The user's selection of the text of `el`, as the page-side clipper reads it. */
function selectionOf(page: LoadedPage, el: Element): NonNullable<Parameters<typeof buildClipDraft>[0]['selection']> {
  const range = page.doc.createRange();
  range.selectNodeContents(el);
  const quote = describeTextQuote(range);
  if (!quote) throw new Error('empty selection');
  const holder = page.doc.createElement('div');
  holder.append(range.cloneContents());
  return { quote, html: holder.innerHTML };
}

/** Asserts the draft is one the background will accept, and not empty. */
function expectUsable(draft: ClipDraftInput): void {
  expect(clipDraftSchema.safeParse(draft).success).toBe(true);
  if (draft.kind === 'link') {
    expect(draft.contentText).toBeUndefined();
  } else {
    expect(draft.contentText?.trim()).toBeTruthy();
    expect(draft.contentHtml?.trim()).toBeTruthy();
  }
}

describe('buildClipDraft: article mode', () => {
  it('keeps the readable article of an NHS page, sanitised, with the page facts', () => {
    const page = loadFixturePage('nhs-condition-page.html');
    const draft = buildClipDraft(page, 'article');
    expectUsable(draft);
    expect(draft.kind).toBe('article');
    expect(draft.fallback).toBeUndefined();
    expect(draft.facts.title).toBe('Type 2 diabetes');
    expect(draft.contentText).toContain('HbA1c test');
    expect(draft.contentText).not.toContain('Skip to main content');
    expect(draft.contentHtml).toContain('<h2>Symptoms of type 2 diabetes</h2>');
    expect(draft.contentHtml).not.toMatch(/<script|<form|<svg|<input|\bid=|\bstyle=/);
    // Readability drops the page's classes (keepClasses: false) but keeps its own "page" wrapper.
    expect(draft.contentHtml).not.toMatch(/nhsuk-/);
  });

  it('does not change the page it reads', () => {
    const page = loadFixturePage('news-article.html');
    const before = page.doc.documentElement.outerHTML;
    buildClipDraft(page, 'article');
    expect(page.doc.documentElement.outerHTML).toBe(before);
  });

  it('strips hostile markup from inside the article', () => {
    const paragraphs = Array.from({ length: 5 }, (_, i) => `<p onclick="alert(${i})">Paragraph ${i} about managing asthma at school, with enough words to count as real article text for the reader view to keep it.</p>`).join('');
    const page = loadPage(
      `<html><head><title>Asthma at school</title></head><body><article><h1>Asthma at school</h1>${paragraphs}<p><a href="javascript:alert(1)">Bad link</a> <img src="x" onerror="alert(1)"><iframe src="https://evil.example/"></iframe></p></article></body></html>`,
      'https://www.example.org/asthma-at-school',
    );
    const draft = buildClipDraft(page, 'article');
    expectUsable(draft);
    expect(draft.kind).toBe('article');
    expect(draft.contentHtml).not.toMatch(/onclick|onerror|javascript:|<iframe/i);
    expect(draft.contentText).toContain('Paragraph 4 about managing asthma');
  });

  it('fills facts the page metadata lacks from what Readability found', () => {
    const sentence = 'Pollen levels are expected to be high this week across most of the country, so people with hay fever should plan ahead, keep windows shut at night and carry their usual medicines with them.';
    const body = Array.from({ length: 4 }, () => `<p>${sentence}</p>`).join('');
    const page = loadPage(
      `<html><head><title>Pollen warning</title><meta name="parsely-pub-date" content="2024-04-02T08:00:00Z"></head><body><article><h1>Pollen warning</h1><div class="article-byline-name">By Alex Moore</div>${body}</article></body></html>`,
      'https://news.example.org/pollen',
    );
    const draft = buildClipDraft(page, 'article');
    expect(draft.kind).toBe('article');
    expect(draft.facts.byline).toBe('By Alex Moore');
    expect(draft.facts.publishedAt).toBe('2024-04-02T08:00:00.000Z');
    expect(draft.facts.excerpt).toMatch(/^Pollen levels are expected/);
    expect(draft.facts.lang).toBeUndefined();
  });
});

describe('buildClipDraft: selection mode', () => {
  it('keeps the selected passage with the text either side of it', () => {
    const page = loadFixturePage('news-article.html');
    const second = page.doc.querySelector('article p:nth-of-type(2)');
    if (!second) throw new Error('fixture changed: no second paragraph');
    const draft = buildClipDraft({ ...page, selection: selectionOf(page, second) }, 'selection');
    expectUsable(draft);
    expect(draft.kind).toBe('selection');
    expect(draft.fallback).toBeUndefined();
    expect(draft.quote?.exact).toBe(
      'The scheme, which began as a pilot in 2020, replaces normal meals with about 800 to 900 calories a day of specially made products for around 12 weeks, before food is slowly reintroduced.',
    );
    expect(draft.contentText).toBe(draft.quote?.exact);
    expect(draft.quote?.prefix).toBe('ffered a programme of soups and shakes designed to help put the condition into remission, health officials say. '.slice(-64).trimStart());
    expect(draft.quote?.suffix).toMatch(/^ Early results suggested about a third/);
    expect(draft.quote?.prefix.length).toBeLessThanOrEqual(64);
    expect(draft.quote?.suffix.length).toBeLessThanOrEqual(64);
    expect(draft.facts.title).toBe('Low-calorie diet programme for type 2 diabetes to be offered more widely');
  });

  it('squashes white space in the quote and its context', () => {
    const page = loadPage('<html><body><p>Before   the\n\n passage.</p><p id="s">Selected\n   words   here</p><p>After\tit.</p></body></html>', 'https://www.example.org/p');
    const target = page.doc.getElementById('s');
    if (!target) throw new Error('no #s');
    const { quote } = selectionOf(page, target);
    // The space between blocks stays in the context: it says the passage starts and ends on a word boundary.
    expect(quote).toEqual({ exact: 'Selected words here', prefix: 'Before the passage. ', suffix: ' After it.' });
  });

  it('keeps a selection that starts and ends inside text nodes of different elements', () => {
    const page = loadPage('<html><body><p id="a">Take one tablet daily</p><p id="b">with food and water.</p></body></html>', 'https://www.example.org/p');
    const a = page.doc.getElementById('a')?.firstChild;
    const b = page.doc.getElementById('b')?.firstChild;
    if (!a || !b) throw new Error('fixture');
    const range = page.doc.createRange();
    range.setStart(a, 5);
    range.setEnd(b, 9);
    // The quote is read in lib/anchor's text model: a block boundary separates words (Range.toString() would glue "dailywith").
    expect(describeTextQuote(range)).toEqual({ exact: 'one tablet daily with food', prefix: 'Take ', suffix: ' and water.' });
  });

  it('gives no quote for a selection without text', () => {
    const page = loadPage('<html><body><p id="a">  </p></body></html>', 'https://www.example.org/p');
    const range = page.doc.createRange();
    const a = page.doc.getElementById('a');
    if (!a) throw new Error('fixture');
    range.selectNodeContents(a);
    expect(describeTextQuote(range)).toBeUndefined();
  });

  it('sanitises the selected HTML', () => {
    const page = loadFixturePage('news-article.html');
    const draft = buildClipDraft(
      { ...page, selection: { quote: { exact: 'Quoted text', prefix: '', suffix: '' }, html: '<p onclick="alert(1)">Quoted <script>alert(2)</script>text</p>' } },
      'selection',
    );
    expect(draft.contentHtml).toBe('<p>Quoted text</p>');
  });

  it('falls back to escaped text when the selected HTML sanitises to nothing', () => {
    const page = loadFixturePage('news-article.html');
    const draft = buildClipDraft(
      { ...page, selection: { quote: { exact: 'a < b & c', prefix: '', suffix: '' }, html: '<script>alert(1)</script>' } },
      'selection',
    );
    expectUsable(draft);
    expect(draft.contentHtml).toBe('<p>a &lt; b &amp; c</p>');
  });

  it('saves the link, and says why, when nothing is selected', () => {
    const page = loadFixturePage('news-article.html');
    const draft = buildClipDraft(page, 'selection');
    expectUsable(draft);
    expect(draft.kind).toBe('link');
    expect(draft.fallback).toEqual({ reason: 'no-article', message: 'No text was selected, so we kept the link.' });
  });
});

describe('buildClipDraft: link mode', () => {
  it('keeps only the facts, even when there is an article and a selection', () => {
    const page = loadFixturePage('charity-guide.html');
    const lead = page.doc.querySelector('p.lead');
    if (!lead) throw new Error('fixture changed');
    const draft = buildClipDraft({ ...page, selection: selectionOf(page, lead) }, 'link');
    expectUsable(draft);
    expect(draft).toEqual({ kind: 'link', facts: draft.facts, fallback: undefined });
    expect(draft.facts.title).toBe('Hypos (low blood sugar)');
    expect(draft.facts.excerpt).toContain('A hypo is when your blood sugar drops too low');
  });
});

describe('buildClipDraft: fallbacks', () => {
  it('keeps the visible text of a page without an article, and says so', () => {
    const page = loadPage(SEARCH_PAGE, 'https://www.example.org/search?q=inhaler');
    const draft = buildClipDraft(page, 'article');
    expectUsable(draft);
    expect(draft.kind).toBe('article');
    expect(draft.fallback).toEqual({ reason: 'no-article', message: NO_ARTICLE_VISIBLE });
    expect(draft.contentText).toBe(
      ['Breathe Easy', 'Results for “inhaler”', 'Using a spacer', 'Brown inhalers', 'Blue inhalers', 'Page 1 of 3'].join('\n'),
    );
    expect(draft.contentText).not.toMatch(/secret|track\(|Hidden promo|Decorative|color:red|Enable JavaScript/);
    expect(draft.contentHtml).toBe('<p>Breathe Easy</p>\n<p>Results for “inhaler”</p>\n<p>Using a spacer</p>\n<p>Brown inhalers</p>\n<p>Blue inhalers</p>\n<p>Page 1 of 3</p>');
  });

  it('treats a long list of links (a forum index) as no article', () => {
    const threads = Array.from({ length: 30 }, (_, i) => `<li><a href="/threads/t.${i}/">Thread ${i}: questions about starting insulin and driving to work</a> <span>${i} replies</span></li>`).join('');
    const page = loadPage(`<html><head><title>Living with diabetes - Forum</title></head><body><main><h1>Living with diabetes</h1><ul>${threads}</ul></main></body></html>`, 'https://forum.example.org/forums/living-with-diabetes.5/');
    const draft = buildClipDraft(page, 'article');
    expectUsable(draft);
    expect(draft.fallback).toEqual({ reason: 'no-article', message: NO_ARTICLE_VISIBLE });
    expect(draft.contentText).toContain('Thread 29: questions about starting insulin and driving to work');
  });

  it('escapes markup-like text in the visible-text fallback', () => {
    const page = loadPage('<html><body><p>&lt;img src=x onerror=alert(1)&gt; &amp; "quotes"</p></body></html>', 'https://www.example.org/x');
    const draft = buildClipDraft(page, 'article');
    expect(draft.fallback?.message).toBe(NO_ARTICLE_VISIBLE);
    expect(draft.contentHtml).toBe('<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</p>');
  });

  it('keeps the selection instead when a page without an article has one', () => {
    const page = loadPage(SEARCH_PAGE, 'https://www.example.org/search?q=inhaler');
    const item = page.doc.querySelector('li');
    if (!item) throw new Error('fixture');
    const draft = buildClipDraft({ ...page, selection: selectionOf(page, item) }, 'article');
    expectUsable(draft);
    expect(draft.kind).toBe('selection');
    expect(draft.quote?.exact).toBe('Using a spacer');
    expect(draft.fallback).toEqual({ reason: 'no-article', message: NO_ARTICLE_SELECTION });
  });

  it('keeps the whole article, not the selection, when there is an article', () => {
    const page = loadFixturePage('nhs-condition-page.html');
    const h2 = page.doc.querySelector('h2');
    if (!h2) throw new Error('fixture');
    const draft = buildClipDraft({ ...page, selection: selectionOf(page, h2) }, 'article');
    expect(draft.kind).toBe('article');
    expect(draft.quote).toBeUndefined();
  });

  it('saves a link and says so when the page has more elements than the budget', () => {
    const page = loadFixturePage('nhs-condition-page.html');
    const draft = buildClipDraft(page, 'article', { maxElements: 50 });
    expectUsable(draft);
    expect(draft.kind).toBe('link');
    expect(draft.fallback).toEqual({ reason: 'too-large', message: TOO_LARGE });
    expect(draft.facts.title).toBe('Type 2 diabetes');
  });

  it('saves a link with its description when the page has no text at all', () => {
    const page = loadPage('<html><head><title>Image viewer</title><meta name="description" content="A scan"></head><body><img src="https://cdn.example/scan.png"><script>x()</script></body></html>', 'https://www.example.org/viewer');
    const draft = buildClipDraft(page, 'article');
    expectUsable(draft);
    expect(draft.kind).toBe('link');
    expect(draft.fallback).toEqual({ reason: 'no-article', message: NO_TEXT });
    expect(draft.facts).toMatchObject({ title: 'Image viewer', excerpt: 'A scan' });
  });

  it('saves a link for a document without a body', () => {
    const page = loadPage('<html><head><title>Empty</title></head></html>', 'https://www.example.org/empty');
    page.doc.body?.remove();
    const draft = buildClipDraft(page, 'article');
    expectUsable(draft);
    expect(draft.kind).toBe('link');
  });
});

describe('buildClipDraft: never an empty clip', () => {
  const pages: Array<[string, () => LoadedPage]> = [
    ...Object.keys(fixtureUrls()).map((name): [string, () => LoadedPage] => [name, () => loadFixturePage(name)]),
    ['search page', () => loadPage(SEARCH_PAGE, 'https://www.example.org/search?q=inhaler')],
    ['empty body', () => loadPage('<html><body></body></html>', 'https://www.example.org/')],
    ['white space only', () => loadPage('<html><body>  \n\t <div> </div></body></html>', 'https://www.example.org/')],
    ['scripts only', () => loadPage('<html><body><script>document.write("x")</script></body></html>', 'https://www.example.org/')],
    ['hidden text only', () => loadPage('<html><body><div hidden>Secret</div></body></html>', 'https://www.example.org/')],
  ];

  it.each(pages)('%s gives text, or a link with a reason, in every mode', (_name, load) => {
    for (const mode of ['article', 'selection', 'link'] as const) {
      for (const budget of [undefined, { maxElements: 5 }]) {
        const draft = buildClipDraft(load(), mode, budget);
        expectUsable(draft);
        if (mode !== 'link' && draft.kind === 'link') expect(draft.fallback?.message).toBeTruthy();
      }
    }
  });
});
