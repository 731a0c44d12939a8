import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftsToLinkClips, linkDraftSchema } from '../../../../lib/exchange/link-drafts';
import { readLinkFile } from '../../../../lib/exchange/link-file';
import { parseRis, risDateToIso } from '../../../../lib/exchange/ris';

const NOW = new Date('2026-11-24T10:00:00Z');
const fixture = (name: string) => readFileSync(resolve('tests/fixtures/other-tools', name), 'utf8');
const parseHtml = (): Document => {
  throw new Error('not HTML');
};

describe('RIS (Zotero, EndNote, journal sites)', () => {
  it('reads a Zotero RIS export of PubMed articles, with CRLF line ends and wrapped fields', () => {
    const result = parseRis(fixture('zotero-pubmed.ris'), { now: NOW });
    if (!result.ok) throw new Error(result.error.message);
    const { drafts, skipped } = result.value;
    for (const d of drafts) expect(linkDraftSchema.safeParse(d).success).toBe(true);
    expect(drafts).toEqual([
      {
        url: 'https://pubmed.ncbi.nlm.nih.gov/36512345/',
        title: 'Structured education for adults with type 2 diabetes: a systematic review',
        tags: ['humans', 'diabetes mellitus, type 2', 'patient education as topic'],
        note: 'PMID: 36512345\n\nAsk the nurse about the DESMOND course & local dates',
        savedAt: '2024-01-15T00:00:00.000Z',
        publishedAt: '2023-03',
        siteName: 'Diabetic Medicine',
      },
      {
        url: 'https://doi.org/10.1136/bmj-2022-071234',
        title: 'Remission of type 2 diabetes with a low energy diet',
        tags: [],
        note: '',
        publishedAt: '2022-11-02',
        siteName: 'BMJ',
      },
    ]);
    expect(skipped).toEqual({ noAddress: 1 });
    expect(draftsToLinkClips(drafts).map((c) => c.sourceVerdict.type)).toEqual(['research', 'research']);
  });

  it('reads RIS dates in their slash form', () => {
    expect(risDateToIso('2023/03//')).toBe('2023-03');
    expect(risDateToIso('2023///')).toBe('2023');
    expect(risDateToIso('2022/11/02/')).toBe('2022-11-02');
    expect(risDateToIso('2022-1-5')).toBe('2022-01-05');
    expect(risDateToIso('n.d.')).toBeUndefined();
  });

  it('keeps a record cut off by the end of the file, and ignores lines before the first TY', () => {
    const source = 'Exported from EndNote\nTY  - ELEC\nTI  - Asthma - NHS\nUR  - https://www.nhs.uk/conditions/asthma/';
    const result = parseRis(source, { now: NOW });
    expect(result.ok && result.value.drafts.map((d) => [d.title, d.url])).toEqual([['Asthma - NHS', 'https://www.nhs.uk/conditions/asthma/']]);
  });

  it('takes the first web address when UR holds several, and leaves out non-web ones', () => {
    const source = 'TY  - ELEC\nTI  - Two links\nUR  - file:///C:/paper.pdf; https://www.nice.org.uk/guidance/ng28\nER  - \nTY  - ELEC\nTI  - Local\nUR  - javascript:alert(1)\nER  - \n';
    const result = parseRis(source, { now: NOW });
    expect(result.ok && result.value.drafts.map((d) => d.url)).toEqual(['https://www.nice.org.uk/guidance/ng28']);
    expect(result.ok && result.value.skipped).toEqual({ notWeb: 1 });
  });

  it('refuses a file without references, plainly', () => {
    const result = parseRis('PMID- 36512345\nTI  - MEDLINE format is not RIS', { now: NOW });
    expect(!result.ok && result.error.message).toMatch(/not a RIS file/);
  });

  it('is chosen by readLinkFile for RIS content and .ris files', () => {
    expect(readLinkFile('export.ris', fixture('zotero-pubmed.ris'), { now: NOW, parseHtml }).ok).toBe(true);
    const txt = readLinkFile('refs.txt', fixture('zotero-pubmed.ris'), { now: NOW, parseHtml });
    expect(txt.ok && txt.value.kind).toBe('ris');
  });
});
