import { describe, expect, it } from 'vitest';
import { entryFacts, pageDateLabel } from '../../../../lib/consult/entry-facts';
import { clip, entry, highlight, NOW } from './fixtures';

const dated = (date: string) => ({ date, source: 'text' as const });

describe('entryFacts', () => {
  it('gives title, address, site, type label, the page date and the note', () => {
    const c = clip('asthma', { title: '  Asthma\n - NHS ', quality: { lastReviewed: dated('2023-08-18T00:00:00.000Z') } });
    expect(entryFacts(entry('i1', c, { note: 'My inhaler technique' }), [], NOW)).toEqual({
      itemId: 'i1',
      title: 'Asthma - NHS',
      url: 'https://www.nhs.uk/conditions/asthma/',
      shortUrl: 'nhs.uk/conditions/asthma',
      site: 'nhs.uk',
      type: 'official',
      typeLabel: 'Official',
      dateLabel: 'Last reviewed 18 August 2023',
      reviewOverdue: false,
      note: 'My inhaler technique',
    });
  });

  it('is undefined when the page was deleted from the library', () => {
    expect(entryFacts(entry('i1', undefined), [], NOW)).toBeUndefined();
  });

  it('uses the user’s override, then their rule for the site, then the classifier', () => {
    const c = clip('x', { url: 'https://www.diabetes.org.uk/guide', type: 'unknown' });
    const rules = [{ host: 'diabetes.org.uk', type: 'charity' as const, note: '', createdAt: '2026-01-01' }];
    expect(entryFacts(entry('i', c), [], NOW)).toMatchObject({ type: 'unknown', typeLabel: 'Not sure', site: 'diabetes.org.uk' });
    expect(entryFacts(entry('i', c), rules, NOW)).toMatchObject({ type: 'charity', typeLabel: 'Charity or patient group' });
    expect(entryFacts(entry('i', { ...c, sourceOverride: 'peer' }), rules, NOW)).toMatchObject({ type: 'peer', typeLabel: 'Personal experience' });
  });

  it('adds the passage and its meaning for a highlight, and falls back to the page when the highlight is gone', () => {
    const c = clip('diabetes');
    const h = highlight('h1', 'diabetes', 'feeling very\n tired', { meaning: 'question' });
    expect(entryFacts(entry('i', c, { highlight: h }), [], NOW)).toMatchObject({ quote: 'feeling very tired', meaning: 'question' });
    const withoutHighlight = entry('i', c);
    withoutHighlight.item.highlightId = 'deleted';
    const facts = entryFacts(withoutHighlight, [], NOW);
    expect(facts?.quote).toBeUndefined();
    expect(facts?.meaning).toBeUndefined();
  });

  it('flags a page whose own next-review date has passed', () => {
    const overdue = clip('a', { quality: { nextReview: dated('2025-08-18T00:00:00.000Z') } });
    const due = clip('b', { quality: { nextReview: dated('2027-08-18T00:00:00.000Z') } });
    expect(entryFacts(entry('i', overdue), [], NOW)?.reviewOverdue).toBe(true);
    expect(entryFacts(entry('i', due), [], NOW)?.reviewOverdue).toBe(false);
  });

  it('falls back to the host when the page has no title', () => {
    expect(entryFacts(entry('i', clip('a', { title: '  ' })), [], NOW)?.title).toBe('nhs.uk');
  });
});

describe('pageDateLabel', () => {
  it.each([
    ['the most recent of reviewed and updated', { quality: { lastReviewed: dated('2023-08-18'), updated: dated('2024-05-02T00:00:00Z') } }, 'Updated 2 May 2024'],
    ['reviewed on a tie', { quality: { lastReviewed: dated('2024-05-02'), updated: dated('2024-05-02') } }, 'Last reviewed 2 May 2024'],
    ['the modified date from page details', { modifiedAt: '2024-01-09T00:00:00.000Z' }, 'Updated 9 January 2024'],
    ['published when nothing newer is stated', { publishedAt: '2024-02-27T00:00:00.000Z' }, 'Published 27 February 2024'],
    ['published from quality facts', { quality: { published: dated('2024-02-27') } }, 'Published 27 February 2024'],
    ['the day it was saved when the page gives no date', {}, 'Saved 20 November 2026'],
    ['the saved day when a stated date is unreadable', { quality: { lastReviewed: dated('sometime') } }, 'Saved 20 November 2026'],
  ])('uses %s', (_, overrides, label) => {
    expect(pageDateLabel(clip('a', overrides))).toBe(label);
  });
});
