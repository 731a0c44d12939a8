// First: gives the Node side the extension's messages, so page facts computed here read as the print page shows them.
import '../../scripts/node-i18n';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { entryFacts, type EntryFacts } from '../../lib/consult/entry-facts';
import type { ClipListItem } from '../../lib/db/repository';
import { clipIdsOf, collectionSchema, type Collection, type CollectionInput } from '../../lib/model/collection';
import { highlightSchema, type Highlight } from '../../lib/model/highlight';
import { ARTIFACTS, openLibrary, putRecords, saveFixtureByMessage, screenshot, useExtensionSession } from './harness';

/**
 * The printed reading list and information prescription, in real Chromium:
 * pages are saved through the extension's own clipping message, the lists
 * are written into the extension's database, and print.html is printed to
 * an A4 PDF that poppler's pdftotext/pdfinfo read back. QR codes are decoded
 * from a screenshot with jsQR.
 *
 * No message creates a list (the library editor does that in its own page),
 * and production code has no test hooks, so the lists and the one highlight
 * are put straight into the extension's IndexedDB from an extension page,
 * after the real schemas have parsed them here.
 */
const session = useExtensionSession();

const NOW_ISO = new Date().toISOString();
const PDF_DIR = join(ARTIFACTS, 'consult-print');

/** Saves a fixture page through the real clipper, from the library page. */
const saveFixture = (library: Page, name: string): Promise<ClipListItem> => saveFixtureByMessage(session, library, name);

/** Parses a collection with the real schema and stores it as the repository would (with its clip ids). */
async function putCollection(page: Page, input: CollectionInput): Promise<Collection> {
  const collection = collectionSchema.parse(input);
  await putRecords(page, 'collections', [{ ...collection, clipIds: clipIdsOf(collection) }]);
  return collection;
}

async function openPrint(id: string): Promise<Page> {
  const page = await session.ext.context.newPage();
  await page.goto(`chrome-extension://${session.ext.extensionId}/print.html#id=${encodeURIComponent(id)}`);
  await page.locator('.hc-doc').waitFor();
  return page;
}

/** Prints to an A4 PDF and reads it back: page count, text (whitespace collapsed) and one PNG per page to look at. */
async function printToPdf(page: Page, name: string): Promise<{ pages: number; text: string }> {
  mkdirSync(PDF_DIR, { recursive: true });
  const file = join(PDF_DIR, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const old of readdirSync(PDF_DIR).filter((f) => f.startsWith(`${name}-page`))) rmSync(join(PDF_DIR, old));
  execFileSync('pdftoppm', ['-r', '60', '-png', file, join(PDF_DIR, `${name}-page`)]);
  return { pages, text };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Smallest computed font size, in CSS px, of any element inside the document that holds text directly. */
function smallestPrintedFontPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Infinity;
    for (const el of document.querySelectorAll('.hc-doc *')) {
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (hasText && getComputedStyle(el).display !== 'none') smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
    }
    return smallest;
  });
}

/** Reads every QR code in the document from a full-page screenshot: [address it opens, address in its label]. */
async function decodeQrCodes(page: Page, name: string): Promise<{ decoded: string | undefined; href: string | null; label: string }[]> {
  await screenshot(page, name);
  const png = PNG.sync.read(readFileSync(join(ARTIFACTS, `${name}.png`)));
  const scale = await page.evaluate(() => window.devicePixelRatio);
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll('.hc-doc__item')].flatMap((item) => {
      const img = item.querySelector('.hc-doc__qr img');
      if (!img) return [];
      const r = img.getBoundingClientRect();
      return [
        {
          x: r.left + scrollX,
          y: r.top + scrollY,
          width: r.width,
          height: r.height,
          href: item.querySelector('a')?.getAttribute('href') ?? null,
          label: item.querySelector('figcaption')?.textContent ?? '',
        },
      ];
    }),
  );
  return boxes.map(({ x, y, width, height, href, label }) => {
    const [left, top, w, h] = [x, y, width, height].map((v) => Math.round(v * scale)) as [number, number, number, number];
    const crop = new Uint8ClampedArray(w * h * 4);
    for (let row = 0; row < h; row++) {
      const from = ((top + row) * png.width + left) * 4;
      crop.set(png.data.subarray(from, from + w * 4), row * w * 4);
    }
    return { decoded: jsQR(crop, w, h)?.data, href, label };
  });
}

