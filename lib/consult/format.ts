/**
 * Small text and date helpers shared by the printed list, the plain text and
 * the Markdown: one place decides how a date or an address is written.
 */

const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/**
 * "18 August 2023", or '' for a missing or unreadable date. Date-only values
 * (and midnight UTC, which is how the clipper stores a date without a time)
 * are written in UTC so the day the page states never shifts; other times
 * are written in the reader's own time zone.
 */
export function formatDay(iso: string | undefined): string {
  if (!iso) return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return '';
  const atUtcMidnight = dateOnly || /T00:00(:00(\.0+)?)?(Z|[+-]00:?00)$/.test(iso);
  return date.toLocaleDateString('en-GB', atUtcMidnight ? { ...LONG_DATE, timeZone: 'UTC' } : LONG_DATE);
}

/** A calendar date the user picked (YYYY-MM-DD) with its weekday: "Thursday 3 December 2026". */
export function formatCalendarDate(day: string | undefined): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return '';
  // Built from two parts: ICU versions differ on a comma after the weekday.
  return `${date.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' })} ${date.toLocaleDateString('en-GB', { ...LONG_DATE, timeZone: 'UTC' })}`;
}

/** Whitespace (including line breaks) collapsed to single spaces, and trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text without control characters other than line breaks and tabs, with line ends normalised. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '').trim();
}

/** Cuts text to at most `max` characters at a word boundary, ending with "…". */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * An address as people write it: no "https://", no "www.", no fragment and
 * no trailing slash ("nhs.uk/conditions/type-2-diabetes"). It still opens the
 * page when typed into a browser. Left as it is when it is not a web address.
 */
export function shortAddress(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return url;
  const host = parsed.host.toLowerCase().replace(/^www\d*\./, '');
  const path = parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/$/, '');
  return `${host}${path}${parsed.search}`;
}

/** Whether an address may be used as a link: http(s) only, never javascript: or data:. */
export function isWebAddress(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** "1 item" / "3 items". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
