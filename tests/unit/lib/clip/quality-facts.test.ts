// @vitest-environment jsdom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTextDate } from '../../../../lib/clip/dates';
import { collectQualityFacts } from '../../../../lib/clip/quality-facts';
import { qualityFactsSchema } from '../../../../lib/model/quality-facts';
import { loadPage } from '../../../helpers/pages';

const UK = 'https://www.example.org.uk/health/asthma';
const US = 'https://www.example.gov/health/asthma';

function facts(body: string, url = UK, head = '') {
  const page = loadPage(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`, url);
  const result = collectQualityFacts(page.doc, url);
  expect(qualityFactsSchema.safeParse(result).success).toBe(true);
  return result;
}

describe('parseTextDate', () => {
  it.each([
    ['5 December 2023', 'dmy', '2023-12-05'],
    ['5th Dec. 2023', 'dmy', '2023-12-05'],
    ['December 5, 2023', 'dmy', '2023-12-05'],
    ['Feb 19 2016', 'mdy', '2016-02-19'],
    ['05/12/2023', 'dmy', '2023-12-05'],
    ['05/12/2023', 'mdy', '2023-05-12'],
    ['23/10/2013', 'mdy', '2013-10-23'],
    ['5.12.2023', 'dmy', '2023-12-05'],
    ['July 2012', 'dmy', '2012-07-01'],
    ['Sept 2024', 'dmy', '2024-09-01'],
    ['2023-12-05 and more', 'dmy', '2023-12-05'],
  ] as const)('reads "%s" (%s)', (raw, order, day) => {
    expect(parseTextDate(raw, order)?.date).toBe(`${day}T00:00:00.000Z`);
  });

  it.each(['31/02/2023', 'soon', '13/13/2023', 'March', '1899-01-01'])('gives nothing for "%s"', (raw) => {
    expect(parseTextDate(raw)).toBeUndefined();
  });
});

describe('collectQualityFacts: review dates in text', () => {
  it('reads the nhs.uk review block', () => {
    const f = facts('<main><p>Text</p><p class="nhsuk-body-s">Page last reviewed: 15 March 2021<br>Next review due: 15 March 2024</p></main>');
    expect(f.lastReviewed).toEqual({ date: '2021-03-15T00:00:00.000Z', source: 'text', text: 'Page last reviewed: 15 March 2021' });
    expect(f.nextReview).toEqual({ date: '2024-03-15T00:00:00.000Z', source: 'text', text: 'Next review due: 15 March 2024' });
  });

  it('reads a CDC date in US order, with the date in its own element', () => {
    const f = facts('<div>Page last reviewed: <span>February 19, 2016</span></div><p>Content source: Division</p>', US);
    expect(f.lastReviewed?.date).toBe('2016-02-19T00:00:00.000Z');
  });

  it('reads NHS Lothian "Last Reviewed: 23/10/2013"', () => {
    expect(facts('<p>Last Reviewed: 23/10/2013</p>').lastReviewed?.date).toBe('2013-10-23T00:00:00.000Z');
  });

  it('reads Diabetes UK "Reviewed: July 2012 / Next review"', () => {
    const f = facts('<p>Reviewed: July 2012</p><p>Next review: July 2015</p>');
    expect(f.lastReviewed?.date).toBe('2012-07-01T00:00:00.000Z');
    expect(f.nextReview?.date).toBe('2015-07-01T00:00:00.000Z');
  });

  it('reads numeric dates in UK order on UK sites and US order on .gov sites', () => {
    expect(facts('<p>Last updated: 05/12/2023</p>').updated?.date).toBe('2023-12-05T00:00:00.000Z');
    expect(facts('<p>Last updated: 05/12/2023</p>', US).updated?.date).toBe('2023-05-12T00:00:00.000Z');
  });

  it('reads Rethink-style "Last updated / Next update"', () => {
    const f = facts('<p>Last updated: 01/06/2022</p><p>Next update: 01/06/2025</p>');
    expect(f.updated?.date).toBe('2022-06-01T00:00:00.000Z');
    expect(f.nextReview?.date).toBe('2025-06-01T00:00:00.000Z');
  });

  it('does not take "Next review date" for the last-reviewed date', () => {
    const f = facts('<p>Next review date: 1 May 2026</p>');
    expect(f.lastReviewed).toBeUndefined();
    expect(f.nextReview?.date).toBe('2026-05-01T00:00:00.000Z');
  });
});

describe('collectQualityFacts: other facts', () => {
  it('says where each date came from: JSON-LD, meta, <time>, the address', () => {
    const ld = JSON.stringify({ '@type': 'Article', datePublished: '2024-01-02', dateModified: '2024-02-03', author: { '@type': 'Person', name: 'Dr Ann Lee' }, reviewedBy: { '@type': 'Person', name: 'Prof Ben Ho' } });
    const f = facts('<p>x</p>', UK, `<script type="application/ld+json">${ld}</script>`);
    expect(f).toMatchObject({ author: 'Dr Ann Lee', reviewer: 'Prof Ben Ho', published: { source: 'json-ld' }, updated: { source: 'json-ld' } });
    expect(facts('<p>x</p>', UK, '<meta property="article:published_time" content="2024-01-02T10:00:00Z">').published?.source).toBe('meta');
    expect(facts('<article><time datetime="2024-01-02">2 Jan</time></article>').published?.source).toBe('time-element');
    expect(facts('<p>x</p>', 'https://blog.example/2021/06/30/post/').published).toMatchObject({ source: 'url', date: '2021-06-30T00:00:00.000Z' });
  });

  it('finds a reviewer in text', () => {
    expect(facts('<p>Medically reviewed by Dr Jane Smith, MD \u2014 Written by Tom</p>').reviewer).toBe('Dr Jane Smith, MD');
  });

  it('counts references under a heading and DOIs', () => {
    expect(facts('<h2>References</h2><ol><li>a</li><li>b</li><li>c</li></ol>').referencesCount).toBe(3);
    expect(facts('<p>See 10.1000/abc1 and 10.1000/abc2.</p>').referencesCount).toBe(2);
    expect(facts('<p>No sources.</p>').referencesCount).toBe(0);
  });

  it('notices adverts and sponsorship statements', () => {
    const f = facts('<ins class="adsbygoogle"></ins><p>This page is sponsored by Acme Pharma Ltd.</p>');
    expect(f.hasAdverts).toBe(true);
    expect(f.sponsorship).toEqual(['sponsored by Acme Pharma Ltd']);
    expect(facts('<p>Plain</p>').hasAdverts).toBe(false);
  });

  it('reads charity numbers only with their context', () => {
    const f = facts('<footer>Cancer Research UK is a registered charity in England and Wales (1089464), Scotland (SC041666) and the Isle of Man (1103). Company no. SC123456.</footer>');
    expect(f.charityNumbers).toEqual(['England and Wales 1089464', 'Scotland SC041666']);
    expect(facts('<footer>Registered in Scotland, company number SC123456. Call 0141 1234567.</footer>').charityNumbers).toEqual([]);
    expect(facts('<footer>Registered Charity No. 1060508 \u00b7 NIC101788</footer>').charityNumbers).toEqual(['England and Wales 1060508', 'Northern Ireland NIC101788']);
  });
});

/** nhs.uk JSON-LD (NHS Website Content API sandbox) wrapped into pages: every review date must come out. */
const NHS_API = resolve(process.cwd(), '../shared/corpus/nhs-api');
const haveCorpus = existsSync(NHS_API);
if (!haveCorpus) console.warn(`quality-facts: ${NHS_API} not found, so the nhs-api review-date test was not run.`);

describe.skipIf(!haveCorpus)('collectQualityFacts on nhs.uk JSON-LD (corpus/nhs-api)', () => {
  const files = haveCorpus ? readdirSync(NHS_API).filter((f) => f.endsWith('.json')) : [];

  it.each(files)('%s: lastReviewed pair read as last reviewed + next review', (file) => {
    const raw = readFileSync(resolve(NHS_API, file), 'utf8');
    const json: unknown = JSON.parse(raw);
    const reviewed = typeof json === 'object' && json !== null && 'lastReviewed' in json ? json.lastReviewed : undefined;
    const html = `<html lang="en"><head><script type="application/ld+json">${raw.replace(/</g, '\\u003c')}</script></head><body><main><p>NHS</p></main></body></html>`;
    const page = loadPage(html, 'https://www.nhs.uk/');
    const f = collectQualityFacts(page.doc, 'https://www.nhs.uk/');
    expect(qualityFactsSchema.safeParse(f).success).toBe(true);
    if (Array.isArray(reviewed)) {
      expect(f.lastReviewed?.source).toBe('json-ld');
      expect(f.lastReviewed?.date.slice(0, 10)).toBe(String(reviewed[0]).slice(0, 10));
      if (reviewed.length > 1) expect(f.nextReview?.date.slice(0, 10)).toBe(String(reviewed[1]).slice(0, 10));
    } else {
      expect(f.lastReviewed).toBeUndefined();
    }
  });
});
