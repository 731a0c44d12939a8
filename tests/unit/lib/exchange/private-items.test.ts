import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { CollectionDocument } from '../../../../components/consult/CollectionDocument';
import { collectionHtml } from '../../../../components/consult/standalone-html';
import { parseHashShare } from '../../../../entrypoints/print/use-hash-id';
import { collectionMarkdown } from '../../../../lib/consult/markdown';
import { collectionPlainText } from '../../../../lib/consult/plain-text';
import { qrModules } from '../../../../lib/consult/qr';
import type { ResolvedCollection, ResolvedItem } from '../../../../lib/consult/types';
import { buildBackupText, parseBackup } from '../../../../lib/exchange/backup';
import { collectionCsv } from '../../../../lib/exchange/csv';
import { collectionFileText, exportCollectionFile } from '../../../../lib/exchange/export-file';
import type { ShareOptions } from '../../../../lib/exchange/export-filter';
import { decodeShareLink, encodeShareLink } from '../../../../lib/exchange/share-link';
import { collectionSchema, type Collection } from '../../../../lib/model/collection';
import { clip, entry, highlight, NOW, prescription, readingList } from '../consult/fixtures';

/**
 * Issue 8, item 7: an item marked private appears in no output that leaves
 * the computer (collection file, share link and its QR code, Markdown,
 * plain text, the web page, the print view, CSV) unless the user ticks
 * "Include items marked private", and then it appears in all of them. The
 * backup is the user's own full copy: it keeps private items, marked
 * private, and the backup panel says so.
 */

/** Everything that identifies the private item: its page's title and address, its note, its highlighted passage. */
const SECRET = {
  title: 'Living with my diagnosis privately',
  url: 'https://www.mind.org.uk/secret-private-page/',
  note: 'Only for me: ask about the counselling waiting list',
  quote: 'talking therapies can take weeks to start',
};
const PUBLIC = { title: 'Type 2 diabetes overview', note: 'Start here: what it is.' };

const publicPage = clip('type-2-diabetes', { title: PUBLIC.title, siteName: 'nhs.uk' });
const secretPage = clip('secret', { title: SECRET.title, url: SECRET.url, type: 'charity', siteName: 'Mind' });
const secretPassage = highlight('h-secret', secretPage.id, SECRET.quote, { canonicalUrl: SECRET.url });

function privately(e: ResolvedItem): ResolvedItem {
  return { ...e, item: { ...e.item, private: true } };
}

const entries = (): ResolvedItem[] => [
  entry('i-public', publicPage, { note: PUBLIC.note }),
  privately(entry('i-secret', secretPage, { note: SECRET.note, highlight: secretPassage })),
];

function plainCollection(): ResolvedCollection {
  const list = entries();
  const collection: Collection = collectionSchema.parse({
    kind: 'collection',
    id: 'c-private',
    title: 'What helped us',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    items: list.map((e) => e.item),
  });
  return { collection, entries: list };
}

/** The three kinds of list; each goes through every output. */
const LISTS: [string, () => ResolvedCollection][] = [
  ['collection', plainCollection],
  ['reading list', () => readingList({}, entries())],
  ['prescription', () => prescription({}, entries())],
];

/** A text format of what the user can send, print or publish, made with the same choices the editor's checkboxes give. */
type Output = (resolved: ResolvedCollection, share: ShareOptions | undefined) => Promise<string>;

/** Reads a share link back the way the person it is sent to would. */
async function shareLinkContents(resolved: ResolvedCollection, share: ShareOptions | undefined): Promise<string> {
  const link = await encodeShareLink(exportCollectionFile(resolved, [], { ...share, now: NOW, generator: 'test' }), 'chrome-extension://id/library.html');
  if (typeof link !== 'string') throw new Error('too large for a link');
  const file = await decodeShareLink(link);
  if (!file.ok) throw new Error(file.error.message);
  return JSON.stringify(file.value);
}

