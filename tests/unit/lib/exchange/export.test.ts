import { describe, expect, it } from 'vitest';
import { collectionHtml } from '../../../../components/consult/standalone-html';
import { collectionMarkdown } from '../../../../lib/consult/markdown';
import type { ResolvedCollection, ResolvedItem } from '../../../../lib/consult/types';
import { collectionFileSchema, parseCollectionFile } from '../../../../lib/exchange/collection-file';
import { collectionCsvHeader, collectionCsv, csvCell, toCsv } from '../../../../lib/exchange/csv';
import { collectionFileText, exportCollectionFile } from '../../../../lib/exchange/export-file';
import { shareableCollection } from '../../../../lib/exchange/export-filter';
import { collectionSchema, type Collection } from '../../../../lib/model/collection';
import type { SiteRule } from '../../../../lib/model/source-type';
import { clip, entry, highlight, NOW, prescription, readingList } from '../consult/fixtures';

const nhs = clip('type-2-diabetes', {
  title: 'Type 2 diabetes',
  siteName: 'nhs.uk',
  byline: 'NHS website editorial team',
  excerpt: 'Type 2 diabetes is a common condition.',
  quality: { lastReviewed: { date: '2023-08-18T00:00:00Z', source: 'text' }, published: { date: '2019-01-01', source: 'meta' } },
});
const forum = clip('forum', {
  url: 'https://forum.diabetes.org.uk/boards/threads/first-year.1/',
  title: 'My first year',
  type: 'peer',
  byline: 'sugarsteps_jo',
  excerpt: 'I was scared at first…',
  quality: { author: 'sugarsteps_jo' },
});
const charity = clip('hypos', { url: 'https://www.diabetes.org.uk/hypos', title: 'Hypos', type: 'charity' });
const feet = highlight('h1', nhs.id, 'check your feet every day', { meaning: 'important', note: 'Do this', position: { start: 10, end: 35 } });
const story = highlight('h2', forum.id, 'I cried in the car park', { meaning: 'this-is-me' });

function withPrivate(e: ResolvedItem): ResolvedItem {
  return { ...e, item: { ...e.item, private: true } };
}

function plainCollection(entries: ResolvedItem[]): ResolvedCollection {
  const collection: Collection = collectionSchema.parse({
    kind: 'collection',
    id: 'c1',
    title: 'What helped us',
    description: 'From our group',
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    items: entries.map((e) => e.item),
  });
  return { collection, entries };
}

const sample = () =>
  plainCollection([
    entry('i1', nhs, { note: 'Start here' }),
    entry('i2', nhs, { note: 'The daily check', highlight: feet }),
    entry('i3', forum, { note: 'Someone like me', highlight: story }),
    withPrivate(entry('i4', charity, { note: 'My own worry' })),
    entry('i5', undefined),
  ]);

describe('exportCollectionFile', () => {
  it('writes a valid file: pages with curator notes, dates, highlights as W3C selectors, the curator and generator', () => {
    const file = exportCollectionFile(sample(), [], { now: NOW, curator: '  Riverside   group ', generator: 'Health Clipper 9.9' });
    expect(collectionFileSchema.safeParse(file).success).toBe(true);
    expect(file).toMatchObject({ format: 'health-clipper-collection', formatVersion: 1, exportedAt: NOW.toISOString(), generator: 'Health Clipper 9.9' });
    expect(file.collection).toMatchObject({ kind: 'collection', title: 'What helped us', description: 'From our group', curator: 'Riverside group' });
    expect(file.collection.items[0]).toEqual({
      url: nhs.url,
      canonicalUrl: nhs.canonicalUrl,
      title: 'Type 2 diabetes',
      siteName: 'nhs.uk',
      byline: 'NHS website editorial team',
      sourceType: 'official',
      publishedAt: '2019-01-01',
      lastReviewed: '2023-08-18T00:00:00.000Z',
      note: 'Start here',
      excerpt: 'Type 2 diabetes is a common condition.',
    });
    expect(file.collection.items[1]?.highlight).toEqual({
      meaning: 'important',
      note: 'Do this',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'check your feet every day', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 10, end: 35 },
      ],
    });
    // The deleted page is left out: there is nothing to point at.
    expect(file.collection.items).toHaveLength(3);
    expect(parseCollectionFile(collectionFileText(file))).toEqual({ ok: true, value: file });
  });

  it('leaves private items out unless asked, and marks them private when included', () => {
    expect(exportCollectionFile(sample(), [], { now: NOW }).collection.items.map((i) => i.note)).toEqual(['Start here', 'The daily check', 'Someone like me']);
    const all = exportCollectionFile(sample(), [], { now: NOW, includePrivate: true }).collection.items;
    expect(all.map((i) => [i.note, i.private])).toEqual([['Start here', undefined], ['The daily check', undefined], ['Someone like me', undefined], ['My own worry', true]]);
  });

  it('does not quote forum posts and personal stories unless asked: title, address and note only, no usernames', () => {
    const [, , peer] = exportCollectionFile(sample(), [], { now: NOW }).collection.items;
    expect(peer).toEqual({ url: forum.url, canonicalUrl: forum.url, title: 'My first year', sourceType: 'peer', note: 'Someone like me' });
    const [, , quoted] = exportCollectionFile(sample(), [], { now: NOW, quotePeer: true }).collection.items;
    expect(quoted).toMatchObject({ byline: 'sugarsteps_jo', excerpt: 'I was scared at first…', highlight: { meaning: 'this-is-me' } });
    // The type the user sees decides: their rule for a site makes its pages peer.
    const rules: SiteRule[] = [{ host: 'nhs.uk', type: 'peer', note: '', createdAt: NOW.toISOString() }];
    const [page, daily] = exportCollectionFile(sample(), rules, { now: NOW }).collection.items;
    expect(page?.byline).toBeUndefined();
    expect(daily?.highlight).toBeUndefined();
  });

  it('writes reading-list and prescription fields, but never a patient’s name', () => {
    const list = readingList(
      { appointment: { date: '2026-12-03', with: 'Dr Patel' }, whatMatters: 'Keep driving', questions: [{ id: 'q', text: 'Can I drive?', answered: true, answer: 'Yes' }] },
      [entry('i1', nhs)],
    );
    const rl = exportCollectionFile(list, [], { now: NOW }).collection;
    expect(rl).toMatchObject({ kind: 'reading-list', whatMatters: 'Keep driving', appointment: { date: '2026-12-03', with: 'Dr Patel' }, questions: [{ text: 'Can I drive?', origin: 'own', answered: true, answer: 'Yes' }] });
    const rx = prescription(
      { isTemplate: false, issuedAt: '2026-11-20T10:00:00.000Z', patientName: 'Ann Other', condition: 'Type 2 diabetes', support: [{ id: 's', name: 'Helpline', contact: '0345 123 2399' }] },
      [entry('i1', nhs)],
    );
    const file = exportCollectionFile(rx, [], { now: NOW });
    expect(file.collection).toMatchObject({ kind: 'prescription', condition: 'Type 2 diabetes', issuedAt: '2026-11-20T10:00:00.000Z', support: [{ name: 'Helpline', contact: '0345 123 2399' }] });
    expect(JSON.stringify(file)).not.toContain('Ann Other');
    expect(collectionFileSchema.safeParse(file).success).toBe(true);
  });

  it('cuts over-long text to the format’s limits so the file is always valid', () => {
    const long = clip('long', { title: 'T'.repeat(5_000), siteName: 'S'.repeat(400), excerpt: 'E'.repeat(3_000) });
    const file = exportCollectionFile(plainCollection([entry('i', long)]), [], { now: NOW, curator: 'C'.repeat(300) });
    expect(collectionFileSchema.safeParse(file).success).toBe(true);
    expect(file.collection.items[0]?.title).toHaveLength(1_000);
    expect(file.collection.curator).toHaveLength(200);
  });
});

