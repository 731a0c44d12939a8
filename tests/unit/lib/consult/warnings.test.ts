import { describe, expect, it } from 'vitest';
import { isNotCheckedForAYear, prescriptionWarnings } from '../../../../lib/consult/warnings';
import { clip, entry, NOW, prescription } from './fixtures';

const dated = (date: string) => ({ date, source: 'text' as const });
const DAY = 24 * 60 * 60 * 1000;
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

describe('prescriptionWarnings', () => {
  it('says nothing about a recent official page', () => {
    expect(prescriptionWarnings(prescription({}, [entry('i', clip('a'))]), [], NOW)).toEqual([]);
  });

  it('warns about unknown and commercial types, in plain English, in item order', () => {
    const rx = prescription({}, [
      entry('i1', clip('a', { title: 'Vitamin D shop', type: 'commercial' })),
      entry('i2', clip('b', { title: 'Someone’s page', type: 'unknown' })),
    ]);
    const warnings = prescriptionWarnings(rx, [], NOW);
    expect(warnings.map((w) => [w.itemId, w.title, w.reason])).toEqual([
      ['i1', 'Vitamin D shop', 'commercial'],
      ['i2', 'Someone’s page', 'unknown-type'],
    ]);
    expect(warnings[0]?.message).toMatch(/company/);
    expect(warnings[1]?.message).toMatch(/who publishes/);
  });

  it('follows the type the user sees: a site rule or an override clears an unknown type', () => {
    const rx = prescription({}, [entry('i1', clip('a', { type: 'unknown', url: 'https://mysurgery.co.uk/a' })), entry('i2', clip('b', { type: 'unknown', sourceOverride: 'charity' }))]);
    expect(prescriptionWarnings(rx, [{ host: 'mysurgery.co.uk', type: 'official', note: '', createdAt: '' }], NOW)).toEqual([]);
  });

  it('warns when the page’s review date has passed, naming it', () => {
    const rx = prescription({}, [entry('i', clip('a', { quality: { nextReview: dated('2025-03-01T00:00:00Z') } }))]);
    expect(prescriptionWarnings(rx, [], NOW)).toEqual([
      { itemId: 'i', title: 'Page a', reason: 'review-overdue', message: 'The page says it was due for review on 1 March 2025. Open it to check it is still current.' },
    ]);
  });

  it('warns about a page saved over a year ago with no review or update in the last year, once per item', () => {
    const old = clip('a', { savedAt: daysBefore(400) });
    const oldButOverdue = clip('b', { savedAt: daysBefore(400), quality: { nextReview: dated(daysBefore(30)) } });
    const reasons = prescriptionWarnings(prescription({}, [entry('i1', old), entry('i2', oldButOverdue)]), [], NOW).map((w) => [w.itemId, w.reason]);
    expect(reasons).toEqual([
      ['i1', 'not-checked-for-a-year'],
      ['i2', 'review-overdue'],
    ]);
  });

  it('tells a page that is gone from the library apart, without a title to show', () => {
    const [w] = prescriptionWarnings(prescription({}, [entry('i', undefined)]), [], NOW);
    expect(w).toMatchObject({ itemId: 'i', reason: 'page-gone', title: 'A page no longer in your library' });
    expect(w?.message).toMatch(/left out of the printed list/);
  });

  it('can give a type warning and an age warning for one item', () => {
    const rx = prescription({}, [entry('i', clip('a', { type: 'commercial', savedAt: daysBefore(800) }))]);
    expect(prescriptionWarnings(rx, [], NOW).map((w) => w.reason)).toEqual(['commercial', 'not-checked-for-a-year']);
  });
});

describe('isNotCheckedForAYear (saved over 365 days ago, and the page’s own reviewed/updated date is not in the last 365 days)', () => {
  it.each([
    ['saved 300 days ago', { savedAt: daysBefore(300) }, false],
    ['saved exactly 365 days ago', { savedAt: daysBefore(365) }, false],
    ['saved 366 days ago, no page dates', { savedAt: daysBefore(366) }, true],
    ['saved 400 days ago, reviewed 500 days ago', { savedAt: daysBefore(400), quality: { lastReviewed: dated(daysBefore(500)) } }, true],
    ['saved 400 days ago, page says reviewed 100 days ago', { savedAt: daysBefore(400), quality: { lastReviewed: dated(daysBefore(100)) } }, false],
    ['saved 400 days ago, modified 10 days ago', { savedAt: daysBefore(400), modifiedAt: daysBefore(10) }, false],
    ['saved 400 days ago, only published recently', { savedAt: daysBefore(400), publishedAt: daysBefore(10) }, true],
  ])('%s → %s', (_, overrides, expected) => {
    expect(isNotCheckedForAYear(clip('a', overrides), NOW)).toBe(expected);
  });
});
