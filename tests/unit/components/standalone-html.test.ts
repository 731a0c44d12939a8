import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { collectionHtml, STANDALONE_CSP } from '../../../components/consult/standalone-html';
import { collectionSchema } from '../../../lib/model/collection';
import { clip, entry, highlight, NOW, prescription, readingList } from '../lib/consult/fixtures';

const parse = (html: string) => new JSDOM(html).window.document;
/** Text of each match, with a space between elements (as a reader sees it) and whitespace collapsed. */
const texts = (doc: Document, selector: string) =>
  [...doc.querySelectorAll(selector)].map((e) => {
    const parts: string[] = [];
    const walker = doc.createTreeWalker(e, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.textContent ?? '');
    return parts.join(' ').replace(/\s+/g, ' ').replace(/ ([,.:”])/g, '$1').trim();
  });

const HOSTILE = '</title><script>alert(1)</script><img src=x onerror=alert(1)>](javascript:alert(1))';

function appointment() {
  const nhs = clip('type-2-diabetes', { title: 'Type 2 diabetes', quality: { lastReviewed: { date: '2023-08-18T00:00:00Z', source: 'text' }, nextReview: { date: '2026-08-18T00:00:00Z', source: 'text' } } });
  const forum = clip('forum', { url: 'https://forum.diabetes.org.uk/t/1', title: 'My first year', type: 'peer' });
  return readingList(
    {
      appointment: { date: '2026-12-03', with: 'Practice nurse', medicines: 'Metformin' },
      whatMatters: 'Keep working\nWalk the dog',
      questions: [
        { id: 'q1', text: 'What are my options?' },
        { id: 'q2', text: 'Can I drive?', answered: true, answer: 'Yes, with care.' },
      ],
    },
    [
      entry('i1', nhs, { note: 'Explains my tiredness', highlight: highlight('h', nhs.id, 'feeling very tired', { meaning: 'this-is-me' }) }),
      entry('i2', forum, { note: 'Someone like me' }),
      entry('i3', undefined),
    ],
  );
}

