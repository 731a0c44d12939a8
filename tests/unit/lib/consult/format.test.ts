import { describe, expect, it } from 'vitest';
import { cleanText, formatCalendarDate, formatDay, isWebAddress, shortAddress, shorten } from '../../../../lib/consult/format';

describe('formatDay', () => {
  it.each([
    ['2023-08-18', '18 August 2023'],
    ['2023-08-18T00:00:00.000Z', '18 August 2023'],
    ['2023-08-18T00:00:00+00:00', '18 August 2023'],
    ['2026-11-24T12:00:00Z', '24 November 2026'],
    ['', ''],
    [undefined, ''],
    ['not a date', ''],
  ])('%j → %j', (iso, text) => {
    expect(formatDay(iso)).toBe(text);
  });
});

describe('formatCalendarDate', () => {
  it('writes the weekday and the date, with no comma whatever the ICU version', () => {
    expect(formatCalendarDate('2026-12-03')).toBe('Thursday 3 December 2026');
    expect(formatCalendarDate('next Tuesday')).toBe('');
    expect(formatCalendarDate(undefined)).toBe('');
  });
});

describe('shortAddress', () => {
  it.each([
    ['https://www.nhs.uk/conditions/type-2-diabetes/', 'nhs.uk/conditions/type-2-diabetes'],
    ['https://www.nhs.uk/', 'nhs.uk'],
    ['http://www2.example.org/a?b=1#top', 'example.org/a?b=1'],
    ['https://pubmed.ncbi.nlm.nih.gov/38123456/', 'pubmed.ncbi.nlm.nih.gov/38123456'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['not an address', 'not an address'],
  ])('%s → %s', (url, short) => {
    expect(shortAddress(url)).toBe(short);
  });
});

describe('text helpers', () => {
  it('shortens at a word with an ellipsis, never over the limit', () => {
    expect(shorten('one two three four', 11)).toBe('one two…');
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('abcdefghijkl', 6)).toBe('abcde…');
    expect(shorten('abc', 1)).toBe('…');
  });

  it('drops control characters and normalises line ends', () => {
    expect(cleanText(' a\r\nb\u0000\u0007c\u2028 ')).toBe('a\nbc');
  });

  it('accepts only web addresses as links', () => {
    expect(isWebAddress('https://nhs.uk')).toBe(true);
    expect(isWebAddress('http://nhs.uk')).toBe(true);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress('data:text/html,x')).toBe(false);
    expect(isWebAddress('nhs.uk')).toBe(false);
  });
});
