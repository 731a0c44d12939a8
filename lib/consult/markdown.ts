import type { Prescription, ReadingList } from '../model/collection';
import { HIGHLIGHT_MEANING_LABELS } from '../model/highlight-meanings';
import type { SiteRule } from '../model/source-type';
import { entryFacts, typePhrase, type EntryFacts } from './entry-facts';
import { t } from '../i18n';
import { cleanText, formatCalendarDate, formatDay, isWebAddress, oneLine } from './format';
import type { ResolvedCollection } from './types';
import { shareableCollection, type ShareOptions } from '../exchange/export-filter';

/**
 * Escapes text so Markdown shows it as written: every character that can
 * start emphasis, code, a link, an image, HTML, an entity, a table cell or a
 * strike-through is backslash-escaped (CommonMark §2.4), and so is anything
 * at the start that could begin a heading, quote, list or rule. Line breaks
 * are collapsed: use `escapeMarkdownBlock` for text with lines.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_{}[\]()<>#!|~&"$]/g, '\\$&')
    .replace(/^([-+=>:])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Text with line breaks kept (as hard breaks) and paragraphs kept, every line escaped. */
export function escapeMarkdownBlock(text: string): string {
  return cleanText(text)
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => escapeMarkdown(line))
        .filter(Boolean)
        .join('\\\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

/** A link destination that cannot break out of `(…)`: http(s) only, with brackets, spaces and quotes percent-encoded. */
function linkTarget(url: string): string | undefined {
  if (!isWebAddress(url)) return undefined;
  return new URL(url).href.replace(/[()<>\s"'`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[title](url)`, or the escaped title alone when the address is not a web address. */
export function markdownLink(title: string, url: string): string {
  const target = linkTarget(url);
  return target ? `[${escapeMarkdown(title)}](${target})` : escapeMarkdown(title);
}

/** A label in bold with its colon ("**From:**"); labels come from our catalogue, but are escaped in case a translation has a "*". */
const bold = (label: string) => `**${escapeMarkdown(label)}:**`;

/** Lines of a list item, the continuation lines indented under its text. */
function listItem(marker: string, lines: string[]): string {
  const indent = ' '.repeat(marker.length + 1);
  return lines.map((line, i) => (i === 0 ? `${marker} ${line}` : line ? `${indent}${line}` : '')).join('\n');
}

function entryLines(f: EntryFacts, noteLabel: string | undefined): string[] {
  const facts = [typePhrase(f), f.site, f.dateLabel].map(escapeMarkdown).join(' · ');
  // One paragraph with hard line breaks (a trailing backslash), so the list stays compact.
  const paragraph = [
    markdownLink(f.title, f.url),
    `${facts}${f.reviewOverdue ? ` · **${t('consult.doc.reviewOverdue')}**` : ''}`,
    ...(f.note ? [noteLabel ? `${bold(noteLabel)} ${escapeMarkdown(f.note)}` : escapeMarkdown(f.note)] : []),
  ];
  return [
    ...paragraph.map((line, i) => (i < paragraph.length - 1 ? `${line}\\` : line)),
    ...(f.quote ? ['', `> ${f.meaning ? `*${HIGHLIGHT_MEANING_LABELS[f.meaning]}:* ` : ''}“${escapeMarkdown(f.quote)}”`] : []),
  ];
}

function readingList(list: ReadingList, facts: (EntryFacts | undefined)[], noteLabel: string): string[] {
  const out: string[] = [`# ${escapeMarkdown(list.title)}`];
  const { date, with: withWhom, medicines } = list.appointment;
  const meta: string[] = [];
  if (date || withWhom) {
    const when = [formatCalendarDate(date), withWhom ? t('consult.doc.appointmentWith', { name: escapeMarkdown(withWhom) }) : ''].filter(Boolean).join(', ');
    meta.push(`${bold(t('consult.doc.appointment'))} ${when}`);
  }
  if (medicines?.trim()) meta.push(`${bold(t('consult.doc.medicines'))} ${escapeMarkdown(medicines)}`);
  if (meta.length) out.push(meta.join('\\\n'));
  if (list.description.trim()) out.push(escapeMarkdownBlock(list.description));
  if (list.whatMatters.trim()) out.push(`## ${t('consult.doc.whatMatters')}`, escapeMarkdownBlock(list.whatMatters));
  if (list.questions.length) {
    out.push(
      `## ${t('consult.doc.questions')}`,
      list.questions
        .map((q, i) =>
          listItem(`${i + 1}.`, [
            `${escapeMarkdown(q.text)}${q.answered ? '\\' : ''}`,
            ...(q.answered ? [`${bold(t('consult.doc.answered'))} ${q.answer.trim() ? escapeMarkdown(q.answer) : t('consult.doc.answeredYes')}`] : []),
          ]),
        )
        .join('\n'),
    );
  }
  const present = facts.filter((f): f is EntryFacts => Boolean(f));
  const gone = facts.length - present.length;
  if (present.length || gone) {
    out.push(`## ${t('consult.doc.read')}`);
    if (present.length) out.push(present.map((f, i) => listItem(`${i + 1}.`, entryLines(f, noteLabel))).join('\n\n'));
    if (gone) out.push(`*${t('consult.doc.goneMine', gone)}*`);
  }
  return out;
}

function prescription(p: Prescription, facts: (EntryFacts | undefined)[]): string[] {
  const out: string[] = [`# ${escapeMarkdown(p.title)}`, `*${t('consult.doc.kindPrescription')}*`];
  const { service, clinician, contact } = p.prescriber;
  const meta = [
    service ? `${bold(t('consult.doc.from'))} ${escapeMarkdown(service)}` : '',
    clinician ? `${bold(t('consult.doc.clinician'))} ${escapeMarkdown(clinician)}` : '',
    contact ? `${bold(t('consult.doc.contact'))} ${escapeMarkdown(contact)}` : '',
    p.issuedAt ? `${bold(t('consult.doc.issued'))} ${formatDay(p.issuedAt)}` : '',
    p.patientName ? `${bold(t('consult.doc.for'))} ${escapeMarkdown(p.patientName)}` : '',
    p.condition ? `${bold(t('consult.doc.about'))} ${escapeMarkdown(p.condition)}` : '',
  ].filter(Boolean);
  if (meta.length) out.push(meta.join('\\\n'));
  if (p.description.trim()) out.push(escapeMarkdownBlock(p.description));
  const present = facts.filter((f): f is EntryFacts => Boolean(f));
  if (present.length) out.push(`## ${t('consult.doc.forYou')}`, present.map((f, i) => listItem(`${i + 1}.`, entryLines(f, undefined))).join('\n\n'));
  if (p.support.length) {
    out.push(
      `## ${t('consult.doc.support')}`,
      p.support
        .map((s) =>
          listItem('-', [
            `**${escapeMarkdown(s.name)}**${s.contact ? `: ${escapeMarkdown(s.contact)}` : ''}${s.note.trim() ? '\\' : ''}`,
            ...(s.note.trim() ? [escapeMarkdown(s.note)] : []),
          ]),
        )
        .join('\n'),
    );
  }
  return out;
}

/**
 * A reading list or prescription as Markdown, for notes apps and e-mail.
 * All user and page text is escaped, and links are `[title](url)` with
 * http(s) addresses only. Pages deleted from the library are left out (a
 * reading list says how many). Shared like every export (lib/exchange/
 * export-filter.ts): private items and quotes from forum posts and
 * personal stories are left out unless `options` include them.
 */
export function collectionMarkdown(all: ResolvedCollection, siteRules: readonly SiteRule[], now: Date, options: ShareOptions = {}): string {
  const resolved = shareableCollection(all, siteRules, options);
  const { collection } = resolved;
  const facts = resolved.entries.map((e) => entryFacts(e, siteRules, now));
  const blocks =
    collection.kind === 'prescription'
      ? prescription(collection, facts)
      : readingList(
          collection.kind === 'reading-list' ? collection : { ...collection, kind: 'reading-list', questions: [], whatMatters: '', appointment: {} },
          facts,
          collection.kind === 'reading-list' ? t('consult.doc.whyItMatters') : t('consult.doc.note'),
        );
  return `${blocks.join('\n\n')}\n`;
}
