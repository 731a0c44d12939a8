import { describe, expect, it } from 'vitest';
import { describeMove, listProblem, moveById, questionSuggestions, removeById, updateById } from '../../../../lib/consult/list-edits';
import { collectionSchema, type Collection } from '../../../../lib/model/collection';
import type { Highlight } from '../../../../lib/model/highlight';

const abc = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
const ids = (list: { id: string }[] | undefined) => list?.map((e) => e.id).join('');

describe('moveById', () => {
  it.each([
    ['b', -1, 'bac', 1, 0],
    ['b', 1, 'acb', 1, 2],
    ['a', 1, 'bac', 0, 1],
    ['c', -1, 'acb', 2, 1],
  ] as const)('moves %s by %i', (id, delta, order, from, to) => {
    const moved = moveById(abc, id, delta);
    expect(ids(moved?.list)).toBe(order);
    expect(moved).toMatchObject({ from, to });
  });

  it.each([
    ['a', -1],
    ['c', 1],
    ['x', 1],
  ] as const)('does not move %s by %i past an end (or a missing id)', (id, delta) => {
    expect(moveById(abc, id, delta)).toBeUndefined();
  });

  it('leaves the original list alone', () => {
    moveById(abc, 'a', 1);
    expect(ids(abc)).toBe('abc');
  });
});

describe('removeById and updateById', () => {
  it('removes one entry and keeps the order', () => {
    expect(ids(removeById(abc, 'b'))).toBe('ac');
    expect(ids(removeById(abc, 'x'))).toBe('abc');
  });

  it('changes one entry only', () => {
    const list = [{ id: 'a', note: '' }, { id: 'b', note: '' }];
    expect(updateById(list, 'b', { note: 'my inhaler' })).toEqual([{ id: 'a', note: '' }, { id: 'b', note: 'my inhaler' }]);
    expect(list[1]?.note).toBe('');
  });
});

describe('describeMove', () => {
  it('says where the entry went, counting from one', () => {
    expect(describeMove('Hypos', 0, 3)).toBe('Moved “Hypos” to position 1 of 3.');
  });

  it('shortens a long label', () => {
    const said = describeMove('x'.repeat(200), 1, 2);
    expect(said.length).toBeLessThan(120);
    expect(said).toContain('…');
  });
});

const at = '2026-11-24T10:00:00.000Z';
const list = (input: Record<string, unknown>): Collection =>
  collectionSchema.parse({ id: 'l', title: 'My list', createdAt: at, updatedAt: at, ...input });

describe('listProblem', () => {
  it.each<[string, Record<string, unknown>, string | undefined]>([
    ['a complete reading list', { kind: 'reading-list', questions: [{ id: 'q', text: 'What are my options?' }] }, undefined],
    ['a complete prescription', { kind: 'prescription', support: [{ id: 's', name: 'Helpline' }] }, undefined],
    ['a plain collection', { kind: 'collection' }, undefined],
  ])('finds nothing wrong with %s', (_name, input, expected) => {
    expect(listProblem(list(input))).toBe(expected);
  });

  it('asks for a title when it is cleared', () => {
    expect(listProblem({ ...list({ kind: 'reading-list' }), title: '  ' })).toMatch(/title/);
  });

  it('names the empty question by its number', () => {
    const l = list({ kind: 'reading-list', questions: [{ id: 'q1', text: 'a' }, { id: 'q2', text: 'b' }] });
    if (l.kind !== 'reading-list') throw new Error('kind');
    const edited = { ...l, questions: [l.questions[0]!, { ...l.questions[1]!, text: ' ' }] };
    expect(listProblem(edited)).toBe('Question 2 is empty. Type the question, or remove it.');
  });

  it('names a support entry without a name', () => {
    const p = list({ kind: 'prescription', support: [{ id: 's', name: 'x' }] });
    if (p.kind !== 'prescription') throw new Error('kind');
    expect(listProblem({ ...p, support: [{ ...p.support[0]!, name: '' }] })).toMatch(/^Support entry 1 has no name/);
  });

  it('refuses a date that is not a calendar date', () => {
    const l = list({ kind: 'reading-list' });
    if (l.kind !== 'reading-list') throw new Error('kind');
    expect(listProblem({ ...l, appointment: { date: '3/12/2026' } })).toMatch(/not a date/);
  });
});

describe('questionSuggestions', () => {
  const highlight = (id: string, meaning: Highlight['meaning'], exact: string): Highlight => ({
    id,
    clipId: 'c',
    canonicalUrl: 'https://www.nhs.uk/x/',
    quote: { exact, prefix: '', suffix: '' },
    meaning,
    note: '',
    createdAt: at,
    updatedAt: at,
  });
  const phrase = (h: Highlight) => `Ask about: ${h.quote.exact}`;

  it('offers each "question to ask" highlight not yet used, in order', () => {
    const highlights = [highlight('h1', 'question', 'HbA1c'), highlight('h2', 'important', 'Hypos'), highlight('h3', 'question', 'Metformin')];
    expect(questionSuggestions(highlights, [{ highlightId: 'h1' }, {}], phrase)).toEqual([
      { highlightId: 'h3', text: 'Ask about: Metformin', quote: 'Metformin' },
    ]);
  });

  it('skips a highlight that cannot be phrased', () => {
    expect(questionSuggestions([highlight('h1', 'question', 'x')], [], () => '  ')).toEqual([]);
  });
});
