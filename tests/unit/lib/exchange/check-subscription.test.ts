import { describe, expect, it } from 'vitest';
import { checkForChanges, isCheckDue } from '../../../../lib/exchange/check-subscription';
import type { FetchLike } from '../../../../lib/exchange/fetch-collection';
import { hashEntries } from '../../../../lib/exchange/subscription-diff';
import { entriesFromFile, entriesFromResolved } from '../../../../lib/exchange/subscription-entries';
import type { Subscription } from '../../../../lib/model/collection';
import { fileHighlight, fileItem, sampleFile } from './sample-file';

const URL_ = 'https://www.diabetes-support-group.org.uk/collections/first-steps.json';
const sub = (extra: Partial<Subscription> = {}): Subscription => ({ url: URL_, checkedAt: '2026-11-24T10:00:00.000Z', schedule: 'daily', ...extra });
const at = (iso: string) => new Date(iso);

describe('isCheckDue', () => {
  it.each<[string, Partial<Subscription>, string, boolean]>([
    ['never when off', { schedule: 'off' }, '2027-01-01T00:00:00Z', false],
    ['daily: not after an hour', {}, '2026-11-24T11:00:00Z', false],
    ['daily: yes after a day (an hourly alarm may fire a little early)', {}, '2026-11-25T09:45:00Z', true],
    ['weekly: not after three days', { schedule: 'weekly' }, '2026-11-27T10:00:00Z', false],
    ['weekly: yes after a week', { schedule: 'weekly' }, '2026-12-01T10:00:00Z', true],
    ['an unreadable date is due', { checkedAt: 'garbage' }, '2026-11-24T10:00:00Z', true],
  ])('%s', (_name, extra, now, due) => {
    expect(isCheckDue(sub(extra), at(now))).toBe(due);
  });
});

describe('checkForChanges (the scheduled check: flags, never applies)', () => {
  const file = sampleFile([fileItem('a', { note: 'read first' }), fileHighlight('a', 'Check your feet')]);
  const serve = (status: number, body = '', headers: Record<string, string> = {}): { fetch: FetchLike; sent: HeadersInit[] } => {
    const sent: HeadersInit[] = [];
    return {
      sent,
      fetch: async (_url, init) => {
        sent.push(init.headers ?? {});
        return new Response(status === 304 ? null : body, { status, headers: { 'content-type': 'application/json', ...headers } });
      },
    };
  };

  it('304: no change, asked with the stored ETag', async () => {
    const server = serve(304);
    expect(await checkForChanges(sub({ etag: '"v1"' }), server.fetch)).toEqual({ changed: false });
    expect(server.sent[0]).toMatchObject({ 'if-none-match': '"v1"' });
  });

  it('200 with the same items (a re-export with a new date): no change', async () => {
    const hash = await hashEntries(entriesFromFile(file));
    const reexported = { ...file, exportedAt: '2026-12-01T00:00:00.000Z' };
    expect(await checkForChanges(sub({ lastItemsHash: hash }), serve(200, JSON.stringify(reexported)).fetch)).toEqual({ changed: false });
  });

  it('200 with different items: changed', async () => {
    const hash = await hashEntries(entriesFromFile(file));
    const changed = sampleFile([fileItem('a', { note: 'read this first' })]);
    expect(await checkForChanges(sub({ lastItemsHash: hash }), serve(200, JSON.stringify(changed)).fetch)).toEqual({ changed: true });
  });

  it('a failure is a problem in words, not an exception', async () => {
    expect(await checkForChanges(sub(), serve(404).fetch)).toEqual({ problem: expect.stringMatching(/no list at that address/) });
  });
});

describe('the two sides of the diff', () => {
  it('reads a file item’s page, passage, note and highlight; cleans text as the import does; canonicalises the address', () => {
    const f = sampleFile([
      fileItem('a', { title: '  Foot\u0007 care ', note: 'line one\r\nline two ', canonicalUrl: 'https://www.nhs.uk/a/?utm_source=news' }),
      fileHighlight('a', 'Check your feet', 'Every day'),
    ]);
    expect(entriesFromFile(f)).toEqual([
      { url: 'https://www.nhs.uk/a/', title: 'Foot care', note: 'line one\nline two' },
      { url: 'https://www.nhs.uk/a/', title: 'NHS: a', note: '', quote: 'Check your feet', highlight: { meaning: 'important', note: 'Every day' } },
    ]);
  });

  it('reads only the library items that came from the published list', () => {
    const clip = { id: 'c1', canonicalUrl: 'https://www.nhs.uk/a/', title: 'A' } as never;
    const provenance = { collection: 'First steps', exportedAt: '2026-11-24T10:00:00.000Z' };
    const entries = entriesFromResolved({
      collection: { kind: 'collection', id: 'x', title: 'x', description: '', items: [], createdAt: '', updatedAt: '' },
      entries: [
        { item: { id: 'i1', clipId: 'c1', note: 'n', private: false, provenance }, clip },
        { item: { id: 'i2', clipId: 'c1', note: 'mine', private: false }, clip },
        { item: { id: 'i3', clipId: 'gone', note: '', private: false, provenance } },
      ],
    });
    expect(entries).toEqual([{ url: 'https://www.nhs.uk/a/', title: 'A', note: 'n' }]);
  });
});
