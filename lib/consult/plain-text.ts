import { shareableCollection, type ShareOptions } from '../exchange/export-filter';
import type { Prescription, ReadingList } from '../model/collection';
import { HIGHLIGHT_MEANING_LABELS } from '../model/highlight-meanings';
import type { SiteRule } from '../model/source-type';
import { entryFacts, typePhrase, type EntryFacts } from './entry-facts';
import { t } from '../i18n';
import { cleanText, formatCalendarDate, formatDay, oneLine, shorten } from './format';
import type { ResolvedCollection } from './types';

/** Patient portals and letter templates often cap a message near this length. */
export const DEFAULT_MAX_CHARS = 2_000;

/** A heading with lines that are left out from the end when the text must be shorter. */
interface Section {
  heading: string;
  lines: string[];
  /** What the lines are, to say how many were left out. */
  noun: 'question' | 'item' | 'support';
  /** Always shown after the lines (e.g. "1 page … is no longer in your library"). */
  footnote?: string;
}

/** "… and 3 more items, see the printed list.", or "3 items: see the printed list." when none of them fit. */
function leftOut(noun: Section['noun'], omitted: number, someShown: boolean): string {
  if (noun === 'question') return someShown ? t('consult.text.moreQuestions', omitted) : t('consult.text.allQuestions', omitted);
  if (noun === 'item') return someShown ? t('consult.text.moreItems', omitted) : t('consult.text.allItems', omitted);
  return someShown ? t('consult.text.moreSupport', omitted) : t('consult.text.allSupport', omitted);
}

const labelled = (label: string, value: string) => t('consult.doc.labelled', { label, value });

function renderSection(section: Section, shown: number): string {
  const omitted = section.lines.length - shown;
  const lines = section.lines.slice(0, shown);
  if (omitted > 0) lines.push(leftOut(section.noun, omitted, shown > 0));
  if (section.footnote) lines.push(section.footnote);
  return [section.heading, ...lines].join('\n');
}

function render(head: string[], sections: Section[], shown: number[]): string {
  const parts = [...head];
  sections.forEach((section, i) => {
    if (section.lines.length || section.footnote) parts.push(renderSection(section, shown[i] ?? 0));
  });
  return parts.filter(Boolean).join('\n\n');
}

/**
 * Keeps the head, then adds lines section by section, in order, while the
 * text fits; the first line that does not fit ends the text, and each
 * section says how many lines it left out. Essentials come first, so it is
 * always the end of the list (the reading) that is cut.
 */
function fit(head: string[], sections: Section[], maxChars: number): string {
  const shown = sections.map(() => 0);
  outer: for (const [s, section] of sections.entries()) {
    for (let i = 0; i < section.lines.length; i++) {
      shown[s] = i + 1;
      if (render(head, sections, shown).length > maxChars) {
        shown[s] = i;
        break outer;
      }
    }
  }
  const text = render(head, sections, shown);
  return text.length <= maxChars ? text : shorten(text, maxChars);
}

