import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseBookmarks } from '../../../../lib/exchange/bookmarks';
import { readLinkFile } from '../../../../lib/exchange/link-file';
import { draftsToLinkClips, describeSkipped, linkDraftSchema, type ParsedLinks } from '../../../../lib/exchange/link-drafts';

const NOW = new Date('2026-11-24T10:00:00Z');
const parseHtml = (html: string) => new JSDOM(html).window.document;
const fixture = (name: string) => readFileSync(resolve('tests/fixtures/other-tools', name), 'utf8');

function parse(html: string): ParsedLinks {
  const result = parseBookmarks(parseHtml(html), { now: NOW });
  if (!result.ok) throw new Error(result.error.message);
  for (const draft of result.value.drafts) expect(linkDraftSchema.safeParse(draft).success).toBe(true);
  return result.value;
}
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe('bookmarks files (Netscape format, Pocket, Raindrop)', () => {
  it('reads a Chrome export: nested folders become tags, the bookmarks bar does not, bookmarklets are left out', () => {
    const { drafts, skipped } = parse(fixture('chrome-bookmarks.html'));
    expect(drafts).toEqual([
      { url: 'https://www.nhs.uk/conditions/type-2-diabetes/', title: 'Type 2 diabetes - NHS', tags: [], note: '', savedAt: iso(1700000100) },
      {
        url: 'https://www.diabetes.org.uk/guide-to-diabetes?utm_source=newsletter&utm_medium=email',
        title: 'Guide to diabetes | Diabetes UK',
        tags: ['diabetes'],
        note: '',
        savedAt: iso(1700000400),
      },
      { url: 'https://www.bbc.co.uk/food/diets/diabetes', title: 'Diabetes-friendly recipes - BBC Food', tags: ['diabetes', 'food & recipes'], note: '', savedAt: iso(1700000500) },
      // ADD_DATE="0" is not a sane date: no saved date rather than 1970.
      { url: 'https://forum.diabetes.org.uk/boards/threads/hba1c-went-up.98765/', title: 'HbA1c went up | Diabetes UK Forum', tags: [], note: '' },
    ]);
    expect(skipped).toEqual({ notWeb: 2 });
    expect(describeSkipped(skipped)).toMatch(/^Left out: 2 not a web page address/);
  });

  it('reads a Firefox export: TAGS, folder and bookmark descriptions, place: queries and data: links left out', () => {
    const { drafts, skipped } = parse(fixture('firefox-bookmarks.html'));
    expect(drafts.map((d) => [d.title, d.tags, d.note])).toEqual([
      ['Depression - Mind', ['mental health', 'depression', 'cbt'], 'Good section on talking therapies & self-referral'],
      ['Wellbeing and physical health | Rethink Mental Illness', ['mental health'], ''],
      ['Exercise for depression: a meta-analysis - PubMed', [], ''],
      ['Depression treatments - Mind', ['treatment'], ''],
    ]);
    expect(drafts[0]?.savedAt).toBe(iso(1699000000));
    expect(skipped).toEqual({ notWeb: 2 });
  });

  it('reads the classic Pocket export (ril_export.html): time_added and tags; its Unread/Archive headings are not tags', () => {
    const { drafts } = parse(fixture('pocket-export.html'));
    expect(drafts).toEqual([
      { url: 'https://www.versusarthritis.org/about-arthritis/conditions/osteoarthritis/', title: 'Osteoarthritis | Versus Arthritis', tags: ['arthritis', 'knees'], note: '', savedAt: iso(1650000000) },
      { url: 'https://www.reddit.com/r/ChronicPain/comments/abc123/pacing_tips_that_actually_helped/', title: 'Pacing tips that actually helped : r/ChronicPain', tags: [], note: '', savedAt: iso(1651000000) },
      { url: 'https://www.nhs.uk/conditions/osteoarthritis/treatment/', title: 'Osteoarthritis - Treatment - NHS', tags: ['arthritis'], note: '', savedAt: iso(1640000000) },
    ]);
  });

  it('reads a Raindrop export: collections and tags as tags, notes from <DD>', () => {
    const { drafts } = parse(fixture('raindrop-export.html'));
    expect(drafts.map((d) => [d.url, d.tags, d.note])).toEqual([
      ['https://www.asthmaandlung.org.uk/conditions/asthma/inhalers', ['asthma', 'inhalers', 'technique'], 'Video of spacer technique halfway down'],
      ['https://www.nice.org.uk/guidance/ng245', ['asthma', 'guidelines'], ''],
      ['https://www.healthtalk.org/experiences/asthma/', [], ''],
    ]);
  });

  it('reads dates in milliseconds or microseconds too, and drops ones in the future', () => {
    const html = `<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p>
      <DT><A HREF="https://a.example/" ADD_DATE="1700000000000">ms</A>
      <DT><A HREF="https://b.example/" ADD_DATE="1700000000000000">µs</A>
      <DT><A HREF="https://c.example/" ADD_DATE="4102444800">2100</A>
      <DT><A HREF="https://d.example/" ADD_DATE="soon">text</A>
    </DL>`;
    expect(parse(html).drafts.map((d) => d.savedAt)).toEqual([iso(1700000000), iso(1700000000), undefined, undefined]);
  });

  it('refuses an ordinary saved web page with links in it', () => {
    const result = parseBookmarks(parseHtml('<html><title>NHS</title><body><a href="https://www.nhs.uk/">Home</a></body></html>'), { now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/not a bookmarks export/);
  });

  it('gives the same page bookmarked twice one clip, with both folders as tags, and a source type from the address', () => {
    const clips = draftsToLinkClips(parse(fixture('firefox-bookmarks.html')).drafts);
    const mind = clips.filter((c) => c.canonicalUrl.startsWith('https://www.mind.org.uk/'));
    expect(mind).toHaveLength(1);
    expect(mind[0]).toMatchObject({
      kind: 'link',
      canonicalUrl: 'https://www.mind.org.uk/information-support/types-of-mental-health-problems/depression/',
      tags: ['mental health', 'depression', 'cbt', 'treatment'],
      savedAt: iso(1698000000),
      signals: [],
    });
    expect(mind[0]?.sourceVerdict.type).toBe('charity');
    expect(clips.find((c) => c.url.includes('pubmed'))?.sourceVerdict.type).toBe('research');
  });

  it('is chosen by readLinkFile for .html files and HTML content', () => {
    const result = readLinkFile('bookmarks_24_11_2026.html', fixture('chrome-bookmarks.html'), { now: NOW, parseHtml });
    expect(result.ok && result.value.kind).toBe('bookmarks');
    const empty = readLinkFile('bookmarks.html', '   ', { now: NOW, parseHtml });
    expect(!empty.ok && empty.error.message).toMatch(/empty/);
  });
});
