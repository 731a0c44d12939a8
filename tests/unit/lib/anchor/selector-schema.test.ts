import { describe, expect, it } from 'vitest';
import { SELECTOR_LIMITS, selectorsSchema, type SelectorInput } from '../../../../lib/model/selectors';

/** lib/model/selectors.ts: what a stored or imported highlight's selectors may look like. */

const quote: SelectorInput = { type: 'TextQuoteSelector', exact: 'Take 5 mg twice a day', prefix: 'Adults: ', suffix: ' with food.' };
const position: SelectorInput = { type: 'TextPositionSelector', start: 120, end: 141 };
const range: SelectorInput = {
  type: 'RangeSelector',
  startSelector: { type: 'XPathSelector', value: '/main[1]/p[2]', refinedBy: { type: 'TextPositionSelector', start: 8, end: 8 } },
  endSelector: { type: 'XPathSelector', value: '/main[1]/p[2]', refinedBy: { type: 'TextPositionSelector', start: 29, end: 29 } },
};

describe('selectorsSchema', () => {
  it.each<[string, unknown]>([
    ['what describe() returns', [quote, position, range]],
    ['a quote alone', [quote]],
    ['a quote without context (W3C makes prefix and suffix optional)', [{ type: 'TextQuoteSelector', exact: 'Rest.' }]],
    ['a RangeSelector whose ends are whole elements', [quote, { ...range, startSelector: { type: 'XPathSelector', value: '/p[1]' } }]],
  ])('accepts %s', (_name, input) => {
    expect(selectorsSchema.safeParse(input).success).toBe(true);
  });

  it('fills in missing context as empty', () => {
    expect(selectorsSchema.parse([{ type: 'TextQuoteSelector', exact: 'Rest.' }])).toEqual([{ type: 'TextQuoteSelector', exact: 'Rest.', prefix: '', suffix: '' }]);
  });

  it.each<[string, unknown]>([
    ['no selectors', []],
    ['no quote (positions are never trusted alone)', [position, range]],
    ['two quotes', [quote, quote]],
    ['an empty quote', [{ ...quote, exact: '' }]],
    ['context longer than the limit', [{ ...quote, prefix: 'x'.repeat(SELECTOR_LIMITS.maxContextChars + 1) }]],
    ['a negative offset', [quote, { ...position, start: -1 }]],
    ['an end before the start', [quote, { ...position, start: 10, end: 9 }]],
    ['a fractional offset', [quote, { ...position, end: 140.5 }]],
    ['an unknown selector type', [quote, { type: 'CssSelector', value: 'p' }]],
    ['an XPath longer than the limit', [quote, { ...range, endSelector: { type: 'XPathSelector', value: '/p[1]'.repeat(500) } }]],
    ['too many selectors', Array.from({ length: SELECTOR_LIMITS.maxSelectors + 1 }, (_, i) => (i === 0 ? quote : position))],
    ['not a list', quote],
  ])('rejects %s', (_name, input) => {
    expect(selectorsSchema.safeParse(input).success).toBe(false);
  });
});