const READING = [
  ['nhs-condition-page.html', 'Explains the tiredness and thirst I have had since the spring.'],
  ['charity-guide.html', 'What to do if I go low at work, and when I can drive again.'],
  ['news-article.html', 'Could the low-calorie programme work for me? I would like to try it.'],
  ['journal-abstract.html', 'A short walk after meals helped blood sugar in this trial.'],
  ['personal-blog-post.html', 'Someone else’s first year: the same worries I have.'],
  ['forum-thread.html', 'For Mum: how other families handled help with personal care.'],
  ['product-page.html', 'My friend takes these. Are they worth it, or a waste of money?'],
  ['forum-index.html', 'A forum where I could ask people living with diabetes.'],
] as const;

const QUESTIONS = [
  'What are my options?',
  'What are the benefits and risks of each option for me?',
  'What happens if I do nothing for now?',
  'How would each option fit into my daily life and my shifts at work?',
  'Should I take metformin with food to stop the stomach upset?',
  'What was my latest HbA1c result, and what should I aim for?',
  'Can I be referred to the low-calorie diet programme?',
  'Where can I find out more, or get support near me?',
];

describe('printing reading lists and information prescriptions (print.html)', () => {
  const clips: ClipListItem[] = [];

  it('prints a reading list of 8 pages and 8 questions on at most two A4 pages, with types, sites, dates and answers', async () => {
    const library = await openLibrary(session.ext);
    for (const [name] of READING) clips.push(await saveFixture(library, name));
    const nhs = clips[0]!;
    const highlight: Highlight = highlightSchema.parse({
      id: 'e2e-highlight',
      clipId: nhs.id,
      canonicalUrl: nhs.canonicalUrl,
      quote: { exact: 'feeling very tired, losing weight without trying', prefix: '', suffix: '' },
      meaning: 'this-is-me',
      note: '',
      createdAt: NOW_ISO,
      updatedAt: NOW_ISO,
    });
    await putRecords(library, 'highlights', [highlight]);
    const list = await putCollection(library, {
      kind: 'reading-list',
      id: 'e2e-reading-list',
      title: 'My diabetes review',
      createdAt: NOW_ISO,
      updatedAt: NOW_ISO,
      appointment: { date: '2026-12-03', with: 'Dr Patel, GP', medicines: 'Metformin 500 mg twice a day' },
      whatMatters: 'Keep working full time, and keep walking the dog every morning.',
      items: clips.map((c, i) => ({ id: `item-${i}`, clipId: c.id, note: READING[i]![1], ...(i === 0 ? { highlightId: highlight.id } : {}) })),
      questions: QUESTIONS.map((text, i) => ({ id: `q-${i}`, text, answered: i === 4, answer: i === 4 ? 'Yes, with breakfast and the evening meal.' : '' })),
    });
    await library.close();

    const page = await openPrint(list.id);
    // The screen shows the toolbar: print, and back to this list in the library.
    await page.getByRole('button', { name: 'Print or save as PDF' }).waitFor();
    expect(await page.getByRole('link', { name: 'Back to the list' }).getAttribute('href')).toBe('library.html#list=e2e-reading-list');
    expect(await page.title()).toBe('My diabetes review');
    await screenshot(page, 'print-reading-list');

    const { pages, text } = await printToPdf(page, 'reading-list-8-items-8-questions');
    console.log(`reading list, 8 items + 8 questions: ${pages} A4 page(s)`);
    expect(pages).toBeLessThanOrEqual(2);
    // pdftotext joins a word broken after a hyphen at a line end, dropping the hyphen: compare without spaces or hyphens.
    const compact = text.replace(/[\s-]/g, '');
    expect(text).toContain('My diabetes review');
    expect(text).toContain('Thursday 3 December 2026');
    expect(text).toContain('Metformin 500 mg twice a day');
    expect(text).toContain('Keep working full time, and keep walking the dog every morning.');
    for (const q of QUESTIONS) expect(text).toContain(q);
    expect(text).toContain('Answered: Yes, with breakfast and the evening meal.');
    const facts = clips.map((c, i) => entryFacts({ item: list.items[i]!, clip: c }, [], new Date()) as EntryFacts);
    for (const f of facts) {
      expect(text).toContain(squash(f.title));
      // The address names the site; it may wrap anywhere, so it is compared without spaces.
      expect(compact).toContain(`${f.shortUrl}·${f.dateLabel}`.replace(/[\s-]/g, ''));
      expect(text).toContain(f.typeLabel === 'Not sure' ? 'Source type not sure' : f.typeLabel);
      expect(text).toContain(f.note);
    }
    // The fixtures give updated dates, a published date and no date at all; each is printed as such.
    expect(new Set(facts.map((f) => f.dateLabel.split(' ')[0]))).toEqual(new Set(['Updated', 'Published', 'Saved']));
    expect(text).toContain('This is me: “feeling very tired, losing weight without trying”');
    expect(text).not.toContain('Print or save as PDF');

    await page.emulateMedia({ media: 'print' });
    // 14 pt is 18.67 CSS px.
    expect(await smallestPrintedFontPx(page)).toBeGreaterThanOrEqual(18.6);
    await page.close();
  });

  it('prints a prescription with its header, patient notes, a QR code per page that opens it, and support; flags what to check on screen only', async () => {
    const library = await openLibrary(session.ext);
    const pick = (name: string) => clips[READING.findIndex(([n]) => n === name)]!;
    const rx = await putCollection(library, {
      kind: 'prescription',
      id: 'e2e-prescription',
      title: 'Type 2 diabetes: your first weeks',
      createdAt: NOW_ISO,
      updatedAt: NOW_ISO,
      condition: 'Type 2 diabetes',
      prescriber: { service: 'Riverside Surgery', clinician: 'Dr A Patel, GP', contact: '01632 960000 (8am to 6pm)' },
      isTemplate: false,
      issuedAt: NOW_ISO,
      patientName: 'Sam Jones',
      items: [
        { id: 'rx-1', clipId: pick('nhs-condition-page.html').id, note: 'Start here: what type 2 diabetes is and what happens next.' },
        { id: 'rx-2', clipId: pick('charity-guide.html').id, note: 'Read this before you start any new tablets.' },
        { id: 'rx-3', clipId: 'deleted-page', note: 'A page that has since been deleted.' },
        { id: 'rx-4', clipId: pick('product-page.html').id, note: 'You asked about vitamin D: this is a shop, not advice.' },
        { id: 'rx-5', clipId: pick('forum-thread.html').id, note: 'Other families’ experience; everyone’s is different.' },
      ],
      support: [
        { id: 's-1', name: 'Diabetes UK helpline', contact: '0345 123 2399', note: 'Monday to Friday, 9am to 6pm.' },
        { id: 's-2', name: 'Healthier You programme', contact: 'Ask at reception', note: 'A free 9-month course to help you eat well and move more.' },
      ],
    });
    await library.close();

    const page = await openPrint(rx.id);
    const checks = page.locator('.hc-print-checks');
    await checks.waitFor();
    expect(await checks.locator('li[data-reason]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-reason')))).toEqual(['review-overdue', 'page-gone', 'commercial']);
    expect(await page.locator('.hc-doc__notice').textContent()).toBe('1 page on this list is no longer in the library, so it is not shown.');

    const codes = await decodeQrCodes(page, 'print-prescription');
    expect(codes).toHaveLength(4);
    for (const { decoded, href, label } of codes) {
      expect(decoded).toBe(href);
      expect(label).toContain(href!.replace(/^https?:\/\/(www\.)?/, '').replace(/[/?#].*$/, ''));
    }

    const { pages, text } = await printToPdf(page, 'prescription');
    console.log(`prescription, 4 items with QR codes + 2 support entries: ${pages} A4 page(s)`);
    for (const expected of [
      'INFORMATION PRESCRIPTION', // text-transform: uppercase
      'Type 2 diabetes: your first weeks',
      'Riverside Surgery',
      'Dr A Patel, GP',
      '01632 960000 (8am to 6pm)',
      'Sam Jones',
      'Start here: what type 2 diabetes is and what happens next.',
      'Where to get support',
      'Diabetes UK helpline',
      'A free 9-month course to help you eat well and move more.',
      'point your phone’s camera at its code, or type the address printed beside it.',
    ]) {
      expect(text).toContain(expected);
    }
    // What the professional must check, and the deleted page, stay off the patient's copy.
    expect(text).not.toContain('Check before you give this to a patient');
    expect(text).not.toContain('no longer in the library');
    expect(text).not.toContain('A page that has since been deleted.');
    await page.emulateMedia({ media: 'print' });
    expect(await smallestPrintedFontPx(page)).toBeGreaterThanOrEqual(18.6);
    await screenshot(page, 'print-prescription-print-media');
    await page.close();
  });

  it('says so when the list does not exist or none was chosen', async () => {
    const page = await session.ext.context.newPage();
    await page.goto(`chrome-extension://${session.ext.extensionId}/print.html#id=nope`);
    await page.getByRole('alert').getByText('That list is no longer in your library.').waitFor();
    await page.goto(`chrome-extension://${session.ext.extensionId}/print.html`);
    await page.reload();
    await page.getByRole('alert').getByText('No list was chosen to print.', { exact: false }).waitFor();
    expect(await page.getByRole('link', { name: 'Back to the list' }).getAttribute('href')).toBe('library.html');
    await page.close();
  });
});

