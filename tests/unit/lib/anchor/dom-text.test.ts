// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  anchorMany,
  anchorSelectors,
  collectTextNodes,
  describeRange,
  rangeFromOffsets,
  type HighlightSelectors,
} from '../../../../lib/anchor/dom-text';
import { describeTextQuote } from '../../../../lib/anchor/text-quote';

const PAGE = readFileSync(resolve(process.cwd(), 'tests/fixtures/pages/nhs-condition-page.html'), 'utf8');
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function load(html: string): Document {
  return new JSDOM(html).window.document;
}

/** A range from the start of `startText` in one element to the end of `endText` in another. */
function rangeBetween(doc: Document, startSelector: string, startText: string, endSelector: string, endText: string): Range {
  const map = collectTextNodes(doc.body);
  const startEl = doc.querySelector(startSelector);
  const endEl = doc.querySelector(endSelector);
  if (!startEl || !endEl) throw new Error('fixture changed');
  const start = map.text.indexOf(startText, map.text.indexOf(startEl.textContent ?? ''));
  const endAt = map.text.indexOf(endText, map.text.indexOf(endEl.textContent ?? ''));
  return rangeFromOffsets(doc, map, start, endAt + endText.length);
}

/** The selectors `describeRange` saves for a range of the page body. */
function save(doc: Document, range: Range): HighlightSelectors {
  const selectors = describeRange(doc.body, range);
  if (!selectors) throw new Error('nothing selected');
  return selectors;
}

const SYMPTOM_SENTENCE = 'See a GP if you have any of these symptoms, or you are worried you may have a higher chance of getting type 2 diabetes.';

describe('collectTextNodes', () => {
  it('reads the page text in order and skips script, style, noscript and template', () => {
    const doc = load(
      '<body><p>One <b>two</b></p><script>var x = 1;</script><style>p{}</style><noscript>no js</noscript><template>tpl</template><p>three</p></body>',
    );
    const map = collectTextNodes(doc.body);
    // A virtual line break keeps "two" and "three" apart: they are in different blocks.
    expect(map.text).toBe('One two\nthree');
    expect(map.nodes.map((n) => n.data)).toEqual(['One ', 'two', 'three']);
    expect(map.starts).toEqual([0, 4, 8]);
  });

  it('skips the JSON-LD and analytics scripts of the fixture page', () => {
    const map = collectTextNodes(load(PAGE).documentElement);
    expect(map.text).not.toContain('MedicalWebPage');
    expect(map.text).not.toContain('dataLayer');
    expect(map.text).toContain('Type 2 diabetes is a common condition');
  });
});

describe('rangeFromOffsets', () => {
  it('maps offsets back to text nodes, across elements', () => {
    const doc = load('<body><p>One <b>two</b></p><p>three</p></body>');
    const map = collectTextNodes(doc.body);
    expect(rangeFromOffsets(doc, map, 2, 10).toString()).toBe('e twoth');
    // An offset on the virtual separator maps to the nearest real boundary inside the span.
    expect(rangeFromOffsets(doc, map, 7, 10).toString()).toBe('th');
    expect(rangeFromOffsets(doc, map, 4, 8).toString()).toBe('two');
    expect(rangeFromOffsets(doc, map, 4, 7).toString()).toBe('two');
    expect(() => rangeFromOffsets(doc, map, 5, 99)).toThrow(RangeError);
  });
});

