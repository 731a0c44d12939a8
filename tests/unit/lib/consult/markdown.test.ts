import { describe, expect, it } from 'vitest';
import { collectionMarkdown, escapeMarkdown, escapeMarkdownBlock, markdownLink } from '../../../../lib/consult/markdown';
import { clip, entry, highlight, NOW, prescription, readingList } from './fixtures';

/** The text with every backslash escape taken out: what is left is Markdown syntax we wrote. */
const unescaped = (md: string) => md.replace(/\\[\s\S]/g, '');

describe('escapeMarkdown', () => {
  it.each([
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    ['[x](javascript:alert(1))', '\\[x\\]\\(javascript:alert\\(1\\)\\)'],
    ['<script>alert(1)</script>', '\\<script\\>alert\\(1\\)\\</script\\>'],
    ['&amp; & | ~~', '\\&amp; \\& \\| \\~\\~'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['> not a quote', '\\> not a quote'],
    ['1. not a list', '1\\. not a list'],
    ['12) not a list', '12\\) not a list'],
    ['a\\b', 'a\\\\b'],
    ['two\nlines', 'two lines'],
    ['type-2 diabetes. Fine', 'type-2 diabetes. Fine'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('keeps lines (hard breaks) and paragraphs in blocks, escaping each line', () => {
    expect(escapeMarkdownBlock('- walk\n# swim\n\n\n1. rest')).toBe('\\- walk\\\n\\# swim\n\n1\\. rest');
  });
});

describe('markdownLink', () => {
  it('links http(s) only, with brackets and spaces in the address encoded', () => {
    expect(markdownLink('NHS', 'https://www.nhs.uk/a (b)/')).toBe('[NHS](https://www.nhs.uk/a%20%28b%29/)');
    expect(markdownLink('x', 'javascript:alert(1)')).toBe('x');
    expect(markdownLink('x', 'data:text/html,<b>')).toBe('x');
  });
});

describe('collectionMarkdown', () => {
  it('writes a reading list: appointment, what matters, questions (answered marked), reading with links, type, site and date', () => {
    const nhs = clip('asthma', { title: 'Asthma', quality: { lastReviewed: { date: '2023-08-18T00:00:00Z', source: 'text' } } });
    const list = readingList(
      {
        appointment: { date: '2026-12-03', with: 'Practice nurse' },
        whatMatters: 'Play football again',
        questions: [
          { id: 'q1', text: 'Is my inhaler right?' },
          { id: 'q2', text: 'Do I need a spacer?', answered: true, answer: 'Yes, always.' },
        ],
      },
      [entry('i1', nhs, { note: 'Night-time cough', highlight: highlight('h', 'asthma', 'cough at night', { meaning: 'this-is-me' }) }), entry('i2', undefined)],
    );
    expect(collectionMarkdown(list, [], NOW)).toBe(
      [
        '# My diabetes review',
        '',
        '**Appointment:** Thursday 3 December 2026, with Practice nurse',
        '',
        '## What matters to me',
        '',
        'Play football again',
        '',
        '## My questions',
        '',
        '1. Is my inhaler right?',
        '2. Do I need a spacer?\\',
        '   **Answered:** Yes, always.',
        '',
        '## What I have read',
        '',
        '1. [Asthma](https://www.nhs.uk/conditions/asthma/)\\',
        '   Official · nhs.uk · Last reviewed 18 August 2023\\',
        '   **Why it matters to me:** Night-time cough',
        '',
        '   > *This is me:* “cough at night”',
        '',
        '*1 page on this list is no longer in my library.*',
        '',
      ].join('\n'),
    );
  });

  it('writes a prescription: header, items with patient notes, support', () => {
    const rx = prescription(
      {
        prescriber: { service: 'Riverside Surgery', clinician: 'Dr Patel', contact: '01632 960000' },
        condition: 'Asthma',
        issuedAt: '2026-11-24T09:00:00Z',
        patientName: 'Sam',
        support: [{ id: 's', name: 'Asthma + Lung UK', contact: '0300 222 5800', note: 'Speak to a nurse' }],
      },
      [entry('i', clip('asthma', { title: 'Asthma', type: 'official' }), { note: 'Start here' })],
    );
    const md = collectionMarkdown(rx, [], NOW);
    expect(md).toContain('# Type 2 diabetes: first steps\n\n*Information prescription*\n\n**From:** Riverside Surgery\\\n**Clinician:** Dr Patel\\\n**Contact:** 01632 960000\\\n**Issued:** 24 November 2026\\\n**For:** Sam\\\n**About:** Asthma');
    expect(md).toContain('## Information for you\n\n1. [Asthma](https://www.nhs.uk/conditions/asthma/)\\\n   Official · nhs.uk · Saved 20 November 2026\\\n   Start here');
    expect(md).toContain('## Where to get support\n\n- **Asthma + Lung UK**: 0300 222 5800\\\n  Speak to a nurse');
  });

  it('cannot be broken out of by hostile titles, notes, questions or names', () => {
    const hostile = '](javascript:alert(1)) <script>alert(1)</script> <img src=x onerror=alert(1)> [click](https://evil.example) ![i](https://evil.example/x.png)';
    const list = readingList(
      { title: hostile, whatMatters: hostile, questions: [{ id: 'q', text: hostile, answered: true, answer: hostile }], appointment: { with: hostile, medicines: hostile } },
      [entry('i', clip('a', { title: hostile }), { note: hostile, highlight: highlight('h', 'a', hostile, { meaning: 'question' }) })],
    );
    const md = collectionMarkdown(list, [], NOW);
    const syntax = unescaped(md);
    // The only link is the one we made, to the page's own address; no raw HTML survives.
    expect(syntax.match(/\]\(/g)).toHaveLength(1);
    expect(md).toContain('](https://www.nhs.uk/conditions/a/)');
    expect(syntax).not.toContain('<');
    expect(syntax.replace(/^ *> /gm, '')).not.toContain('>');
    expect(md).not.toMatch(/(?<!\\)<script/);
  });
});