describe('shareableCollection', () => {
  it('drops private items from entries and from the collection, and unquotes peer pages (a highlight becomes the page)', () => {
    const shared = shareableCollection(sample(), []);
    expect(shared.collection.items.map((i) => i.id)).toEqual(['i1', 'i2', 'i3', 'i5']);
    const peer = shared.entries[2];
    expect(peer?.highlight).toBeUndefined();
    expect(peer?.clip).not.toHaveProperty('byline');
    expect(peer?.clip).not.toHaveProperty('excerpt');
    expect(peer?.clip?.quality).not.toHaveProperty('author');
    expect(shareableCollection(sample(), [], { includePrivate: true, quotePeer: true })).toEqual(sample());
  });
});

describe('CSV', () => {
  it('quotes cells as RFC 4180 says and neutralises spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const formula of ['=HYPERLINK("http://evil")', '+1', '-1+1', '@SUM(A1)', '\tx', '\r=1']) expect(csvCell(formula).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
  });

  it('writes a list with title, address, site, type, date, note and passage, under the same sharing rules', () => {
    const csv = collectionCsv(sample(), [], { now: NOW });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(collectionCsvHeader().join(','));
    expect(lines[1]).toBe('Type 2 diabetes,https://www.nhs.uk/conditions/type-2-diabetes/,nhs.uk,Official,Last reviewed 18 August 2023,Start here,');
    expect(lines[2]).toBe('Type 2 diabetes,https://www.nhs.uk/conditions/type-2-diabetes/,nhs.uk,Official,Last reviewed 18 August 2023,The daily check,check your feet every day');
    expect(lines[3]).toMatch(/^My first year,https:\/\/forum\.diabetes\.org\.uk\/.*,Someone like me,$/);
    expect(lines).toHaveLength(5); // three rows, the header, and the empty string after the final CRLF
    expect(collectionCsv(sample(), [], { now: NOW, includePrivate: true, quotePeer: true })).toContain('My own worry');
    const hostile = plainCollection([entry('x', clip('x', { title: '=cmd|"/c calc"!A1' }), { note: '@attack, "quoted"' })]);
    expect(collectionCsv(hostile, [], { now: NOW })).toContain(`"'=cmd|""/c calc""!A1",https://www.nhs.uk/conditions/x/,nhs.uk,Official,Saved 20 November 2026,"'@attack, ""quoted"""`);
  });
});

describe('Markdown and the web page follow the same sharing rules', () => {
  it('leave private items and peer quotes out by default and include them when asked', () => {
    const md = collectionMarkdown(sample(), [], NOW);
    expect(md).toContain('Start here');
    expect(md).not.toContain('My own worry');
    expect(md).not.toContain('I cried in the car park');
    expect(md).toContain('Someone like me');
    const all = collectionMarkdown(sample(), [], NOW, { includePrivate: true, quotePeer: true });
    expect(all).toContain('My own worry');
    expect(all).toContain('I cried in the car park');
    const html = collectionHtml(sample(), [], NOW);
    expect(html).not.toContain('My own worry');
    expect(html).not.toContain('I cried in the car park');
    expect(collectionHtml(sample(), [], NOW, { includePrivate: true, quotePeer: true })).toContain('I cried in the car park');
  });
});
