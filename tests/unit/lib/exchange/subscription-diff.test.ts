import { describe, expect, it } from 'vitest';
import { diffSubscription, entryKey, hashEntries, hasChanges, type SubscriptionEntry } from '../../../../lib/exchange/subscription-diff';

const page = (path: string, extra: Partial<SubscriptionEntry> = {}): SubscriptionEntry => ({
  url: `https://www.nhs.uk/${path}/`,
  title: `NHS: ${path}`,
  note: '',
  ...extra,
});
const passage = (path: string, quote: string, extra: Partial<SubscriptionEntry> = {}): SubscriptionEntry =>
  page(path, { quote, highlight: { meaning: 'important', note: '' }, ...extra });

describe('diffSubscription', () => {
  it('finds nothing when the same items come back re-exported', () => {
    const items = [page('diabetes'), passage('diabetes', 'Check your feet every day')];
    const diff = diffSubscription(items, items.map((i) => ({ ...i })));
    expect(diff).toEqual({ added: [], removed: [], edited: [], unchanged: 2, reordered: false });
    expect(hasChanges(diff)).toBe(false);
  });

  it.each<[string, SubscriptionEntry[], SubscriptionEntry[], { added: number; removed: number; edited: number; unchanged: number }]>([
    ['an added page', [page('a')], [page('a'), page('b')], { added: 1, removed: 0, edited: 0, unchanged: 1 }],
    ['a removed page', [page('a'), page('b')], [page('b')], { added: 0, removed: 1, edited: 0, unchanged: 1 }],
    ['a new highlight on a page already listed', [page('a')], [page('a'), passage('a', 'eat well')], { added: 1, removed: 0, edited: 0, unchanged: 1 }],
    ['a changed passage (a different highlight)', [passage('a', 'old words')], [passage('a', 'new words')], { added: 1, removed: 1, edited: 0, unchanged: 0 }],
    ['everything replaced', [page('a'), page('b')], [page('c')], { added: 1, removed: 2, edited: 0, unchanged: 0 }],
    ['an empty list published', [page('a')], [], { added: 0, removed: 1, edited: 0, unchanged: 0 }],
    ['a first list', [], [page('a'), page('b')], { added: 2, removed: 0, edited: 0, unchanged: 0 }],
  ])('%s', (_name, before, after, counts) => {
    const diff = diffSubscription(before, after);
    expect({ added: diff.added.length, removed: diff.removed.length, edited: diff.edited.length, unchanged: diff.unchanged }).toEqual(counts);
    expect(hasChanges(diff)).toBe(true);
  });

  it('says which part of an item was edited: title, curator note, highlight', () => {
    const before = [page('a'), page('b', { note: 'Read first' }), passage('c', 'rest', { highlight: { meaning: 'important', note: '' } })];
    const after = [
      page('a', { title: 'NHS: a (updated)' }),
      page('b', { note: 'Read this first' }),
      passage('c', 'rest', { highlight: { meaning: 'question', note: 'Ask about this' } }),
    ];
    const diff = diffSubscription(before, after);
    expect(diff.edited.map((e) => [e.after.url, e.changed])).toEqual([
      ['https://www.nhs.uk/a/', ['title']],
      ['https://www.nhs.uk/b/', ['note']],
      ['https://www.nhs.uk/c/', ['highlight']],
    ]);
    expect(diff.edited[1]?.before.note).toBe('Read first');
  });

  it('ignores white space, scheme and www. differences', () => {
    const before = [passage('a', 'Check  your\nfeet', { title: 'Foot  care ' })];
    const after = [{ ...passage('a', 'Check your feet', { title: 'Foot care' }), url: 'http://nhs.uk/a/' }];
    expect(hasChanges(diffSubscription(before, after))).toBe(false);
  });

  it('pairs a page listed twice in order instead of losing one', () => {
    const before = [page('a', { note: 'one' }), page('a', { note: 'two' })];
    const after = [page('a', { note: 'one' })];
    const diff = diffSubscription(before, after);
    expect(diff.unchanged).toBe(1);
    expect(diff.removed).toEqual([page('a', { note: 'two' })]);
  });

  it('notices a new order of the same items', () => {
    const diff = diffSubscription([page('a'), page('b')], [page('b'), page('a')]);
    expect(diff).toMatchObject({ added: [], removed: [], edited: [], unchanged: 2, reordered: true });
    expect(hasChanges(diff)).toBe(true);
  });

  it('does not call an insertion a reorder', () => {
    expect(diffSubscription([page('a'), page('b')], [page('c'), page('a'), page('b')]).reordered).toBe(false);
  });
});

describe('entryKey', () => {
  it('keeps the query (some sites choose the page by it) and drops the fragment', () => {
    expect(entryKey({ url: 'https://example.org/p?id=1#top' })).not.toBe(entryKey({ url: 'https://example.org/p?id=2' }));
    expect(entryKey({ url: 'https://example.org/p?id=1#top' })).toBe(entryKey({ url: 'https://www.example.org/p?id=1' }));
  });

  it('compares an unreadable address as written', () => {
    expect(entryKey({ url: 'not a url' })).toBe('not a url\n');
  });
});

describe('hashEntries', () => {
  it('is the same for the same items and differs when anything a member would see changes', async () => {
    const items = [page('a', { note: 'n' }), passage('b', 'q')];
    const same = await hashEntries(items.map((i) => ({ ...i })));
    expect(await hashEntries(items)).toBe(same);
    expect(same).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashEntries([page('a', { note: 'n!' }), passage('b', 'q')])).not.toBe(same);
    expect(await hashEntries([passage('b', 'q'), page('a', { note: 'n' })])).not.toBe(same);
    expect(await hashEntries([page('a', { note: 'n' }), passage('b', 'q', { highlight: { meaning: 'question', note: '' } })])).not.toBe(same);
  });
});
