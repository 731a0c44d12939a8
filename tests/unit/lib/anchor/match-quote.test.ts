import { describe, expect, it } from 'vitest';
import { criticalWords, hasFlippedNegation } from '../../../../lib/anchor/critical-words';
import { matchQuote, type QuoteMatch } from '../../../../lib/anchor/match-quote';
import { describeTextQuote } from '../../../../lib/anchor/text-quote';
import type { TextQuote } from '../../../../lib/model/clip';

/**
 * Table-driven cases in the style of Apache Annotator's match-cases: a text,
 * a quote, an optional hint, and what must (or must not) be found.
 */
interface MatchCase {
  text: string;
  quote: TextQuote;
  hint?: { start: number };
  /** The text the match must cover (whitespace collapsed), or undefined for "not found". */
  expected: string | undefined;
  /** When expected: where it must start (for repeated passages). */
  expectedStart?: number;
  exactMatch?: boolean;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

const DIABETES =
  'Type 2 diabetes is a common condition that causes the level of sugar (glucose) in the blood to become too high. ' +
  'It is often linked to being overweight or inactive, or having a family history of type 2 diabetes. ' +
  'Some people are also offered medicine, usually starting with a tablet called metformin. ' +
  'You will have regular check-ups, including an HbA1c test at least once a year.';

const SENTENCE = 'It is often linked to being overweight or inactive, or having a family history of type 2 diabetes.';
const quoteOf = (text: string, exact: string, from = 0): TextQuote => {
  const start = text.indexOf(exact, from);
  const quote = describeTextQuote(text, { start, end: start + exact.length });
  if (!quote) throw new Error(`no quote for ${exact}`);
  return quote;
};

const REPEATED =
  'Adults: take 2 tablets with water after food. Children aged 6 to 12: take 2 tablets with water after food, then rest.';
const TWIN = 'Take with food. Ask a pharmacist. Take with food. Ask a pharmacist.';

const DOSE = 'If you forget a dose, take 5 mg twice a day until your next appointment with the clinic team.';
const DOSE_CHANGED = 'If you forget a dose, take 50 mg twice a day until your next appointment with the clinic team.';
const BOTH_DOSES =
  'Children should take 50 mg twice a day with food. Adults should take 5 mg twice a day with food.';
const STOP = 'If you get side effects, do not stop taking this medicine without talking to your doctor first.';
const STOP_CHANGED = 'If you get side effects, do stop taking this medicine without talking to your doctor first.';

const cases: Record<string, MatchCase> = {
  'exact, unique': {
    text: DIABETES,
    quote: quoteOf(DIABETES, 'a tablet called metformin'),
    expected: 'a tablet called metformin',
    exactMatch: true,
  },
  'exact, unique, without any context': {
    text: DIABETES,
    quote: { exact: SENTENCE, prefix: '', suffix: '' },
    expected: SENTENCE,
    exactMatch: true,
  },
  'repeated, told apart by the prefix': {
    text: REPEATED,
    quote: quoteOf(REPEATED, 'take 2 tablets with water after food', 20),
    expected: 'take 2 tablets with water after food',
    expectedStart: REPEATED.indexOf('take 2 tablets', 20),
    exactMatch: true,
  },
  'repeated, told apart by the prefix (first one)': {
    text: REPEATED,
    quote: quoteOf(REPEATED, 'take 2 tablets with water after food'),
    expected: 'take 2 tablets with water after food',
    expectedStart: REPEATED.indexOf('take 2 tablets'),
  },
  'repeated and indistinguishable: not found': {
    text: TWIN,
    quote: { exact: 'Take with food.', prefix: '', suffix: ' Ask a pharmacist.' },
    expected: undefined,
  },
  'repeated and indistinguishable, but the hint is clear': {
    text: TWIN,
    quote: { exact: 'Take with food.', prefix: '', suffix: ' Ask a pharmacist.' },
    hint: { start: 34 },
    expected: 'Take with food.',
    expectedStart: 34,
  },
  'whitespace reflowed (line breaks, indentation, no-break spaces): exact': {
    text: DIABETES.replace('overweight or inactive', 'overweight\n      or\u00a0inactive').replace('. Some', '.\n\n   Some'),
    quote: quoteOf(DIABETES, SENTENCE),
    expected: SENTENCE,
    exactMatch: true,
  },
  'quote saved with line breaks, page now on one line: exact': {
    text: DIABETES,
    quote: { exact: 'a tablet\n   called  metformin', prefix: 'usually starting with ', suffix: '. You will' },
    expected: 'a tablet called metformin',
    exactMatch: true,
  },
  'a word inserted: found, with the new wording': {
    text: DIABETES.replace('being overweight', 'being very overweight'),
    quote: quoteOf(DIABETES, SENTENCE),
    expected: SENTENCE.replace('being overweight', 'being very overweight'),
    exactMatch: false,
  },
  'a word removed: found, with the new wording': {
    text: DIABETES.replace('a family history', 'family history'),
    quote: quoteOf(DIABETES, SENTENCE),
    expected: SENTENCE.replace('a family history', 'family history'),
    exactMatch: false,
  },
  'a typo fixed: found, with the new wording': {
    text: DIABETES.replace('overweight', 'overwieght'),
    quote: quoteOf(DIABETES, SENTENCE),
    expected: SENTENCE.replace('overweight', 'overwieght'),
    exactMatch: false,
  },
  'a large change: not found': {
    text: DIABETES.replace(SENTENCE, 'Being overweight, inactive or having relatives with the condition all raise your risk.'),
    quote: quoteOf(DIABETES, SENTENCE),
    expected: undefined,
  },
  'the passage removed: not found': {
    text: DIABETES.replace(SENTENCE + ' ', ''),
    quote: quoteOf(DIABETES, SENTENCE),
    expected: undefined,
  },
  'the passage moved elsewhere in the page: found': {
    text: DIABETES.replace(SENTENCE + ' ', '') + ' ' + SENTENCE,
    quote: quoteOf(DIABETES, SENTENCE),
    hint: { start: DIABETES.indexOf(SENTENCE) },
    expected: SENTENCE,
    exactMatch: true,
  },
  'dose changed from 5 mg to 50 mg: not found (never the new dose)': {
    text: DOSE_CHANGED,
    quote: quoteOf(DOSE, 'take 5 mg twice a day until your next appointment'),
    expected: undefined,
  },
  'short dose quote, dose changed: not found': {
    text: DOSE_CHANGED,
    quote: quoteOf(DOSE, 'take 5 mg twice a day'),
    expected: undefined,
  },
  '5 mg and 50 mg both present: the right one': {
    text: BOTH_DOSES,
    quote: quoteOf(BOTH_DOSES, 'take 5 mg twice a day'),
    expected: 'take 5 mg twice a day',
    expectedStart: BOTH_DOSES.indexOf('take 5 mg'),
  },
  '"5 mg" is never found inside "25 mg"': {
    text: 'Take 25 mg twice a day with food.',
    quote: { exact: '5 mg twice a day', prefix: 'Take ', suffix: ' with food.' },
    expected: undefined,
  },
  '"do not stop taking" changed to "do stop taking": not found': {
    text: STOP_CHANGED,
    quote: quoteOf(STOP, 'do not stop taking this medicine without talking to your doctor first'),
    expected: undefined,
  },
  '"do not stop" and "do stop" both present: the right one': {
    text: STOP_CHANGED + ' ' + STOP,
    quote: quoteOf(STOP, 'do not stop taking this medicine'),
    expected: 'do not stop taking this medicine',
    exactMatch: true,
  },
  '"mg" changed to "mcg" in a long sentence: not found': {
    text: 'Adults with low levels are usually advised to take 400 mcg of folic acid every day, with or without food.',
    quote: {
      exact: 'advised to take 400 mg of folic acid every day, with or without food',
      prefix: 'Adults with low levels are usually ',
      suffix: '.',
    },
    expected: undefined,
  },
  'empty quote: not found': { text: DIABETES, quote: { exact: '', prefix: '', suffix: '' }, expected: undefined },
  'whitespace-only quote: not found': { text: DIABETES, quote: { exact: ' \n ', prefix: '', suffix: '' }, expected: undefined },
  'one-letter quote with its context: found': {
    text: 'Vitamin D helps. Vitamin C helps.',
    quote: { exact: 'C', prefix: 'helps. Vitamin ', suffix: ' helps.' },
    expected: 'C',
    expectedStart: 'Vitamin D helps. Vitamin '.length,
  },
  'short quote whose context is gone: not found': {
    text: 'Drink plenty of fluids. Rest.',
    quote: { exact: 'Rest.', prefix: 'Speak to a GP if the pain lasts. ', suffix: ' Avoid alcohol.' },
    expected: undefined,
  },
  'short quote with a typo: not found (too short to match fuzzily)': {
    text: 'Use a spacer with your inhaler.',
    quote: { exact: 'a spaser', prefix: 'Use ', suffix: ' with your inhaler.' },
    expected: undefined,
  },
  'changed wording and changed context: not found': {
    text: 'Unrelated text. ' + SENTENCE.replace('overweight', 'overwieght') + ' Other unrelated text follows here.',
    quote: quoteOf(DIABETES, SENTENCE),
    expected: undefined,
  },
  'empty text: not found': { text: '', quote: quoteOf(DIABETES, SENTENCE), expected: undefined },
  'a short phrase with one word replaced, its context intact on both sides: found, with the new wording': {
    // Too many edits for the fuzzy search (8 of 25 characters); the intact context pins the place.
    text: DIABETES.replace('a tablet called metformin', 'a tablet named metformin'),
    quote: quoteOf(DIABETES, 'a tablet called metformin'),
    expected: 'a tablet named metformin',
    exactMatch: false,
  },
  'context intact on both sides, but the passage rewritten: not found': {
    text: DIABETES.replace('usually starting with a tablet called metformin', 'often tablets, injections or both'),
    quote: quoteOf(DIABETES, 'usually starting with a tablet called metformin'),
    expected: undefined,
  },
  'context intact on both sides, one word replaced, but the context occurs twice: not found': {
    text: `${DIABETES.replace('a tablet called metformin', 'a tablet named metformin')} ${DIABETES.replace('a tablet called metformin', 'a tablet termed metformin')}`,
    quote: quoteOf(DIABETES, 'a tablet called metformin'),
    expected: undefined,
  },
  'a short phrase whose changed word is a critical one ("tablet" → "pill"): not found': {
    text: DIABETES.replace('a tablet called metformin', 'a pill called metformin'),
    quote: quoteOf(DIABETES, 'a tablet called metformin'),
    expected: undefined,
  },
  '"effective" became "ineffective" (one edit in a long sentence): not found': {
    text: 'Studies show the vaccine is ineffective for most adults over 65 when given in the autumn.',
    quote: {
      exact: 'the vaccine is effective for most adults over 65 when given in the autumn',
      prefix: 'Studies show ',
      suffix: '.',
    },
    expected: undefined,
  },
  'a short passage cut out, the same words right next to where it was: not found': {
    text: 'Living with type 2 diabetes. Having means you will need to look after your health for the rest of your life.',
    quote: {
      exact: 'type 2 diabetes',
      prefix: 'Living with type 2 diabetes. Having ',
      suffix: ' means you will need to look after your health for the rest of y',
    },
    hint: { start: 36 },
    expected: undefined,
  },
  'a long passage, its context gone on both sides, far from where it was: not found (another copy of a removed passage)': {
    text: `Intro. ${'Filler sentence about something else entirely. '.repeat(40)}Comments on "${SENTENCE}"`,
    quote: quoteOf(DIABETES, SENTENCE),
    hint: { start: 7 },
    expected: undefined,
  },
};

describe('matchQuote', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, () => {
      const match: QuoteMatch | undefined = matchQuote(c.text, c.quote, c.hint);
      if (c.expected === undefined) {
        expect(match).toBeUndefined();
        return;
      }
      expect(match).toBeDefined();
      if (!match) return;
      expect(collapse(c.text.slice(match.start, match.end))).toBe(c.expected);
      if (c.expectedStart !== undefined) expect(match.start).toBe(c.expectedStart);
      if (c.exactMatch !== undefined) expect(match.exactMatch).toBe(c.exactMatch);
      if (match.exactMatch) expect(match.changedText).toBeUndefined();
      else expect(match.changedText).toBe(c.expected);
      expect(match.score).toBeGreaterThan(0);
      expect(match.score).toBeLessThanOrEqual(1);
    });
  }

  it('finds the changed passage near the hint before looking elsewhere', () => {
    const text = `${'Filler sentence about something else. '.repeat(200)}${DIABETES.replace('overweight', 'overwieght')}`;
    const quote = quoteOf(DIABETES, SENTENCE);
    const hint = { start: text.indexOf('It is often') + 3 };
    const match = matchQuote(text, quote, hint);
    expect(match?.start).toBe(text.indexOf('It is often'));
    expect(match?.changedText).toContain('overwieght');
  });
});

describe('hasFlippedNegation', () => {
  it.each([
    ['safe in pregnancy', 'unsafe in pregnancy', true],
    ['an effective treatment', 'an ineffective treatment', true],
    ['a painful procedure', 'a painless procedure', true],
    ['a toxic dose', 'a non-toxic dose', true],
    ['a tablet called metformin', 'a pill called metformin', false],
    ['unsafe in pregnancy', 'unsafe in pregnancy', false],
  ])('%s → %s: %s', (a, b, flipped) => {
    expect(hasFlippedNegation(a, b)).toBe(flipped);
  });
});

describe('criticalWords', () => {
  it.each([
    ['take 5 mg twice a day', ['5', 'mg', 'twice', 'day']],
    ['do not stop taking', ['not', 'stop']],
    ["don't take more than 4 tablets", ["n't", 'more', '4', 'tablets']],
    ['no more than 0.5 ml', ['no', 'more', '0.5', 'ml']],
  ])('%s', (text, words) => {
    expect(criticalWords(text)).toEqual(words);
  });
});
