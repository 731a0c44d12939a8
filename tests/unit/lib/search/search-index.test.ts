import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../../../lib/search/search-doc';
import { SearchIndex, type SearchSnapshot } from '../../../../lib/search/search-index';

let nextSaved = Date.parse('2026-01-01T00:00:00Z');
function doc(id: string, title: string, body: string, extra: Partial<SearchDoc> = {}): SearchDoc {
  nextSaved += 86_400_000;
  return {
    id,
    fields: [
      { field: 'title', text: title },
      { field: 'body', text: body },
    ],
    tags: [],
    savedAt: nextSaved,
    host: 'nhs.uk',
    verdictType: 'official',
    reviewDue: NaN,
    highlightCount: 0,
    ...extra,
  };
}

function library(): SearchIndex {
  const index = new SearchIndex();
  index.add(doc('t2', 'Type 2 diabetes', 'Metformin 500mg. Check your HbA1c every 3 months.', { tags: ['diabetes'] }));
  index.add(doc('t1', 'Type 1 diabetes', 'Insulin injections. Hypos can happen within 2 weeks of a change.', { tags: ['diabetes'], highlightCount: 2 }));
  index.add(doc('anaemia', 'Anaemia', 'Low haemoglobin. Take 200 mg ferrous sulphate.', { host: 'patient-forum.uk', verdictType: 'peer' }));
  index.add(doc('mi', 'Recovering from a heart attack', 'Aspirin 75mg daily. Call 999 if pain returns.', { reviewDue: Date.parse('2025-01-01') }));
  return index;
}

const now = { now: Date.parse('2026-11-24T00:00:00Z'), siteRules: [] };

describe('SearchIndex', () => {
  const index = library();
  const find = (q: string, filter = {}) => index.search(q, filter, now).ids;

  it('finds doses, numbers, codes and numbered types', () => {
    expect(find('500 mg')).toEqual(['t2']);
    expect(find('75mg')).toEqual(['mi']);
    expect(find('999')).toEqual(['mi']);
    expect(find('hba1c')).toEqual(['t2']);
    expect(find('type 2 ')).toEqual(['t2']);
    expect(find('type 1 ')).toEqual(['t1']);
    expect(find('2 weeks')).toEqual(['t1']);
  });

  it('finds prefixes, both spellings and synonyms', () => {
    expect(find('diab').sort()).toEqual(['t1', 't2']);
    expect(find('anemia')).toEqual(['anaemia']);
    expect(find('hemoglobin')).toEqual(['anaemia']);
    expect(find('myocardial infarction')).toEqual(['mi']);
    expect(find('ferrous sulfate')).toEqual(['anaemia']);
  });

  it('finds words while they are typed, in either spelling, by synonym, and past a common word', () => {
    const typing = new SearchIndex();
    typing.add(doc('d', 'Diarrhoea', 'Drink fluids. Codeine may help. Salt and hypertension. Call 111 for neurology advice.'));
    for (const q of ['diarrho', 'salt hyperte', 'codeine might', '111 neur', 'counsel']) expect(typing.search(q).ids, q).toEqual(q === 'counsel' ? [] : ['d']);
  });

  it('needs every part of the query', () => {
    expect(find('insulin metformin')).toEqual([]);
    expect(find('diabetes insulin')).toEqual(['t1']);
  });

  it('ranks title matches above body matches', () => {
    const ranked = new SearchIndex();
    ranked.add(doc('body', 'Living well', 'Some notes on asthma.'));
    ranked.add(doc('title', 'Asthma', 'Living well with it.'));
    expect(ranked.search('asthma').ids).toEqual(['title', 'body']);
  });

  it('lists newest first with no words, and filters combine', () => {
    expect(find('')).toEqual(['mi', 'anaemia', 't1', 't2']);
    expect(find('', { tag: 'diabetes' })).toEqual(['t1', 't2']);
    expect(find('diab', { hasHighlights: true })).toEqual(['t1']);
    expect(find('', { reviewOverdue: true })).toEqual(['mi']);
    expect(find('', { type: 'peer' })).toEqual(['anaemia']);
    expect(index.search('', { type: 'peer' }, { ...now, siteRules: [{ host: 'patient-forum.uk', type: 'charity' }] }).ids).toEqual([]);
    expect(find('', { clipIds: new Set(['t2', 'mi']) })).toEqual(['mi', 't2']);
    const t1Saved = Date.parse('2026-01-03T00:00:00Z');
    expect(find('', { savedFrom: t1Saved, savedBefore: t1Saved + 1 })).toEqual(['t1']);
  });

  it('replaces and removes documents', () => {
    const changing = library();
    changing.add(doc('t2', 'Type 2 diabetes', 'Now on gliclazide.'));
    expect(changing.search('metformin').ids).toEqual([]);
    expect(changing.search('gliclazide').ids).toEqual(['t2']);
    expect(changing.remove('t2')).toBe(true);
    expect(changing.search('gliclazide').ids).toEqual([]);
    expect(changing.size).toBe(3);
    expect(changing.wasteRatio()).toBeCloseTo(2 / 5);
  });

  it('comes back the same from a snapshot, and refuses a damaged or older one', () => {
    const copy = SearchIndex.fromSnapshot(structuredClone(index.toSnapshot()))!;
    for (const q of ['500 mg', 'diab', 'anemia', '', 'heart attack']) expect(copy.search(q, {}, now).ids).toEqual(find(q));
    copy.add(doc('new', 'Gout', 'Allopurinol.'));
    expect(copy.search('allopurinol').ids).toEqual(['new']);
    const snapshot = index.toSnapshot();
    expect(SearchIndex.fromSnapshot({ ...snapshot, format: 0 } as unknown as SearchSnapshot)).toBeUndefined();
    expect(SearchIndex.fromSnapshot({ ...snapshot, savedAt: new Float64Array(1) })).toBeUndefined();
  });

  it('stays correct across frozen and merged segments', () => {
    const big = new SearchIndex();
    for (let i = 0; i < 10_000; i++) big.add(doc(`d${i}`, `Page ${i}`, i % 100 === 0 ? 'mentions ramipril 5mg' : 'nothing much'));
    for (let i = 0; i < 10_000; i += 200) big.remove(`d${i}`);
    const found = big.search('ramipril 5 mg').ids;
    expect(found).toHaveLength(50);
    expect(found.every((id) => Number(id.slice(1)) % 200 === 100)).toBe(true);
    const back = SearchIndex.fromSnapshot(big.toSnapshot())!;
    expect(back.search('ramipril 5 mg').ids.sort()).toEqual([...found].sort());
    expect(big.byteSize()).toBeGreaterThan(0);
  });
});