describe('collectionHtml', () => {
  it('is a complete file with a CSP that forbids scripts, inline CSS only, and no remote resources', () => {
    const html = collectionHtml(appointment(), [], NOW);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const doc = parse(html);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(STANDALONE_CSP);
    expect(STANDALONE_CSP).toMatch(/default-src 'none'/);
    expect(STANDALONE_CSP).not.toMatch(/script-src/);
    expect(doc.querySelectorAll('script, link, iframe, object, embed, base, form')).toHaveLength(0);
    expect(doc.querySelector('style')?.textContent).toContain('@page');
    for (const img of doc.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml,/);
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(doc.title).toBe('My diabetes review');
  });

  it('prints a reading list: appointment, what matters, questions with answers marked, reading with type, site and date', () => {
    const doc = parse(collectionHtml(appointment(), [], NOW));
    expect(texts(doc, 'h1')).toEqual(['My diabetes review']);
    expect(texts(doc, 'h2')).toEqual(['What matters to me', 'My questions', 'What I have read']);
    expect(texts(doc, '.hc-doc__fact')).toEqual(['Appointment Thursday 3 December 2026', 'With Practice nurse', 'My medicines Metformin']);
    expect(texts(doc, '.hc-doc__questions li')).toEqual(['What are my options?', '✓ Can I drive? Answered: Yes, with care.']);
    const items = texts(doc, '.hc-doc__item');
    expect(items[0]).toBe(
      'Type 2 diabetes Official nhs.uk /conditions/type-2-diabetes · Last reviewed 18 August 2023 · Review overdue This is me: “feeling very tired” Why it matters to me: Explains my tiredness',
    );
    expect(items[1]).toContain('Personal experience forum.diabetes.org.uk /t/1 · Saved 20 November 2026');
    // On paper there is no link to follow, so the address is printed; its site in bold.
    expect(doc.querySelector('.hc-doc__address')?.innerHTML).toBe('<strong>nhs.uk</strong>/conditions/type-2-diabetes');
    expect(texts(doc, '.hc-doc__notice')).toEqual(['1 page on this list is no longer in my library, so it is not shown.']);
    // Reading lists print without QR codes by default, to stay short.
    expect(doc.querySelectorAll('img')).toHaveLength(0);
  });

  it('heads a plain collection "Collection" (not "Reading list"), its pages "Pages" and notes "Note", in the catalogue\'s language', () => {
    const list = appointment();
    const plain = collectionSchema.parse({
      kind: 'collection',
      id: 'c-1',
      title: 'What our members found helpful',
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
      items: list.collection.items,
    });
    const doc = parse(collectionHtml({ collection: plain, entries: list.entries }, [], NOW));
    expect(texts(doc, '.hc-doc__kind')).toEqual(['Collection']);
    expect(texts(doc, 'h2')).toEqual(['Pages']);
    expect(texts(doc, '.hc-doc__note')[0]).toBe('Note: Explains my tiredness');
    expect(doc.documentElement.lang).toBe('en-GB');
    expect(doc.querySelector('article')?.getAttribute('lang')).toBe('en-GB');
  });

  it('prints a prescription: header, items with notes and a labelled QR code each, support; gone pages only on screen', () => {
    const rx = prescription(
      {
        prescriber: { service: 'Riverside Surgery', clinician: 'Dr A Patel', contact: '01632 960000' },
        condition: 'Type 2 diabetes',
        isTemplate: false,
        issuedAt: '2026-11-24T09:00:00Z',
        patientName: 'Sam Jones',
        support: [{ id: 's', name: 'Diabetes UK helpline', contact: '0345 123 2399', note: 'Weekdays' }],
      },
      [entry('i1', clip('type-2-diabetes', { title: 'Type 2 diabetes' }), { note: 'Start here' }), entry('i2', undefined)],
    );
    const doc = parse(collectionHtml(rx, [], NOW));
    expect(texts(doc, '.hc-doc__kind')).toEqual(['Information prescription']);
    expect(texts(doc, '.hc-doc__fact')).toEqual([
      'From Riverside Surgery',
      'Clinician Dr A Patel',
      'Contact 01632 960000',
      'Issued 24 November 2026',
      'For Sam Jones',
      'About Type 2 diabetes',
    ]);
    expect(texts(doc, 'h2')).toEqual(['Information for you', 'Where to get support']);
    const qr = doc.querySelector('.hc-doc__item figure.hc-doc__qr');
    expect(qr?.querySelector('img')?.getAttribute('alt')).toBe('QR code that opens nhs.uk/conditions/type-2-diabetes');
    expect(qr?.querySelector('figcaption')?.textContent).toBe('Scan the code, or type nhs.uk/conditions/type-2-diabetes');
    expect(texts(doc, '.hc-doc__support li')).toEqual(['Diabetes UK helpline: 0345 123 2399 Weekdays']);
    expect(doc.querySelector('.hc-doc__notice')?.classList.contains('hc-screen-only')).toBe(true);
  });

  it('escapes hostile titles, notes, questions and names everywhere', () => {
    const evil = clip('evil', { title: HOSTILE });
    const list = readingList(
      { title: HOSTILE, whatMatters: HOSTILE, questions: [{ id: 'q', text: HOSTILE, answered: true, answer: HOSTILE }], appointment: { with: HOSTILE, medicines: HOSTILE } },
      [entry('i', evil, { note: HOSTILE, highlight: highlight('h', 'evil', HOSTILE) })],
    );
    const rx = prescription(
      { title: HOSTILE, condition: HOSTILE, patientName: HOSTILE, prescriber: { service: HOSTILE, clinician: HOSTILE, contact: HOSTILE }, support: [{ id: 's', name: HOSTILE, contact: HOSTILE, note: HOSTILE }] },
      [entry('i', evil, { note: HOSTILE })],
    );
    for (const resolved of [list, rx]) {
      const html = collectionHtml(resolved, [], NOW);
      const doc = parse(html);
      expect(doc.querySelectorAll('script')).toHaveLength(0);
      expect([...doc.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on')))).toEqual([]);
      expect([...doc.querySelectorAll('img')].every((img) => img.getAttribute('src')?.startsWith('data:image/svg+xml,'))).toBe(true);
      expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://www.nhs.uk/conditions/evil/']);
      expect(doc.title).toBe(HOSTILE);
      expect(doc.querySelector('h1')?.textContent).toBe(HOSTILE);
    }
  });

  it('refuses to link a page whose stored address is not a web address', () => {
    const odd = clip('odd', { url: 'javascript:alert(1)', canonicalUrl: 'javascript:alert(1)' });
    const doc = parse(collectionHtml(prescription({}, [entry('i', odd)]), [], NOW));
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([]);
  });
});