/** The print page reads the choices from its address, as OutputsBar writes them. */
const printHash = (share: ShareOptions | undefined) => `#id=x${share?.includePrivate ? '&private=1' : ''}${share?.quotePeer ? '&peer=1' : ''}`;

const OUTPUTS: [string, Output][] = [
  ['collection file (download and published subscription file)', async (r, s) => collectionFileText(exportCollectionFile(r, [], { ...s, now: NOW, generator: 'test' }))],
  ['share link, decoded', shareLinkContents],
  ['Markdown', async (r, s) => collectionMarkdown(r, [], NOW, s)],
  ['plain text (copy)', async (r, s) => collectionPlainText(r, [], NOW, { ...s, maxChars: 20_000 })],
  ['web page (download)', async (r, s) => collectionHtml(r, [], NOW, s)],
  ['print view', async (r, s) => renderToString(h(CollectionDocument, { resolved: r, siteRules: [], now: NOW, share: parseHashShare(printHash(s)), qrCodes: true }))],
  ['CSV', async (r, s) => collectionCsv(r, [], { ...s, now: NOW })],
];

/** Whether any of the private item's details shows in a text (its address also as the host-less path, which every format keeps). */
const leaked = (text: string) =>
  [SECRET.title, SECRET.note, 'secret-private-page'].filter((needle) => text.includes(needle) || text.includes(encodeURIComponent(needle)));

describe.each(LISTS)('a %s with a private item', (_kind, make) => {
  it.each(OUTPUTS)('%s leaves it out by default', async (_name, output) => {
    const text = await output(make(), undefined);
    expect(text).toContain(PUBLIC.title);
    expect(leaked(text)).toEqual([]);
    // The default is the same as unticked.
    expect(leaked(await output(make(), { includePrivate: false, quotePeer: true }))).toEqual([]);
  });

  it.each(OUTPUTS)('%s includes it when “Include items marked private” is ticked', async (_name, output) => {
    const text = await output(make(), { includePrivate: true });
    expect(text).toContain(PUBLIC.title);
    expect(leaked(text)).toEqual([SECRET.title, SECRET.note, 'secret-private-page']);
  });
});

describe('QR codes', () => {
  it('on a printed prescription are made only for the items shown', () => {
    const count = (share: ShareOptions | undefined) =>
      (renderToString(h(CollectionDocument, { resolved: prescription({}, entries()), siteRules: [], now: NOW, share, qrCodes: true })).match(/<img[^>]+data:image\/svg/g) ?? []).length;
    expect(count(undefined)).toBe(1);
    expect(count({ includePrivate: true })).toBe(2);
  });

  it('of a share link hold only the link, whose contents are checked above', () => {
    // A QR code's size grows with what it holds: the same link gives the same code, and a longer one a bigger code.
    expect(qrModules('https://example.org/#share=v1.abc')).toEqual(qrModules('https://example.org/#share=v1.abc'));
    expect(qrModules(`https://example.org/#share=v1.${'a'.repeat(400)}`).length).toBeGreaterThan(qrModules('https://example.org/#share=v1.abc').length);
  });
});

describe('the backup', () => {
  it('is the user’s own full copy: it keeps private items, still marked private', () => {
    const { collection } = plainCollection();
    const text = buildBackupText(
      {
        exportedAt: NOW.toISOString(),
        appVersion: '0.1.0',
        settings: { annotatePages: false, autoHighlights: false, annotateHiddenHosts: [], rulePacks: [], prescriber: { service: '', clinician: '', contact: '' } },
      },
      { siteRules: [], collections: [collection], highlights: [], clips: [] },
    );
    expect(text).toContain(SECRET.note);
    const restored = parseBackup(text);
    if (!restored.ok) throw new Error(restored.error.message);
    expect(restored.value.collections[0]?.items.map((i) => [i.note, i.private])).toEqual([
      [PUBLIC.note, false],
      [SECRET.note, true],
    ]);
  });
});