describe('describeRange → anchorSelectors on the NHS fixture page', () => {
  it.each([
    ['inside one paragraph', '#symptoms p:nth-of-type(2)', 'See a GP', '#symptoms p:nth-of-type(2)', 'type 2 diabetes.'],
    ['from a heading into its paragraph', '#treatment h2', 'How type 2', '#treatment p', 'manage your blood sugar.'],
    ['across two sections', '#overview p:nth-of-type(2)', 'Many people', '#symptoms p', 'Common symptoms include'],
  ])('round-trips a range %s', (_name, startSel, startText, endSel, endText) => {
    const doc = load(PAGE);
    const range = rangeBetween(doc, startSel, startText, endSel, endText);
    const selectors = save(doc, range);
    expect(selectors.quote.exact).toBe(collapse(range.toString()));
    expect(selectors.quote.prefix.length).toBeGreaterThanOrEqual(32);
    expect(selectors.quote.prefix.length).toBeLessThanOrEqual(64);
    expect(selectors.quote.suffix.length).toBeGreaterThanOrEqual(32);
    expect(selectors.quote.suffix.length).toBeLessThanOrEqual(64);

    const anchored = anchorSelectors(load(PAGE).body, selectors);
    expect(anchored?.exactMatch).toBe(true);
    expect(anchored?.changedText).toBeUndefined();
    expect(collapse(anchored?.range.toString() ?? '')).toBe(collapse(range.toString()));
  });

  it('describes a range whose boundaries sit on elements, not text', () => {
    const doc = load(PAGE);
    const p = doc.querySelector('#treatment p');
    if (!p) throw new Error('fixture changed');
    const range = doc.createRange();
    range.selectNodeContents(p);
    const selectors = save(doc, range);
    expect(selectors.quote.exact).toMatch(/^Eating a healthy, balanced diet.*called metformin\.$/);
    expect(anchorSelectors(doc.body, selectors)?.exactMatch).toBe(true);
  });

  const edits: [string, (html: string) => string, { exactMatch: boolean; text: string }][] = [
    [
      'a word changed in the sentence',
      (html) => html.replace('you are worried you may have', 'you are concerned you may have'),
      { exactMatch: false, text: SYMPTOM_SENTENCE.replace('worried', 'concerned') },
    ],
    [
      'an element inserted before it',
      (html) => html.replace('<section id="symptoms">', '<aside><p>Important: this page was updated.</p></aside><section id="symptoms">'),
      { exactMatch: true, text: SYMPTOM_SENTENCE },
    ],
    [
      'a paragraph inserted right before it',
      (html) => html.replace('<p>See a GP', '<p>Call 111 if you feel very unwell.</p>\n<p>See a GP'),
      { exactMatch: true, text: SYMPTOM_SENTENCE },
    ],
    [
      'whitespace reflowed and inline markup added',
      (html) =>
        html
          .replace('See a GP if you have any of these symptoms,', 'See a <strong>GP</strong> if you have\n            any of these symptoms,')
          .replace(/\n\s+/g, '\n'),
      { exactMatch: true, text: SYMPTOM_SENTENCE },
    ],
    [
      'a word changed, an element inserted before and whitespace reflowed together',
      (html) =>
        html
          .replace('<section id="overview">', '<div class="banner">Coronavirus advice</div><section id="overview">')
          .replace('you are worried you may have', 'you are\n   concerned you may have'),
      { exactMatch: false, text: SYMPTOM_SENTENCE.replace('worried', 'concerned') },
    ],
  ];

  it.each(edits)('still anchors after %s', (_name, edit, expected) => {
    const original = load(PAGE);
    const selectors = save(original, rangeBetween(original, '#symptoms p:nth-of-type(2)', 'See a GP', '#symptoms p:nth-of-type(2)', 'type 2 diabetes.'));
    const anchored = anchorSelectors(load(edit(PAGE)).body, selectors);
    expect(anchored).toBeDefined();
    expect(anchored?.exactMatch).toBe(expected.exactMatch);
    expect(collapse(anchored?.range.toString() ?? '')).toBe(expected.text);
    if (!expected.exactMatch) expect(anchored?.changedText).toBe(expected.text);
  });

  it.each([
    ['the sentence removed', (html: string) => html.replace(/<p>See a GP.*?<\/p>/s, '')],
    ['the sentence rewritten', (html: string) => html.replace(/See a GP.*?type 2 diabetes\./s, 'Speak to your doctor about any symptoms that worry you.')],
    ['the time frame changed (2 to 3 months → 6 months)', (html: string) => html.replace('over the last 2 to 3 months', 'over the last 6 months')],
  ])('returns undefined after %s', (_name, edit) => {
    const original = load(PAGE);
    const quoted = rangeBetween(original, '#symptoms p:nth-of-type(2)', 'See a GP', '#symptoms p:nth-of-type(2)', 'last 2 to 3 months.');
    const selectors = save(original, quoted);
    expect(anchorSelectors(load(edit(PAGE)).body, selectors)).toBeUndefined();
  });
});

