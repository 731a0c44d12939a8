import { describe, expect, it } from 'vitest';
import { bareHost, pageAddressVariants } from '../../../../lib/model/page-address';

describe('page address variants', () => {
  it.each([
    ['www.nhs.uk', 'nhs.uk'],
    ['m.example.org', 'example.org'],
    ['mobile.twitter.com', 'twitter.com'],
    ['WWW.Diabetes.org.uk', 'diabetes.org.uk'],
    ['nhs.uk', 'nhs.uk'],
    ['www.uk', 'www.uk'], // never strips down to a bare suffix
    ['media.example.org', 'media.example.org'],
  ])('bare host of %s is %s', (host, bare) => {
    expect(bareHost(host)).toBe(bare);
  });

  it('lists the same path and query on http/https with and without www./m./mobile.', () => {
    const variants = pageAddressVariants('https://www.nhs.uk/conditions/asthma/?tab=symptoms');
    expect(variants[0]).toBe('https://www.nhs.uk/conditions/asthma/?tab=symptoms');
    expect(variants).toEqual(
      expect.arrayContaining([
        'https://nhs.uk/conditions/asthma/?tab=symptoms',
        'https://m.nhs.uk/conditions/asthma/?tab=symptoms',
        'http://www.nhs.uk/conditions/asthma/?tab=symptoms',
        'https://mobile.nhs.uk/conditions/asthma/?tab=symptoms',
      ]),
    );
    expect(variants).toHaveLength(8);
    expect(variants.every((v) => v.endsWith('/conditions/asthma/?tab=symptoms'))).toBe(true);
  });

  it('keeps anything that is not a web address as it is', () => {
    expect(pageAddressVariants('not a url')).toEqual(['not a url']);
    expect(pageAddressVariants('file:///C:/notes.html')).toEqual(['file:///C:/notes.html']);
  });
});
