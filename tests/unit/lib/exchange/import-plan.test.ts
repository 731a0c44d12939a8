import { describe, expect, it } from 'vitest';
import type { CollectionFile } from '../../../../lib/exchange/collection-file';
import { addressVariants } from '../../../../lib/exchange/import-addresses';
import { importAddresses, pageKey, planImport, type ImportLibrary } from '../../../../lib/exchange/import-plan';
import { pageAddressVariants } from '../../../../lib/model/page-address';
import { PENDING_IMPORT_KEY, takePendingImport, writePendingImport, type TextStorage } from '../../../../lib/exchange/import-handoff';
import { provenanceLine } from '../../../../lib/exchange/import-provenance';
import { fileHighlight, fileItem, sampleFile } from './sample-file';

const EMPTY: ImportLibrary = { clips: [], highlights: [] };
const saved = (id: string, canonicalUrl: string, kind: 'article' | 'link' | 'selection' = 'article', title = `Mine: ${id}`) => ({ id, kind, canonicalUrl, title, savedAt: '2026-01-01T00:00:00.000Z' });

function curated(): CollectionFile {
  const file = sampleFile(
    [
      fileItem('conditions/type-2-diabetes', { note: 'Start here' }),
      fileHighlight('conditions/type-2-diabetes', 'Check your feet   every day', 'Daily'),
      fileItem('conditions/asthma', { note: 'For the kids', private: true }),
      { ...fileItem('x'), url: 'https://forum.example.org/t/1?utm_source=news', canonicalUrl: 'https://forum.example.org/t/1?utm_source=news', title: 'A thread', sourceType: 'peer', note: '' },
    ],
    'Our list',
  );
  file.collection.curator = 'Riverside group';
  return file;
}

describe('planImport', () => {
  it('into an empty library: every page new, classified from its address, highlights new, notes kept on the items', () => {
    const plan = planImport(curated(), EMPTY);
    expect(plan.counts).toEqual({ items: 4, newPages: 3, existingPages: 0, newHighlights: 1, existingHighlights: 0, privateItems: 1 });
    expect(plan.pages.map((p) => [p.status, p.canonicalUrl, p.verdict.type])).toEqual([
      ['new', 'https://www.nhs.uk/conditions/type-2-diabetes/', 'official'],
      ['new', 'https://www.nhs.uk/conditions/asthma/', 'official'],
      // Tracking parameters go, as they do when a page is clipped.
      ['new', 'https://forum.example.org/t/1', expect.any(String)],
    ]);
    expect(plan.items).toEqual([
      { page: 0, note: 'Start here', private: false },
      { page: 0, highlight: 0, note: '', private: false },
      { page: 1, note: 'For the kids', private: true },
      { page: 2, note: '', private: false },
    ]);
    expect(plan.highlights[0]).toMatchObject({ status: 'new', meaning: 'important', note: 'Daily', quote: { exact: 'Check your feet   every day', prefix: '', suffix: '' } });
    expect(plan.provenance).toEqual({ collection: 'Our list', curator: 'Riverside group', exportedAt: '2026-11-24T10:00:00.000Z' });
    expect(plan.collection).toEqual({ kind: 'collection', title: 'Our list', description: '' });
    expect(plan.source).toMatchObject({ title: 'Our list', curator: 'Riverside group', kind: 'collection' });
  });

  it('finds pages already saved under a www., mobile, http or tracking-parameter variant, preferring a whole-page clip', () => {
    const library: ImportLibrary = {
      clips: [
        saved('sel', 'https://www.nhs.uk/conditions/type-2-diabetes/', 'selection'),
        saved('art', 'http://nhs.uk/conditions/type-2-diabetes/'),
        saved('m', 'https://m.nhs.uk/conditions/asthma/', 'link'),
      ],
      highlights: [{ id: 'mine', clipId: 'art', exact: 'Check your feet every day' }],
    };
    const plan = planImport(curated(), library);
    expect(plan.pages.map((p) => [p.status, p.existingClipId, p.existingTitle])).toEqual([
      ['existing', 'art', 'Mine: art'],
      ['existing', 'm', 'Mine: m'],
      ['new', undefined, undefined],
    ]);
    // The same passage (white space aside) is the user's highlight: it is used, not added again.
    expect(plan.highlights[0]).toMatchObject({ status: 'existing', existingHighlightId: 'mine' });
    expect(plan.counts).toMatchObject({ newPages: 1, existingPages: 2, newHighlights: 0, existingHighlights: 1 });
  });

  it('treats a page listed twice (in two spellings) as one page, and one passage listed twice as one highlight', () => {
    const file = sampleFile([
      fileItem('a'),
      { ...fileItem('a'), url: 'http://nhs.uk/a/', canonicalUrl: 'http://nhs.uk/a/' },
      fileHighlight('a', 'passage'),
      fileHighlight('a', 'passage'),
    ]);
    const plan = planImport(file, EMPTY);
    expect(plan.pages).toHaveLength(1);
    expect(plan.highlights).toHaveLength(1);
    expect(plan.items.map((i) => [i.page, i.highlight])).toEqual([[0, undefined], [0, undefined], [0, 0], [0, 0]]);
  });

  it('keeps reading-list and prescription fields, as plain text', () => {
    const list = sampleFile([fileItem('a')]);
    list.collection = { ...list.collection, kind: 'reading-list', whatMatters: 'Walk\u0000 the dog', questions: [{ text: ' Can I drive? ' }], appointment: { with: 'Dr Patel' } };
    expect(planImport(list, EMPTY).collection).toEqual({
      kind: 'reading-list',
      title: 'First steps with type 2 diabetes',
      description: '',
      whatMatters: 'Walk the dog',
      appointment: { with: 'Dr Patel' },
      questions: [{ text: 'Can I drive?', origin: 'own', answered: false, answer: '' }],
    });
    const rx = sampleFile([fileItem('a')]);
    rx.collection = { ...rx.collection, kind: 'prescription', condition: 'Asthma', support: [{ name: 'Helpline' }] };
    expect(planImport(rx, EMPTY).collection).toMatchObject({ kind: 'prescription', condition: 'Asthma', isTemplate: true, support: [{ name: 'Helpline', contact: '', note: '' }] });
  });

  it('lists every address variant the library must be searched for', () => {
    const addresses = importAddresses(sampleFile([fileItem('a')]));
    expect(addresses).toContain('https://www.nhs.uk/a/');
    expect(addresses).toContain('http://m.nhs.uk/a/');
    expect(pageKey('https://www.nhs.uk/a/?q=1')).toBe(pageKey('http://mobile.nhs.uk/a/?q=1'));
  });
});

