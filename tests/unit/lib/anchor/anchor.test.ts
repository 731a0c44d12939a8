// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe as group, expect, it } from 'vitest';
import { anchor, anchorAll, describe, type Anchored, type Selector } from '../../../../lib/anchor/index';
import { collectTextNodes, isBlock, offsetsOfRange, rangeFromOffsets, trimSpan } from '../../../../lib/anchor/text-model';
import { selectorsSchema, type TextQuoteSelector } from '../../../../lib/model/selectors';
import { fixtureUrls, loadFixturePage } from '../../../helpers/pages';

function body(html: string): { doc: Document; root: HTMLElement } {
  const doc = new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window.document;
  return { doc, root: doc.body };
}

/** Selectors for the `nth` occurrence of `words` in the page text. */
function describeWords(html: string, words: string, nth = 0): Selector[] {
  const { doc, root } = body(html);
  const map = collectTextNodes(root);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = map.text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`"${words}" is not on the page`);
  const selectors = describe(root, rangeFromOffsets(doc, map, at, at + words.length));
  if (!selectors) throw new Error('no selectors');
  return selectors;
}

/** Where an anchor landed: the page text before it and the text it covers (whitespace at its ends left out). */
function placed(root: Element, anchored: Anchored | null): { before: string; text: string } | null {
  if (!anchored) return null;
  const map = collectTextNodes(root);
  const raw = offsetsOfRange(map, anchored.range);
  const { start, end } = trimSpan(map.text, raw.start, raw.end);
  return { before: map.text.slice(0, start).replace(/\s+/g, ' '), text: map.text.slice(start, end).replace(/\s+/g, ' ') };
}

const quoteOf = (selectors: readonly Selector[]) => selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');

group('describe', () => {
  const PAGE = '<main><h1>Hypos</h1><p>A hypo is when your blood sugar drops below 4 mmol/l. It can come on quickly, so know the signs and treat it straight away.</p><p>Common signs are feeling shaky, sweating and feeling hungry.</p></main>';

  it('gives a quote with context, its text position and a W3C RangeSelector, all valid stored selectors', () => {
    const selectors = describeWords(PAGE, 'It can come on quickly');
    expect(selectors).toEqual([
      { type: 'TextQuoteSelector', exact: 'It can come on quickly', prefix: 'Hypos A hypo is when your blood sugar drops below 4 mmol/l. ', suffix: ', so know the signs and treat it straight away. Common signs are' },
      { type: 'TextPositionSelector', start: 60, end: 82 },
      {
        type: 'RangeSelector',
        startSelector: { type: 'XPathSelector', value: '/main[1]/p[1]', refinedBy: { type: 'TextPositionSelector', start: 54, end: 54 } },
        endSelector: { type: 'XPathSelector', value: '/main[1]/p[1]', refinedBy: { type: 'TextPositionSelector', start: 76, end: 76 } },
      },
    ]);
    expect(selectorsSchema.safeParse(selectors).success).toBe(true);
  });

  it('keeps up to 64 characters of context, and at least 32 where the page has them', () => {
    const [quote] = describeWords(PAGE, 'Common signs');
    expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: 'Common signs' });
    if (quote?.type !== 'TextQuoteSelector') throw new Error('no quote');
    expect(quote.prefix.length).toBeGreaterThanOrEqual(32);
    expect(quote.prefix.length).toBeLessThanOrEqual(64);
    expect(quote.prefix).toMatch(/ straight away\. $/);
    expect(quote.suffix).toBe(' are feeling shaky, sweating and feeling hungry.');
  });

  it('leaves out whitespace at the ends of the range', () => {
    const { doc, root } = body('<p>one</p>\n\n<p>two three</p>');
    const range = doc.createRange();
    range.setStart(root, 0);
    range.setEnd(root.querySelectorAll('p')[1]?.firstChild ?? root, 3);
    const selectors = describe(root, range);
    expect(selectors?.[0].exact).toBe('one two');
    expect(selectors?.[1]).toEqual({ type: 'TextPositionSelector', start: 0, end: 8 });
  });

  it.each([
    ['a collapsed range', (doc: Document, root: Element) => rangeFromOffsets(doc, collectTextNodes(root), 2, 2)],
    ['whitespace only', (doc: Document, root: Element) => {
      const r = doc.createRange();
      r.selectNodeContents(root.querySelector('#blank') ?? root);
      return r;
    }],
    ['hidden text only', (doc: Document, root: Element) => {
      const r = doc.createRange();
      r.selectNodeContents(root.querySelector('[hidden]') ?? root);
      return r;
    }],
    ['outside the root', (doc: Document) => {
      const r = doc.createRange();
      r.selectNodeContents(doc.querySelector('#outside') ?? doc);
      return r;
    }],
  ])('gives nothing for %s', (_name, makeRange) => {
    const { doc } = body('<div id="root"><p>Some text</p><p id="blank">   </p><p hidden>Secret</p></div><p id="outside">Elsewhere</p>');
    const root = doc.getElementById('root');
    if (!root) throw new Error('fixture');
    expect(describe(root, makeRange(doc, root))).toBeUndefined();
  });
});

