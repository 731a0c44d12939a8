import { describe, expect, it } from 'vitest';
import { bestPassage } from '../../../../lib/search/snippet';
import { parseQuery } from '../../../../lib/search/tokenise';

const TEXT =
  'Iron deficiency anaemia is common. It is treated with iron tablets, usually 200mg ferrous sulphate twice a day for 3 months. ' +
  'A heart attack is different. Call NHS 111 if you feel worse.';
const marked = (q: string, width = 80) => {
  const p = bestPassage(TEXT, parseQuery(q), width);
  return p ? p.marks.map(([a, b]) => p.text.slice(a, b)) : undefined;
};

describe('bestPassage', () => {
  it('marks the words that matched, however they were spelled', () => {
    expect(marked('anemia iron')).toEqual(['Iron', 'anaemia', 'iron']);
    expect(marked('200 mg')).toEqual(['200mg']);
    expect(marked('myocardial infarction')).toEqual(['heart attack']);
    expect(marked('111')).toEqual(['111']);
  });

  it('prefers the passage where most parts of the query meet', () => {
    const p = bestPassage(TEXT, parseQuery('heart 111'), 80)!;
    expect(p.text).toContain('heart attack');
    expect(p.text).toContain('111');
    expect(p.cutStart).toBe(true);
    expect(p.cutEnd).toBe(false);
  });

  it('says nothing when nothing matches', () => {
    expect(bestPassage(TEXT, parseQuery('diab'))).toBeUndefined();
    expect(bestPassage(TEXT, parseQuery(''))).toBeUndefined();
  });
});
