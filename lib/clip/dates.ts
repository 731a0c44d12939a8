const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2100;

/** A time of day in the text ("10:00", "T10:00"): then the time zone it states matters. */
const HAS_TIME = /\d{1,2}:\d{2}/;

/**
 * Turns a date a page states (ISO 8601, RFC 2822, "2023-12-05", "2024/02/15",
 * "5 December 2023", "December 5, 2023") into an ISO string, or undefined
 * when it is not a plausible date. The text must state a four-digit year:
 * the engine's parser otherwise invents one ("12 Jan" would be 2001). A date
 * without a time is kept at midnight UTC whatever the local time zone, so it
 * never shifts to the day before.
 */
export function parsePageDate(raw: string | undefined | null): string | undefined {
  const text = raw?.trim();
  if (!text || !/\b\d{4}\b|\d{4}-\d{2}/.test(text)) return undefined;
  const isoDateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let ms: number;
  if (isoDateOnly) {
    ms = Date.UTC(+isoDateOnly[1]!, +isoDateOnly[2]! - 1, +isoDateOnly[3]!);
  } else {
    ms = Date.parse(text);
    if (!Number.isNaN(ms) && !HAS_TIME.test(text)) {
      // Parsed as local midnight: keep the calendar day, in UTC.
      const local = new Date(ms);
      ms = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate());
    }
  }
  if (Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return undefined;
  return new Date(ms).toISOString();
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ORD = '(?:st|nd|rd|th)?';

/** Day-month order for numeric dates: UK style ("05/12/2023" is 5 December) or US style (May 12). */
export type NumericDateOrder = 'dmy' | 'mdy';

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().slice(0, 3)];
}

function utcIso(year: number, month: number, day: number): string | undefined {
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  if (new Date(ms).getUTCDate() !== day) return undefined;
  return new Date(ms).toISOString();
}

const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** Patterns for dates written in text, tried in order at the start of the text. */
const TEXT_DATE_PATTERNS: { re: RegExp; read: (m: RegExpExecArray, order: NumericDateOrder) => string | undefined }[] = [
  // 2023-12-05
  { re: /^(\d{4})-(\d{1,2})-(\d{1,2})\b/, read: (m) => utcIso(+m[1]!, +m[2]!, +m[3]!) },
  // 5 December 2023, 5th Dec. 2023, 05-Dec-2023
  { re: new RegExp(`^(\\d{1,2})${ORD}[\\s-]+(?:of\\s+)?${MONTH}[\\s,-]+(\\d{4})\\b`, 'i'), read: (m) => utcIso(+m[3]!, monthNumber(m[2]!) ?? 0, +m[1]!) },
  // December 5, 2023; Dec 5th 2023
  { re: new RegExp(`^${MONTH}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})\\b`, 'i'), read: (m) => utcIso(+m[3]!, monthNumber(m[1]!) ?? 0, +m[2]!) },
  // 05/12/2023, 5.12.2023, 05-12-23
  {
    re: /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/,
    read: (m, order) => {
      const a = +m[1]!;
      const b = +m[2]!;
      const year = fullYear(m[3]!);
      const [day, month] = a > 12 ? [a, b] : b > 12 ? [b, a] : order === 'dmy' ? [a, b] : [b, a];
      return utcIso(year, month, day);
    },
  },
  // July 2012 (the first of the month)
  { re: new RegExp(`^${MONTH}[\\s,]+(\\d{4})\\b`, 'i'), read: (m) => utcIso(+m[2]!, monthNumber(m[1]!) ?? 0, 1) },
  // 2023/12/05
  { re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/, read: (m) => utcIso(+m[1]!, +m[2]!, +m[3]!) },
];

/**
 * Reads a date written in page text, at the start of `raw`: "5 December
 * 2023", "December 5, 2023", "Reviewed: July 2012" style month and year,
 * "23/10/2013" (numeric dates follow `order` unless a part is over 12).
 * Returns the ISO string at midnight UTC and the matched words, or undefined.
 */
export function parseTextDate(raw: string, order: NumericDateOrder = 'dmy'): { date: string; matched: string } | undefined {
  const text = raw.trim();
  for (const { re, read } of TEXT_DATE_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const date = read(m, order);
    if (date) return { date, matched: m[0] };
  }
  return undefined;
}