group('describe → anchor on every fixture page', () => {
  const pages = Object.keys(fixtureUrls()).filter((name) => name.endsWith('.html'));

  it.each(pages)('%s: every block of text round-trips exactly, cheaply and by quote alone', (name) => {
    const original = loadFixturePage(name);
    const root = original.doc.body;
    const blocks = [...root.querySelectorAll('*')].filter(
      (el) => isBlock(el) && ![...el.querySelectorAll('*')].some(isBlock) && (el.textContent ?? '').trim().length >= 20,
    );
    expect(blocks.length).toBeGreaterThan(0);
    const described = blocks.map((el) => {
      const range = original.doc.createRange();
      range.selectNodeContents(el);
      const selectors = describe(root, range);
      if (!selectors) throw new Error(`no selectors for ${el.tagName}`);
      return { selectors, where: placed(root, { range, exact: true }) };
    });
    const again = loadFixturePage(name).doc.body;
    const found = anchorAll(again, described.map((d) => d.selectors));
    expect(found.map((f, i) => ({ exact: f?.exact, where: placed(again, f) ?? described[i]?.where }))).toEqual(
      described.map((d) => ({ exact: true, where: d.where })),
    );
    // The quote alone (no positions), as an imported highlight might carry, finds the same places
    // unless the block's text occurs more than once on the page.
    const byQuote = anchorAll(again, described.map((d) => d.selectors.filter((s) => s.type === 'TextQuoteSelector')));
    byQuote.forEach((f, i) => {
      if (f) expect(placed(again, f)).toEqual(described[i]?.where);
    });
    expect(byQuote.filter(Boolean).length).toBeGreaterThan(0.8 * described.length);
  });
});

/** A page and an edit of it, and where the passage must (or must not) be found. */
interface AnchorCase {
  page: string;
  passage: string;
  /** Which occurrence of the passage is highlighted (0: the first). */
  nth?: number;
  edit: (html: string) => string;
  /** Tamper with the stored selectors (stale or hostile positions). */
  selectors?: (s: Selector[]) => Selector[];
  expected: null | { text: string; before: string; exact: boolean; changedText?: string };
}

const ARTICLE =
  '<main><h1>Metformin</h1>' +
  '<p>Metformin is used to treat type 2 diabetes. It lowers the amount of sugar your liver releases into your blood.</p>' +
  '<p>Take your tablets with a meal to reduce side effects such as feeling sick. Swallow them whole with a drink of water.</p>' +
  '<p>The usual starting dose is 500 mg once a day. Your doctor may increase it slowly over several weeks.</p>' +
  '<p>This medicine is safe to take in pregnancy if your doctor advises it.</p></main>';

const TAKE = 'Take your tablets with a meal to reduce side effects such as feeling sick.';

