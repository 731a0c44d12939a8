import { entryFacts, type EntryFacts } from '../consult/entry-facts';
import type { ResolvedCollection } from '../model/collection';
import type { SiteRule } from '../model/source-type';
import { shareableCollection, type ShareOptions } from './export-filter';
import { t } from '../i18n';

/**
 * Cells a spreadsheet would read as a formula (OWASP "CSV injection"):
 * starting with = + - @, or a tab or carriage return that some programs
 * skip before looking for one. Such cells get a leading apostrophe, which
 * spreadsheets show as text and do not run.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-like text neutralised, then quoted when it holds a comma, quote or line break (RFC 4180 §2). */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as RFC 4180 CSV: CRLF between records and after the last. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The header row of a list as CSV, in the user's language (a function: the i18n API exists only at run time). */
export const collectionCsvHeader = (): string[] => [
  t('exchange.csv.title'), t('exchange.csv.address'), t('exchange.csv.site'), t('exchange.csv.sourceType'),
  t('exchange.csv.date'), t('exchange.csv.note'), t('exchange.csv.passage'),
];

/**
 * A list as CSV for a spreadsheet: one row per item with its title,
 * address, site, source type, date ("Last reviewed 18 August 2023") and
 * note, and the passage for a highlight. The same sharing rules as every
 * export (private items and quotes from forum posts left out by default).
 * Starts with a UTF-8 byte-order mark so Excel reads accents and curly
 * quotes correctly. Items whose page was deleted are left out.
 */
export function collectionCsv(resolved: ResolvedCollection, siteRules: readonly SiteRule[], options: ShareOptions & { now: Date }): string {
  const shared = shareableCollection(resolved, siteRules, options);
  const facts = shared.entries.map((e) => entryFacts(e, siteRules, options.now)).filter((f): f is EntryFacts => Boolean(f));
  const rows = facts.map((f) => [f.title, f.url, f.site, f.typeLabel, f.dateLabel, f.note, f.quote ?? '']);
  return `\uFEFF${toCsv([collectionCsvHeader(), ...rows])}`;
}
