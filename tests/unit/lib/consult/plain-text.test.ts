import { describe, expect, it } from 'vitest';
import { collectionPlainText, DEFAULT_MAX_CHARS } from '../../../../lib/consult/plain-text';
import { clip, entry, highlight, NOW, prescription, readingList } from './fixtures';

const dated = (date: string) => ({ date, source: 'text' as const });

function appointmentList(itemCount = 2) {
  const nhs = clip('type-2-diabetes', { title: 'Type 2 diabetes - NHS', quality: { lastReviewed: dated('2023-08-18T00:00:00.000Z') } });
  const charity = clip('hypos', {
    url: 'https://www.diabetes.org.uk/about-diabetes/looking-after-diabetes/hypos',
    title: 'Hypos | Diabetes UK',
    type: 'charity',
    publishedAt: '2024-02-27T00:00:00.000Z',
  });
  const entries = [
    entry('i1', nhs, { note: 'Explains the tiredness I have had', highlight: highlight('h1', nhs.id, 'feeling very tired', { meaning: 'this-is-me' }) }),
    entry('i2', charity, { note: 'What to do if I go low at work' }),
    ...Array.from({ length: Math.max(0, itemCount - 2) }, (_, i) => entry(`x${i}`, clip(`extra-${i}`, { title: `Extra reading number ${i}` }), { note: 'Another page I read about my diabetes and would like to ask about' })),
  ];
  return readingList(
    {
      appointment: { date: '2026-12-03', with: 'Practice nurse', medicines: 'Metformin 500 mg twice a day' },
      whatMatters: 'Keep working full time.\nWalk the dog every morning.',
      questions: [
        { id: 'q1', text: 'What are my options?' },
        { id: 'q2', text: 'Can I drive after a hypo?', answered: true, answer: 'Wait 45 minutes after feeling better.' },
      ],
    },
    entries,
  );
}

describe('collectionPlainText: reading list', () => {
  it('puts the essentials first: appointment, what matters, questions, then the reading with type, site, date and short address', () => {
    expect(collectionPlainText(appointmentList(), [], NOW)).toBe(
      [
        'My diabetes review',
        '',
        'Appointment: Thursday 3 December 2026, with Practice nurse',
        'My medicines: Metformin 500 mg twice a day',
        '',
        'What matters to me',
        'Keep working full time.',
        'Walk the dog every morning.',
        '',
        'My questions',
        '1. What are my options?',
        '2. Can I drive after a hypo? Answered: Wait 45 minutes after feeling better.',
        '',
        'What I have read',
        '1. Type 2 diabetes - NHS',
        '   Official · nhs.uk · Last reviewed 18 August 2023',
        '   Why it matters to me: Explains the tiredness I have had',
        '   This is me: “feeling very tired”',
        '   nhs.uk/conditions/type-2-diabetes',
        '2. Hypos | Diabetes UK',
        '   Charity or patient group · diabetes.org.uk · Published 27 February 2024',
        '   Why it matters to me: What to do if I go low at work',
        '   diabetes.org.uk/about-diabetes/looking-after-diabetes/hypos',
      ].join('\n'),
    );
  });

  it('keeps to 2,000 characters by default and says how many items it left out', () => {
    const list = appointmentList(30);
    const text = collectionPlainText(list, [], NOW);
    expect(text.length).toBeLessThanOrEqual(DEFAULT_MAX_CHARS);
    const shown = text.match(/^\d+\. Extra reading number/gm)?.length ?? 0;
    expect(shown).toBeGreaterThan(3);
    expect(text).toMatch(new RegExp(`… and ${30 - 2 - shown} more items, see the printed list\\.$`));
    // The questions, which come first, are all there.
    expect(text).toContain('2. Can I drive after a hypo?');
  });

  it('cuts questions too when the limit is small, and never goes over it', () => {
    const list = appointmentList(5);
    const text = collectionPlainText(list, [], NOW, { maxChars: 330 });
    expect(text.length).toBeLessThanOrEqual(330);
    expect(text).toContain('My questions\n1. What are my options?\n… and 1 more question, see the printed list.');
    expect(text).toContain('What I have read\n5 items: see the printed list.');
    for (const max of [1, 20, 80, 150]) expect(collectionPlainText(list, [], NOW, { maxChars: max }).length).toBeLessThanOrEqual(max);
  });

  it('counts pages that are gone from the library, and marks overdue reviews', () => {
    const overdue = clip('a', { title: 'Old page', quality: { nextReview: dated('2025-01-01T00:00:00Z') } });
    const text = collectionPlainText(readingList({}, [entry('i1', overdue), entry('i2', undefined), entry('i3', undefined)]), [], NOW);
    expect(text).toContain('(review overdue)');
    expect(text).toContain('2 pages on this list are no longer in my library.');
  });

  it('keeps hostile text as harmless plain text, on one line per field', () => {
    const evil = clip('evil', { title: '<script>alert(1)</script>\n2. Fake item' });
    const text = collectionPlainText(readingList({ questions: [{ id: 'q', text: '[x](javascript:alert(1))' }] }, [entry('i', evil, { note: 'line\r\nbreak\u0000' })]), [], NOW);
    expect(text).toContain('1. <script>alert(1)</script> 2. Fake item');
    expect(text).toContain('Why it matters to me: line break');
    expect(text).not.toContain('\u0000');
  });
});