const cases: Record<string, AnchorCase> = {
  'unchanged: exact, at the same place': {
    page: ARTICLE,
    passage: TAKE,
    edit: (h) => h,
    expected: { text: TAKE, before: 'Metformin Metformin is used to treat type 2 diabetes. It lowers the amount of sugar your liver releases into your blood. ', exact: true },
  },
  'paragraph inserted before: the stale positions are rejected, the quote found': {
    page: ARTICLE,
    passage: TAKE,
    edit: (h) => h.replace('<h1>Metformin</h1>', '<h1>Metformin</h1><p>Updated in May: new advice on taking it.</p>'),
    expected: { text: TAKE, before: 'Metformin Updated in May: new advice on taking it. Metformin is used to treat type 2 diabetes. It lowers the amount of sugar your liver releases into your blood. ', exact: true },
  },
  'positions tampered to point at other words: ignored, the quote found': {
    page: ARTICLE,
    passage: TAKE,
    edit: (h) => h,
    selectors: (s) =>
      s.map((x) =>
        x.type === 'TextPositionSelector'
          ? { ...x, start: 10, end: 40 }
          : x.type === 'RangeSelector'
            ? { ...x, startSelector: { ...x.startSelector, value: '/main[1]/p[3]' }, endSelector: { ...x.endSelector, value: '/main[1]/p[3]' } }
            : x,
      ),
    expected: { text: TAKE, before: 'Metformin Metformin is used to treat type 2 diabetes. It lowers the amount of sugar your liver releases into your blood. ', exact: true },
  },
  'a word changed inside: found, flagged with the new wording': {
    page: ARTICLE,
    passage: TAKE,
    edit: (h) => h.replace('reduce side effects', 'lessen side effects'),
    expected: {
      text: TAKE.replace('reduce', 'lessen'),
      before: 'Metformin Metformin is used to treat type 2 diabetes. It lowers the amount of sugar your liver releases into your blood. ',
      exact: false,
      changedText: TAKE.replace('reduce', 'lessen'),
    },
  },
  'a short phrase with one word replaced, its context intact: found, flagged': {
    page: ARTICLE,
    passage: 'feeling sick',
    edit: (h) => h.replace('feeling sick', 'feeling queasy'),
    expected: {
      text: 'feeling queasy',
      before: 'Metformin Metformin is used to treat type 2 diabetes. It lowers the amount of sugar your liver releases into your blood. Take your tablets with a meal to reduce side effects such as ',
      exact: false,
      changedText: 'feeling queasy',
    },
  },
  'the dose changed (500 mg → 250 mg): not found': {
    page: ARTICLE,
    passage: 'The usual starting dose is 500 mg once a day.',
    edit: (h) => h.replace('500 mg', '250 mg'),
    expected: null,
  },
  'a short dose phrase, dose changed and the old one elsewhere: not found': {
    page: ARTICLE,
    passage: '500 mg once a day',
    edit: (h) => h.replace('500 mg once a day', '850 mg once a day').replace('</main>', '<p>Tablets come in 500 mg once a day and slow-release forms.</p></main>'),
    expected: null,
  },
  '"safe" became "unsafe": not found': {
    page: ARTICLE,
    passage: 'This medicine is safe to take in pregnancy if your doctor advises it.',
    edit: (h) => h.replace('is safe to take', 'is unsafe to take'),
    expected: null,
  },
  'the passage removed: not found': {
    page: ARTICLE,
    passage: TAKE,
    edit: (h) => h.replace(TAKE, ''),
    expected: null,
  },
  'two identical paragraphs and no positions: ambiguous, not found': {
    page: '<p>Intro.</p><p>Drink plenty of water and rest.</p><p>Drink plenty of water and rest.</p><p>Intro.</p>',
    passage: 'Drink plenty of water and rest.',
    nth: 1,
    edit: (h) => h,
    selectors: (s) => s.filter((x) => x.type === 'TextQuoteSelector').map((x) => ({ ...x, prefix: '', suffix: '' })),
    expected: null,
  },
  'the paragraph copied right after itself: the original, at its stored place': {
    page: ARTICLE,
    passage: 'Swallow them whole with a drink of water.',
    edit: (h) => h.replace(/(<p>Take your tablets.*?<\/p>)/, '$1$1'),
    expected: {
      text: 'Swallow them whole with a drink of water.',
      before: 'Metformin Metformin is used to treat type 2 diabetes. It lowers the amount of sugar your liver releases into your blood. Take your tablets with a meal to reduce side effects such as feeling sick. ',
      exact: true,
    },
  },
  'a short phrase removed, the same words right next to where it was: not found': {
    page: '<h2>Living with type 2 diabetes</h2><p>Having type 2 diabetes means you will need to look after your health.</p>',
    passage: 'type 2 diabetes',
    nth: 1,
    edit: (h) => h.replace('Having type 2 diabetes means', 'Having means'),
    expected: null,
  },
  'a title removed, its words left only in a comment header far away: not found': {
    page: `<h1>One year with type 2 diabetes: what I wish I had known</h1><p>${'A year ago this week I was told I had type 2 diabetes. '.repeat(20)}</p><h3>2 thoughts on “One year with type 2 diabetes: what I wish I had known”</h3>`,
    passage: 'One year with type 2 diabetes: what I wish I had known',
    edit: (h) => h.replace('<h1>One year with type 2 diabetes: what I wish I had known</h1>', ''),
    expected: null,
  },
};

group('anchor', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, () => {
      let selectors = describeWords(c.page, c.passage, c.nth);
      if (c.selectors) selectors = c.selectors(selectors);
      const { root } = body(c.edit(c.page));
      const anchored = anchor(root, selectors);
      if (c.expected === null) {
        expect(placed(root, anchored)).toBeNull();
        return;
      }
      expect(placed(root, anchored)).toEqual({ before: c.expected.before, text: c.expected.text });
      expect(anchored?.exact).toBe(c.expected.exact);
      expect(anchored?.changedText).toBe(c.expected.changedText);
    });
  }

  it('needs a quote: positions alone are never trusted', () => {
    const selectors = describeWords(ARTICLE, TAKE).filter((s) => s.type !== 'TextQuoteSelector');
    expect(anchor(body(ARTICLE).root, selectors)).toBeNull();
  });

  it('anchorAll reads the page once and lines results up with the selector sets', () => {
    const sets = [describeWords(ARTICLE, TAKE), describeWords(ARTICLE, 'The usual starting dose is 500 mg once a day.')];
    const { root } = body(ARTICLE.replace('500 mg', '1,000 mg'));
    const found = anchorAll(root, sets);
    expect(found).toHaveLength(2);
    expect(placed(root, found[0] ?? null)?.text).toBe(TAKE);
    expect(found[1]).toBeNull();
    expect(quoteOf(sets[1] ?? [])?.exact).toContain('500 mg');
  });
});