/** Multi-line text kept as lines, shortened, blank lines squeezed. */
function paragraph(text: string, max: number): string {
  return shorten(cleanText(text).replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n'), max);
}

const factsLine = (f: EntryFacts) => [typePhrase(f), f.site, f.reviewOverdue ? `${f.dateLabel} ${t('consult.doc.reviewOverdueMark')}` : f.dateLabel].join(' · ');

function readingListText(resolved: ResolvedCollection<ReadingList>, siteRules: readonly SiteRule[], now: Date, maxChars: number, noteLabel: string): string {
  const list = resolved.collection;
  const { date, with: withWhom, medicines } = list.appointment;
  const appointment = [formatCalendarDate(date), withWhom ? t('consult.doc.appointmentWith', { name: oneLine(withWhom) }) : ''].filter(Boolean).join(', ');
  const head = [
    shorten(oneLine(list.title), 200),
    [
      appointment ? labelled(t('consult.doc.appointment'), appointment) : '',
      medicines?.trim() ? labelled(t('consult.doc.medicines'), shorten(oneLine(cleanText(medicines)), 300)) : '',
    ].filter(Boolean).join('\n'),
    list.description.trim() ? paragraph(list.description, 300) : '',
    list.whatMatters.trim() ? `${t('consult.doc.whatMatters')}\n${paragraph(list.whatMatters, 500)}` : '',
  ];
  const questions = list.questions.map((q, i) => {
    const answer = q.answered ? (q.answer.trim() ? labelled(t('consult.doc.answered'), shorten(oneLine(cleanText(q.answer)), 300)) : t('consult.doc.answeredMark')) : '';
    return `${i + 1}. ${shorten(oneLine(q.text), 300)}${answer ? ` ${answer}` : ''}`;
  });
  const facts = resolved.entries.map((e) => entryFacts(e, siteRules, now));
  const present = facts.filter((f): f is EntryFacts => Boolean(f));
  const gone = facts.length - present.length;
  const reading = present.map((f, i) =>
    [
      `${i + 1}. ${shorten(f.title, 200)}`,
      `   ${factsLine(f)}`,
      f.note ? `   ${labelled(noteLabel, shorten(oneLine(f.note), 300))}` : '',
      f.quote ? `   ${labelled(f.meaning ? HIGHLIGHT_MEANING_LABELS[f.meaning] : t('consult.doc.passage'), `“${shorten(f.quote, 160)}”`)}` : '',
      `   ${f.shortUrl}`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return fit(
    head,
    [
      { heading: t('consult.doc.questions'), lines: questions, noun: 'question' },
      {
        heading: t('consult.doc.read'),
        lines: reading,
        noun: 'item',
        ...(gone ? { footnote: t('consult.doc.goneMine', gone) } : {}),
      },
    ],
    maxChars,
  );
}

function prescriptionText(resolved: ResolvedCollection<Prescription>, siteRules: readonly SiteRule[], now: Date, maxChars: number): string {
  const p = resolved.collection;
  const { service, clinician, contact } = p.prescriber;
  const head = [
    t('consult.doc.prescriptionTitle', { title: shorten(oneLine(p.title), 200) }),
    [
      service || clinician ? labelled(t('consult.doc.from'), [clinician, service].map(oneLine).filter(Boolean).join(', ')) : '',
      contact ? labelled(t('consult.doc.contact'), oneLine(contact)) : '',
      p.patientName ? labelled(t('consult.doc.for'), oneLine(p.patientName)) : '',
      p.issuedAt ? labelled(t('consult.doc.issued'), formatDay(p.issuedAt)) : '',
      p.condition ? labelled(t('consult.doc.about'), oneLine(p.condition)) : '',
    ]
      .filter(Boolean)
      .join('\n'),
    p.description.trim() ? paragraph(p.description, 500) : '',
  ];
  // Pages deleted from the library are left out without comment: the patient needs the list, and prescriptionWarnings tells the professional.
  const present = resolved.entries.map((e) => entryFacts(e, siteRules, now)).filter((f): f is EntryFacts => Boolean(f));
  const reading = present.map((f, i) =>
    [`${i + 1}. ${shorten(f.title, 200)}`, `   ${factsLine(f)}`, f.note ? `   ${shorten(oneLine(f.note), 300)}` : '', `   ${f.url}`].filter(Boolean).join('\n'),
  );
  const support = p.support.map((s) =>
    `- ${[oneLine(s.name), s.contact ? oneLine(s.contact) : ''].filter(Boolean).join(': ')}${s.note.trim() ? `. ${shorten(oneLine(cleanText(s.note)), 200)}` : ''}`,
  );
  return fit(
    head,
    [
      { heading: t('consult.doc.forYou'), lines: reading, noun: 'item' },
      { heading: t('consult.doc.support'), lines: support, noun: 'support' },
    ],
    maxChars,
  );
}

/**
 * A reading list or prescription as plain text to paste into a patient-portal
 * message or a letter, at most `maxChars` (default 2,000) characters. A
 * reading list gives the appointment, what matters to me, the questions and
 * then the reading with type, site, date and a short address; a prescription
 * gives its header, the reading with notes and addresses, then support. When
 * it must shorten, the text says how much it left out ("… and 3 more items,
 * see the printed list."). A plain collection is written like a reading list.
 */
export function collectionPlainText(
  all: ResolvedCollection,
  siteRules: readonly SiteRule[],
  now: Date,
  options: ShareOptions & { maxChars?: number } = {},
): string {
  const maxChars = Math.max(1, Math.floor(options.maxChars ?? DEFAULT_MAX_CHARS));
  // Filtered here, like every other output, so no caller can forget it.
  const resolved = shareableCollection(all, siteRules, options);
  const { collection } = resolved;
  if (collection.kind === 'prescription') return prescriptionText({ collection, entries: resolved.entries }, siteRules, now, maxChars);
  const asList: ReadingList =
    collection.kind === 'reading-list' ? collection : { ...collection, kind: 'reading-list', questions: [], whatMatters: '', appointment: {} };
  const noteLabel = collection.kind === 'reading-list' ? t('consult.doc.whyItMatters') : t('consult.doc.note');
  return readingListText({ collection: asList, entries: resolved.entries }, siteRules, now, maxChars, noteLabel);
}