describe('collectionPlainText: prescription', () => {
  it('gives the header, items with patient notes and full addresses, then support', () => {
    const rx = prescription(
      {
        prescriber: { service: 'Riverside Surgery', clinician: 'Dr A Patel, GP', contact: '01632 960 000' },
        condition: 'Type 2 diabetes',
        patientName: 'Sam Jones',
        issuedAt: '2026-11-24T09:30:00.000Z',
        isTemplate: false,
        support: [{ id: 's1', name: 'Diabetes UK helpline', contact: '0345 123 2399', note: 'Monday to Friday, 9am to 6pm' }],
      },
      [entry('i1', clip('type-2-diabetes', { title: 'Type 2 diabetes' }), { note: 'Start here: what it is and what happens next.' }), entry('i2', undefined)],
    );
    expect(collectionPlainText(rx, [], NOW)).toBe(
      [
        'Information prescription: Type 2 diabetes: first steps',
        '',
        'From: Dr A Patel, GP, Riverside Surgery',
        'Contact: 01632 960 000',
        'For: Sam Jones',
        'Issued: 24 November 2026',
        'About: Type 2 diabetes',
        '',
        'Information for you',
        '1. Type 2 diabetes',
        '   Official · nhs.uk · Saved 20 November 2026',
        '   Start here: what it is and what happens next.',
        '   https://www.nhs.uk/conditions/type-2-diabetes/',
        '',
        'Where to get support',
        '- Diabetes UK helpline: 0345 123 2399. Monday to Friday, 9am to 6pm',
      ].join('\n'),
    );
  });

  it('shortens a long prescription and says so', () => {
    const entries = Array.from({ length: 40 }, (_, i) => entry(`i${i}`, clip(`page-${i}`), { note: 'A note for the patient about this page.' }));
    const rx = prescription({ support: [{ id: 's', name: 'Helpline', contact: '', note: '' }] }, entries);
    const text = collectionPlainText(rx, [], NOW, { maxChars: 1_000 });
    expect(text.length).toBeLessThanOrEqual(1_000);
    expect(text).toMatch(/… and \d+ more items, see the printed list\.\n\nWhere to get support\n1 support contact: see the printed list\.$/);
  });
});

describe('collectionPlainText: plain collection', () => {
  it('is written like a reading list without the appointment parts', () => {
    const { entries } = readingList({}, [entry('i', clip('a'), { note: 'curator note' })]);
    const text = collectionPlainText(
      { collection: { kind: 'collection', id: 'c', title: 'Diabetes basics', description: '', items: entries.map((e) => e.item), createdAt: '', updatedAt: '' }, entries },
      [],
      NOW,
    );
    expect(text).toMatch(/^Diabetes basics\n\nWhat I have read\n1\. Page a\n.*\n {3}Note: curator note\n/);
  });
});
