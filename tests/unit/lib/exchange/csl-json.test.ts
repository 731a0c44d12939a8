import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cslDateToIso, doiToUrl, parseCslJson } from '../../../../lib/exchange/csl-json';
import { draftsToLinkClips, linkDraftSchema } from '../../../../lib/exchange/link-drafts';
import { readLinkFile } from '../../../../lib/exchange/link-file';

const NOW = new Date('2026-11-24T10:00:00Z');
const fixture = (name: string) => readFileSync(resolve('tests/fixtures/other-tools', name), 'utf8');
const parseHtml = (): Document => {
  throw new Error('not HTML');
};

function messageOf(source: string): string {
  const result = parseCslJson(source, { now: NOW });
  if (result.ok) throw new Error('expected a refusal');
  return result.error.message;
}

describe('CSL-JSON (Zotero export)', () => {
  it('reads a Zotero export of PubMed articles: address, DOI, dates, journal, note, keywords', () => {
    const result = parseCslJson(fixture('zotero-pubmed.json'), { now: NOW });
    if (!result.ok) throw new Error(result.error.message);
    const { drafts, skipped } = result.value;
    for (const d of drafts) expect(linkDraftSchema.safeParse(d).success).toBe(true);
    expect(drafts).toEqual([
      {
        url: 'https://pubmed.ncbi.nlm.nih.gov/36512345/',
        title: 'Structured education for adults with type 2 diabetes: a systematic review',
        tags: [],
        note: 'PMID: 36512345',
        savedAt: '2024-01-15T00:00:00.000Z',
        publishedAt: '2023-03',
        siteName: 'Diabetic Medicine',
      },
      {
        // No URL: the DOI (written "doi:…") becomes its doi.org address.
        url: 'https://doi.org/10.1136/bmj-2022-071234',
        title: 'Remission of type 2 diabetes with a low energy diet',
        tags: ['diabetes', 'remission', 'diet'],
        note: '',
        publishedAt: '2022-11-02',
        siteName: 'BMJ',
      },
    ]);
    expect(skipped).toEqual({ noAddress: 1 });
    const clips = draftsToLinkClips(drafts);
    expect(clips[0]?.sourceVerdict.type).toBe('research');
  });

  it('turns DOIs in their usual spellings into doi.org addresses, and refuses what is not a DOI', () => {
    expect(doiToUrl('10.1016/S0140-6736(21)00001-1')).toBe('https://doi.org/10.1016/S0140-6736(21)00001-1');
    expect(doiToUrl('https://dx.doi.org/10.1000/xyz#frag')).toBe('https://doi.org/10.1000/xyz%23frag');
    expect(doiToUrl(' DOI: 10.1000/abc ')).toBe('https://doi.org/10.1000/abc');
    expect(doiToUrl('11.1000/abc')).toBeUndefined();
    expect(doiToUrl('')).toBeUndefined();
  });

  it('reads CSL dates with only the parts they give', () => {
    expect(cslDateToIso({ 'date-parts': [[2021]] })).toBe('2021');
    expect(cslDateToIso({ 'date-parts': [[2021, 13, 40]] })).toBe('2021');
    expect(cslDateToIso({ 'date-parts': [['2021', '3', '9']] })).toBe('2021-03-09');
    expect(cslDateToIso({ raw: '2020-05-01' })).toBe('2020-05-01');
    expect(cslDateToIso({ raw: 'Spring 2019' })).toBeUndefined();
    expect(cslDateToIso(undefined)).toBeUndefined();
  });

  it('accepts a single item and the { items: [] } wrapper some tools write; odd fields do not lose the item', () => {
    const one = parseCslJson(JSON.stringify({ type: 'webpage', title: 'One', URL: 'https://www.nhs.uk/', issued: 'yesterday', note: 42 }), { now: NOW });
    expect(one.ok && one.value.drafts).toEqual([{ url: 'https://www.nhs.uk/', title: 'One', tags: [], note: '' }]);
    const wrapped = parseCslJson(JSON.stringify({ items: [{ title: 'Two', URL: 'https://www.nice.org.uk/' }] }), { now: NOW });
    expect(wrapped.ok && wrapped.value.drafts.map((d) => d.title)).toEqual(['Two']);
  });

  it('refuses files that are not CSL-JSON with a plain message', () => {
    expect(messageOf('{"title": "cut off')).toMatch(/cannot be a CSL-JSON export, because it could not be read/);
    expect(messageOf('[1, 2, 3]')).toMatch(/not a CSL-JSON export/);
    expect(messageOf('{"format":"health-clipper-backup","formatVersion":1}')).toMatch(/Restore from a backup/);
    expect(messageOf('"just a string"')).toMatch(/not a CSL-JSON export/);
  });

  it('is chosen by readLinkFile for JSON content, whatever the file is called', () => {
    const result = readLinkFile('My Library.txt', fixture('zotero-pubmed.json'), { now: NOW, parseHtml });
    expect(result.ok && result.value.kind).toBe('csl-json');
  });
});
