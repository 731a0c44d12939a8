import { fail, ok } from '../model/result';
import { doiToUrl } from './csl-json';
import { DraftCollector, type LinkParseResult } from './link-drafts';
import { t } from '../i18n';

/**
 * Reads RIS, the tagged citation format of Zotero, EndNote, Mendeley and
 * most journal sites: one field per line, "TY  - JOUR" starts a record and
 * "ER  - " ends it; a line without a tag continues the field before it.
 * Tags read: TY, TI/T1 (title), UR (address), DO (DOI), PY/DA/Y1
 * (published), Y2 (accessed, as Zotero writes it), JF/JO/T2/J2/JA (journal
 * or site), N1 (notes), KW (keywords, one per line, become tags).
 * Spec: https://en.wikipedia.org/wiki/RIS_(file_format)
 */

const FIELD = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/;

type RisRecord = Map<string, string[]>;

/** The records of a RIS file; a record cut off by the end of the file is kept. */
function recordsOf(source: string): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | undefined;
  let last: { tag: string; index: number } | undefined;
  for (const line of source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const match = FIELD.exec(line.trimEnd());
    if (!match) {
      // A continuation of a long field (an abstract or note wrapped over lines).
      const values = last ? current?.get(last.tag) : undefined;
      if (last && values && line.trim()) values[last.index] = `${values[last.index] ?? ''} ${line.trim()}`;
      continue;
    }
    const tag = match[1] ?? '';
    const value = (match[2] ?? '').trim();
    if (tag === 'TY') {
      current = new Map([['TY', [value]]]);
      records.push(current);
      last = undefined;
      continue;
    }
    if (!current) continue;
    if (tag === 'ER') {
      current = undefined;
      last = undefined;
      continue;
    }
    const values = current.get(tag) ?? [];
    values.push(value);
    current.set(tag, values);
    last = { tag, index: values.length - 1 };
  }
  return records;
}

const first = (record: RisRecord, ...tags: string[]) => {
  for (const tag of tags) {
    const value = record.get(tag)?.find((v) => v.trim());
    if (value) return value.trim();
  }
  return undefined;
};

/** "2021/03/01/", "2021///", "2021-03-01" as "2021-03-01", "2021" …; undefined when it is not a date. */
export function risDateToIso(value: string | undefined): string | undefined {
  const m = /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?/.exec(value?.trim() ?? '');
  if (!m) return undefined;
  const [, year, month, day] = m;
  const pad = (s: string) => s.padStart(2, '0');
  if (!month || Number(month) < 1 || Number(month) > 12) return year;
  if (!day || Number(day) < 1 || Number(day) > 31) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Zotero writes its notes into N1 as HTML: keep the words. */
function noteText(html: string): string {
  if (!/<[a-z/][^>]*>/i.test(html)) return html.trim();
  return html
    .replace(/<(br|\/p|\/div|\/li)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first http(s) address among UR (and L2, the full-text link) values; several may share a line. */
function webAddressOf(record: RisRecord): string | undefined {
  for (const tag of ['UR', 'L2']) {
    for (const value of record.get(tag) ?? []) {
      const found = value.split(/[\s;]+/).find((v) => /^https?:\/\//i.test(v));
      if (found) return found;
    }
  }
  return undefined;
}

/** Links from a RIS file, as drafts; a plain message when the file is not one. */
export function parseRis(source: string, options: { now: Date }): LinkParseResult {
  const records = recordsOf(source);
  if (records.length === 0) {
    return fail('invalid-input', t('exchange.links.notRis'));
  }
  const out = new DraftCollector('ris', options.now);
  for (const record of records) {
    const url = webAddressOf(record) ?? doiToUrl(first(record, 'DO'));
    const accessed = risDateToIso(first(record, 'Y2'));
    out.add({
      url: url ?? first(record, 'UR'),
      title: first(record, 'TI', 'T1', 'CT', 'BT', 'ST'),
      tags: (record.get('KW') ?? []).flatMap((k) => k.split(';')),
      note: (record.get('N1') ?? []).map(noteText).filter(Boolean).join('\n\n'),
      savedAt: accessed ? new Date(accessed) : undefined,
      publishedAt: risDateToIso(first(record, 'DA', 'PY', 'Y1')),
      siteName: first(record, 'JF', 'JO', 'T2', 'J2', 'JA'),
    });
  }
  return ok(out.result());
}
