import { describe, expect, it } from 'vitest';
import { americanise, normaliseWord, singular } from '../../../../lib/search/normalise';
import { indexTerms, parseQuery } from '../../../../lib/search/tokenise';

const termsOf = (text: string) => {
  const out: string[] = [];
  indexTerms(text, (t) => out.push(t));
  return out;
};
const clauses = (q: string) => parseQuery(q).clauses.map((c) => ({ terms: c.terms, prefix: c.prefix }));

describe('indexing health text', () => {
  it('keeps numbers, doses, durations and codes', () => {
    const terms = termsOf('Take 500mg paracetamol every 4 hours for 2 weeks. Call NHS 111. HbA1c of 48 mmol/mol. Type 2 diabetes.');
    expect(terms).toEqual(expect.arrayContaining(['500', '500 mg', 'paracetamol', '4 hour', '2 week', '111', 'nhs 111', 'hba1c', '48 mmol', 'type 2', 'diabete']));
  });

  it('indexes words that are also Object.prototype names as plain words (a page saying "constructor" once broke search)', () => {
    const terms = termsOf('The constructor toString valueOf hasOwnProperty __proto__ weeks');
    for (const term of terms) expect(typeof term).toBe('string');
    expect(terms).toEqual(expect.arrayContaining(['constructor', 'tostring', 'valueof', 'hasownproperty']));
    expect(americanise('constructor')).toBe('constructor');
    expect(americanise('__proto__')).toBe('__proto__');
  });

  it('treats a dose written with and without a space the same', () => {
    expect(termsOf('5 mg')).toContain('5 mg');
    expect(termsOf('5mg')).toContain('5 mg');
    expect(termsOf('2.5 ml')).toContain('2.5 ml');
    expect(termsOf('1,000 mg')).toContain('1000 mg');
  });

  it('does not pair words across punctuation', () => {
    expect(termsOf('Type. 2 tablets')).not.toContain('type 2');
    expect(termsOf('stage 3')).toContain('stage 3');
  });

  it('spells British and American forms alike and merges a small set of synonyms', () => {
    expect(termsOf('anaemia haemoglobin oesophagus paediatric tumours recognised')).toEqual(termsOf('anemia hemoglobin esophagus pediatric tumors recognized'));
    expect(normaliseWord('acetaminophen')).toBe(normaliseWord('paracetamol'));
    expect(termsOf('a heart attack')).toContain('heart-attack');
    expect(termsOf('myocardial infarction')).toContain('heart-attack');
    expect(termsOf('high blood pressure')).toContain('high-blood-pressure');
    expect(normaliseWord('hypertension')).toBe('high-blood-pressure');
  });

  it('leaves out common words and folds accents', () => {
    expect(termsOf('the café and the clinic')).toEqual(['cafe', 'clinic']);
  });

  it('makes plurals singular, carefully', () => {
    expect(singular('tablets')).toBe('tablet');
    expect(singular('allergies')).toBe('allergy');
    expect(singular('virus')).toBe('virus');
    expect(singular('diagnosis')).toBe('diagnosis');
    expect(americanise('analysed')).toBe('analyzed');
  });
});

describe('reading what the user typed', () => {
  it('keeps a dose, a numbered type and a code as one part', () => {
    expect(clauses('5 mg ')).toEqual([{ terms: ['5 mg'], prefix: undefined }]);
    expect(clauses('500mg')).toEqual([{ terms: ['500 mg'], prefix: undefined }]);
    expect(clauses('type 2 ')).toEqual([{ terms: ['type 2'], prefix: undefined }]);
    expect(clauses('hba1c ')).toEqual([{ terms: ['hba1c'], prefix: undefined }]);
    expect(clauses('111 ')).toEqual([{ terms: ['111'], prefix: undefined }]);
  });

  it('matches the last word as a prefix while it is being typed', () => {
    expect(clauses('diab')).toEqual([{ terms: ['diab'], prefix: 'diab' }]);
    expect(clauses('type 2 diab')).toEqual([{ terms: ['type 2'], prefix: undefined }, { terms: ['diab'], prefix: 'diab' }]);
    expect(clauses('5 m')).toEqual([{ terms: [], prefix: '5 m' }]);
    expect(clauses('haemo')).toEqual([{ terms: ['hemo'], prefix: 'hemo' }]);
    expect(clauses('d')).toEqual([{ terms: ['d'], prefix: undefined }]);
  });

  it('completes a half-typed British spelling or a word with a synonym', () => {
    expect(parseQuery('diarrho').clauses[0]?.morePrefixes).toEqual(['diarrhe']);
    expect(parseQuery('counsellin').clauses[0]?.morePrefixes).toEqual(['counseling']);
    expect(parseQuery('salt hyperte').clauses[1]?.terms).toContain('high-blood-pressure');
    expect(parseQuery('pa').clauses[0]?.morePrefixes).toBeUndefined();
  });

  it('makes a common word being typed optional, and a number before a word that is no unit its own part', () => {
    expect(parseQuery('codeine might').clauses.map((c) => c.optional)).toEqual([undefined, true]);
    expect(clauses('111 neur')).toEqual([{ terms: ['111'], prefix: undefined }, { terms: ['neur'], prefix: 'neur' }]);
  });

  it('turns a phrase with a synonym into one part', () => {
    expect(clauses('heart attack ')).toEqual([{ terms: ['heart-attack'], prefix: undefined }]);
    expect(clauses('myocardial infarction ')).toEqual([{ terms: ['heart-attack'], prefix: undefined }]);
  });

  it('ignores common words unless they are all there is', () => {
    expect(clauses('the asthma ')).toEqual([{ terms: ['asthma'], prefix: undefined }]);
    expect(clauses('the ')).toEqual([{ terms: ['the'], prefix: undefined }]);
    expect(clauses('   ')).toEqual([]);
  });
});
