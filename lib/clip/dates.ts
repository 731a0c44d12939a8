const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2100;

/**
 * Turns a date a page states (ISO 8601, RFC 2822, "2023-12-05", "5 December
 * 2023") into an ISO string, or undefined when it is not a plausible date.
 * Dates without a time are kept at midnight UTC so they do not shift a day
 * in another time zone.
 */
export function parsePageDate(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const text = raw.trim();
  if (!text) return undefined;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ms = dateOnly ? Date.UTC(+dateOnly[1]!, +dateOnly[2]! - 1, +dateOnly[3]!) : Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return undefined;
  return new Date(ms).toISOString();
}