describe('anchorMany: quotes saved in the older, glued text model', () => {
  it('still finds a quote whose words were glued across blocks, exactly', () => {
    const doc = load('<body><p>Take one tablet daily</p><p>with food and water.</p></body>');
    const [found] = anchorMany(doc.body, [{ quote: { exact: 'one tablet dailywith food', prefix: 'Take ', suffix: ' and water.' }, position: { start: 5, end: 30 } }]);
    expect(found?.exactMatch).toBe(true);
    expect(found?.range.toString()).toBe('one tablet dailywith food');
  });

  it('never places an old quote on text that is hidden now', () => {
    const doc = load('<body><p>Visible advice.</p><p hidden>Secret dose advice for staff only.</p></body>');
    const [found] = anchorMany(doc.body, [{ quote: { exact: 'Secret dose advice for staff only.', prefix: 'Visible advice.', suffix: '' } }]);
    expect(found).toBeUndefined();
  });

  it('prefers the current model: a quote saved with separators is found as before', () => {
    const doc = load('<body><p>Take one tablet daily</p><p>with food and water.</p></body>');
    const saved = save(doc, rangeFromOffsets(doc, collectTextNodes(doc.body), 5, 31));
    expect(saved.quote.exact).toBe('one tablet daily with food');
    expect(anchorSelectors(load('<body><p>Take one tablet daily</p><p>with food and water.</p></body>').body, saved)?.exactMatch).toBe(true);
  });
});

/** A deterministic pseudo-random generator, so the generated page is the same every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = (
  'blood sugar insulin tablet dose doctor nurse pharmacist symptoms treatment diet exercise kidney heart eyes feet ' +
  'check test result level glucose weight family history support course appointment medicine side effect daily water ' +
  'food morning evening rest sleep pain fever cough rash infection vaccine allergy asthma inhaler spacer'
).split(' ');

describe('performance sanity (not a timed assertion)', () => {
  it('anchors 100 quotes on about 1 MB of generated page text', () => {
    const rand = seeded(42);
    const word = () => WORDS[Math.floor(rand() * WORDS.length)] ?? 'text';
    const paragraphs: string[] = [];
    let size = 0;
    while (size < 1_000_000) {
      const sentence = Array.from({ length: 12 + Math.floor(rand() * 12) }, word).join(' ');
      const p = `<p>Paragraph ${paragraphs.length}: ${sentence}.\n    ${Array.from({ length: 15 }, word).join(' ')}.</p>\n`;
      paragraphs.push(p);
      size += p.length;
    }
    const doc = load(`<!DOCTYPE html><body><main>${paragraphs.join('')}</main></body>`);
    const map = collectTextNodes(doc.body);
    expect(map.text.length).toBeGreaterThan(900_000);

    // 100 quotes spread over the page; every fourth one's page text then changes slightly.
    const selectors: HighlightSelectors[] = [];
    for (let i = 0; i < 100; i++) {
      const start = map.text.indexOf(`Paragraph ${Math.floor((i * paragraphs.length) / 100)}:`);
      const end = map.text.indexOf('.', start + 1) + 1;
      const quote = describeTextQuote(map.text, { start, end });
      if (!quote) throw new Error('empty quote');
      selectors.push({ quote, position: { start, end } });
    }
    for (let i = 0; i < 100; i += 4) {
      const label = `Paragraph ${Math.floor((i * paragraphs.length) / 100)}:`;
      const node = map.nodes.find((n) => n.data.startsWith(label));
      if (!node) throw new Error(`no ${label}`);
      node.data = node.data.replace(': ', ' - '); // a small change that touches no number, unit or negation
    }

    const t0 = performance.now();
    const results = anchorMany(doc.body, selectors);
    const elapsed = performance.now() - t0;
    console.log(`anchorMany: 100 quotes over ${map.text.length} characters in ${elapsed.toFixed(1)} ms`);

    const found = results.map((r, i) => ({
      i,
      found: r !== undefined,
      exact: r?.exactMatch,
      text: collapse(r?.range.toString() ?? '').slice(0, 20),
    }));
    expect(found.filter((r) => !r.found).map((r) => r.i)).toEqual([]);
    expect(found.filter((r) => r.exact === false).map((r) => r.i)).toEqual(Array.from({ length: 25 }, (_, k) => k * 4));
    for (const r of found) {
      const label = `Paragraph ${Math.floor((r.i * paragraphs.length) / 100)}`;
      expect(r.text.startsWith(r.i % 4 === 0 ? `${label} -` : `${label}:`)).toBe(true);
    }
  });
});
