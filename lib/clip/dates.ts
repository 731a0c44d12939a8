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