describe('addressVariants', () => {
  it.each([
    'https://www.nhs.uk/a/',
    'http://nhs.uk/a/?x=1&y=%20',
    'https://m.example.co.uk:8443/p',
    'https://mobile.x.org/',
    'https://co.uk/',
    'https://user:pw@www.a.org/x',
    'https://www.a.org/x#frag',
    'https://xn--bcher-kva.example/',
    'https://WWW.Example.org/A',
    'https://192.168.0.1/x',
    'https://[::1]/x',
    'https://www.a.org:443/x',
    'http://a.org:80/x',
    'http://www.a.org:8080/',
    'notaurl',
    'ftp://a.org/',
  ])('gives the same addresses as the library’s own matching for %s', (url) => {
    expect(new Set(addressVariants(url))).toEqual(new Set(pageAddressVariants(url)));
  });
});

describe('provenance and the import handoff', () => {
  it('says where an imported note came from', () => {
    expect(provenanceLine({ collection: 'Our list', curator: 'Riverside group', exportedAt: '2026-11-24T10:00:00.000Z' })).toBe('From “Our list” by Riverside group, 24 November 2026');
    expect(provenanceLine({ collection: 'Our list', exportedAt: '2026-11-24T10:00:00.000Z' })).toBe('From “Our list”, 24 November 2026');
  });

  it('hands a file to the import page once, and survives storage that refuses it', () => {
    const map = new Map<string, string>();
    const storage: TextStorage = { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
    expect(writePendingImport(storage, { text: '{"format":1}', sourceLabel: 'a share link' })).toBe(true);
    expect(map.has(PENDING_IMPORT_KEY)).toBe(true);
    expect(takePendingImport(storage)).toEqual({ text: '{"format":1}', sourceLabel: 'a share link' });
    expect(takePendingImport(storage)).toBeUndefined();
    map.set(PENDING_IMPORT_KEY, '{"text": 5}');
    expect(takePendingImport(storage)).toBeUndefined();
    const full: TextStorage = { ...storage, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(writePendingImport(full, { text: 'x' })).toBe(false);
  });
});
