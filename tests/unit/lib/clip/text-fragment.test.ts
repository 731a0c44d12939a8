import { describe, expect, it } from 'vitest';
import { textFragmentUrl } from '../../../../lib/clip/text-fragment';

describe('textFragmentUrl', () => {
  it('names a short passage whole, with a little context either side', () => {
    expect(textFragmentUrl('https://www.nhs.uk/conditions/asthma/#symptoms', { exact: 'a tight chest', prefix: 'wheezing, breathlessness and ', suffix: ', and coughing' })).toBe(
      'https://www.nhs.uk/conditions/asthma/#:~:text=wheezing%2C%20breathlessness%20and-,a%20tight%20chest,-%2C%20and%20coughing',
    );
  });

  it('names a long passage by its first and last words', () => {
    const url = textFragmentUrl('https://example.org/p', {
      exact: 'Take one tablet twice a day with food, and do not stop taking it without advice',
      prefix: '',
      suffix: '',
    });
    expect(url).toBe('https://example.org/p#:~:text=Take%20one%20tablet%20twice,taking%20it%20without%20advice');
  });

  it('escapes the characters the directive reserves', () => {
    expect(textFragmentUrl('https://example.org/', { exact: 'type-2, adult-onset', prefix: '', suffix: '' })).toBe(
      'https://example.org/#:~:text=type%2D2%2C%20adult%2Donset',
    );
  });
});
