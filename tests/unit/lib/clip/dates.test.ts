import { afterEach, describe, expect, it } from 'vitest';
import { parsePageDate } from '../../../../lib/clip/dates';

const originalTz = process.env.TZ;
afterEach(() => {
  // Node re-reads TZ whenever it is assigned or deleted.
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('parsePageDate', () => {
  it.each([
    ['ISO with offset', '2024-05-14T09:12:40+00:00', '2024-05-14T09:12:40.000Z'],
    ['ISO with another offset', '2024-02-27T10:26:51+01:00', '2024-02-27T09:26:51.000Z'],
    ['ISO with milliseconds', '2024-02-27T00:04:13.000Z', '2024-02-27T00:04:13.000Z'],
    ['XenForo offset without colon', '2024-01-22T21:14:05+0000', '2024-01-22T21:14:05.000Z'],
    ['RFC 2822', 'Tue, 05 Dec 2023 10:00:00 GMT', '2023-12-05T10:00:00.000Z'],
    ['date only, kept at midnight UTC', '2023-12-05', '2023-12-05T00:00:00.000Z'],
    ['surrounding white space', '  2023-12-05\n', '2023-12-05T00:00:00.000Z'],
  ])('reads %s', (_what, raw, expected) => {
    expect(parsePageDate(raw)).toBe(expected);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['empty', ''],
    ['blank', '   '],
    ['words', 'last Tuesday'],
    ['a UK numeric date Date.parse cannot read', '18/08/2023'],
    ['a year before the web', '1899-12-31'],
    ['a year far ahead', '2999-01-01'],
    ['an ISO duration from a recipe', 'PT15M'],
  ])('gives undefined for %s', (_what, raw) => {
    expect(parsePageDate(raw)).toBeUndefined();
  });

  // BUG (lib/clip/dates.ts): Date.parse fills a missing year with 2001, so
  // yearless or junk values become confident dates 20+ years old.
  it.each([
    ['a date without a year', '12 Jan'],
    ['a bare number', '5'],
    ['a page number', 'Page 2'],
  ])('gives undefined for %s (no year stated)', (_what, raw) => {
    expect(parsePageDate(raw)).toBeUndefined();
  });

  // BUG (lib/clip/dates.ts): only YYYY-MM-DD is pinned to UTC. Other date-only
  // forms go through Date.parse in local time, so in New Zealand (or in the UK
  // in summer) the stored date is the day before the one the page states.
  it.each([
    ['5 December 2023', '2023-12-05T00:00:00.000Z'],
    ['December 5, 2023', '2023-12-05T00:00:00.000Z'],
    ['2024/02/15', '2024-02-15T00:00:00.000Z'],
  ])('keeps the date-only %j at midnight UTC in any time zone', (raw, expected) => {
    process.env.TZ = 'UTC';
    expect(parsePageDate(raw)).toBe(expected);
    process.env.TZ = 'Pacific/Auckland';
    expect(parsePageDate(raw)).toBe(expected);
    process.env.TZ = 'Europe/London';
    expect(parsePageDate(raw)).toBe(expected);
  });
});
