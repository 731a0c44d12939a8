import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, isWebUrl, resolveCanonicalUrl } from '../../../../lib/clip/canonical-url';

describe('canonicalizeUrl', () => {
  it.each([
    ['utm_* parameters', 'https://www.nhs.uk/conditions/acne/?utm_source=newsletter&utm_medium=email&utm_campaign=spring', 'https://www.nhs.uk/conditions/acne/'],
    ['gclid', 'https://www.boots.com/vitamin-d?gclid=EAIaIQobChMI', 'https://www.boots.com/vitamin-d'],
    ['fbclid', 'https://www.bbc.co.uk/news/health-68412345?fbclid=IwAR2xYz', 'https://www.bbc.co.uk/news/health-68412345'],
    ['tracking names in any case', 'https://www.bbc.co.uk/news/health-1?UTM_Source=x&FBCLID=y', 'https://www.bbc.co.uk/news/health-1'],
    ['other known trackers (msclkid, mc_cid, _ga, pk_*)', 'https://example.org/a?msclkid=1&mc_cid=2&mc_eid=3&_ga=4&pk_campaign=5', 'https://example.org/a'],
    ['the fragment', 'https://www.nhs.uk/conditions/acne/#symptoms', 'https://www.nhs.uk/conditions/acne/'],
    ['fragment and trackers together', 'https://www.nhs.uk/conditions/acne/?utm_campaign=x#symptoms', 'https://www.nhs.uk/conditions/acne/'],
    ['upper-case host', 'https://WWW.NHS.UK/conditions/acne/', 'https://www.nhs.uk/conditions/acne/'],
    ['default https port', 'https://www.nhs.uk:443/conditions/acne/', 'https://www.nhs.uk/conditions/acne/'],
    ['default http port', 'http://www.nhs.uk:80/conditions/acne/', 'http://www.nhs.uk/conditions/acne/'],
    ['an empty query', 'https://www.nhs.uk/conditions/acne/?', 'https://www.nhs.uk/conditions/acne/'],
    ['user name and password', 'https://someone:secret@example.org/page', 'https://example.org/page'],
    ['surrounding white space', '  https://www.nhs.uk/conditions/acne/\n', 'https://www.nhs.uk/conditions/acne/'],
  ])('strips %s', (_what, input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it.each([
    ['forum thread ids', 'https://bpdfamily.com/message_board/index.php?topic=343886.0', 'https://bpdfamily.com/message_board/index.php?topic=343886.0'],
    ['search terms beside trackers, in order', 'https://clinicaltrials.gov/ct2/show/NCT03746262?utm_source=x&term=Guardant&cond=cancer', 'https://clinicaltrials.gov/ct2/show/NCT03746262?term=Guardant&cond=cancer'],
    ['a non-default port', 'https://localhost:8443/page?id=3', 'https://localhost:8443/page?id=3'],
    ['path case', 'https://www.nhs.uk/Conditions/Acne/Pages/Introduction.aspx', 'https://www.nhs.uk/Conditions/Acne/Pages/Introduction.aspx'],
    ['a trailing slash as it was', 'https://www.diabetes.org.uk/guide', 'https://www.diabetes.org.uk/guide'],
    ['parameters that merely contain a tracker name', 'https://example.org/a?my_utm=1&gclidx=2', 'https://example.org/a?my_utm=1&gclidx=2'],
  ])('keeps %s', (_what, input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('gives the same address for the same page reached by different links', () => {
    const fromSearch = canonicalizeUrl('https://www.nhs.uk/conditions/type-2-diabetes/');
    const fromNewsletter = canonicalizeUrl('https://WWW.nhs.uk:443/conditions/type-2-diabetes/?utm_source=newsletter&utm_medium=email#symptoms');
    expect(fromNewsletter).toBe(fromSearch);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'chrome://version',
    'chrome-extension://abcdef/library.html',
    'about:blank',
    'ftp://example.org/file.txt',
    'mailto:someone@example.org',
    'not a url',
    '',
    '/relative/path',
  ])('rejects %j', (input) => {
    expect(canonicalizeUrl(input)).toBeUndefined();
  });
});

describe('isWebUrl', () => {
  it.each([
    ['https://www.nhs.uk/', true],
    ['http://example.org/page?x=1', true],
    ['HTTPS://EXAMPLE.ORG/', true],
    ['javascript:alert(1)', false],
    ['data:text/plain,hi', false],
    ['file:///tmp/a.html', false],
    ['chrome://settings', false],
    ['about:blank', false],
    ['www.nhs.uk', false],
    ['', false],
  ])('%j -> %s', (input, expected) => {
    expect(isWebUrl(input)).toBe(expected);
  });
});

describe('resolveCanonicalUrl', () => {
  const page = 'https://www.nhs.uk/conditions/type-2-diabetes/?utm_source=newsletter#symptoms';

  it('uses the page address, canonicalised, when no canonical link is declared', () => {
    expect(resolveCanonicalUrl(page, undefined)).toBe('https://www.nhs.uk/conditions/type-2-diabetes/');
    expect(resolveCanonicalUrl(page, '')).toBe('https://www.nhs.uk/conditions/type-2-diabetes/');
  });

  it('prefers a sound declared canonical address', () => {
    expect(resolveCanonicalUrl('https://m.example.org/story?id=7&utm_medium=social', 'https://www.example.org/news/story-7'))
      .toBe('https://www.example.org/news/story-7');
  });

  it('canonicalises the declared address too', () => {
    expect(resolveCanonicalUrl(page, 'https://WWW.NHS.UK/conditions/type-2-diabetes/?utm_campaign=x#top'))
      .toBe('https://www.nhs.uk/conditions/type-2-diabetes/');
  });

  it('resolves a relative canonical link against the page address', () => {
    expect(resolveCanonicalUrl(page, '/conditions/type-2-diabetes/')).toBe('https://www.nhs.uk/conditions/type-2-diabetes/');
    expect(resolveCanonicalUrl('https://forum.example.org/threads/a.12/page-2', 'page-1')).toBe('https://forum.example.org/threads/a.12/page-1');
    expect(resolveCanonicalUrl('https://www.example.org/a/b', '//www.example.org/c')).toBe('https://www.example.org/c');
  });

  it('ignores a canonical link to the site root from a deeper page (a common CMS mistake)', () => {
    expect(resolveCanonicalUrl(page, 'https://www.nhs.uk/')).toBe('https://www.nhs.uk/conditions/type-2-diabetes/');
    expect(resolveCanonicalUrl(page, '/')).toBe('https://www.nhs.uk/conditions/type-2-diabetes/');
    expect(resolveCanonicalUrl('https://clinic.example.co.uk/treatments/acne', 'https://other.example.com/')).toBe('https://clinic.example.co.uk/treatments/acne');
  });

  it('ignores a root canonical for a page named only by its query', () => {
    expect(resolveCanonicalUrl('https://bpdfamily.com/?topic=343886', 'https://bpdfamily.com/')).toBe('https://bpdfamily.com/?topic=343886');
  });

  it('accepts a root canonical on the home page itself', () => {
    expect(resolveCanonicalUrl('https://www.nhs.uk/?utm_source=x', 'https://www.nhs.uk/')).toBe('https://www.nhs.uk/');
  });

  it('accepts a root canonical that still names a page by its query (WordPress short links)', () => {
    expect(resolveCanonicalUrl('https://blog.example.org/2024/03/post/', '/?p=812')).toBe('https://blog.example.org/?p=812');
  });

  it('ignores a canonical link that is not a web address', () => {
    expect(resolveCanonicalUrl(page, 'javascript:alert(1)')).toBe('https://www.nhs.uk/conditions/type-2-diabetes/');
    expect(resolveCanonicalUrl(page, 'data:text/html,hi')).toBe('https://www.nhs.uk/conditions/type-2-diabetes/');
    expect(resolveCanonicalUrl(page, 'http://[broken')).toBe('https://www.nhs.uk/conditions/type-2-diabetes/');
  });

  it('falls back to the declared address when the page address is not a web address', () => {
    expect(resolveCanonicalUrl('about:blank', 'https://www.nhs.uk/conditions/acne/')).toBe('https://www.nhs.uk/conditions/acne/');
  });

  it('gives undefined when neither address is a web address', () => {
    expect(resolveCanonicalUrl('file:///tmp/page.html', undefined)).toBeUndefined();
  });
});
