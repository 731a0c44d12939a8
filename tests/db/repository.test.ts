import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../lib/db/library-db';
import { LibraryRepository, type RepositoryDeps } from '../../lib/db/repository';
import { CLIP_LIMITS, type Clip, type ClipDraftInput } from '../../lib/model/clip';
import type { SourceVerdict } from '../../lib/model/source-type';

const OFFICIAL: SourceVerdict = { type: 'official', confidence: 0.9, reasons: ['The address ends in .nhs.uk, which only NHS organisations can use.'] };
const NEWS: SourceVerdict = { type: 'news', confidence: 0.85, reasons: ['bbc.co.uk is a news organisation.'] };
const CHARITY: SourceVerdict = { type: 'charity', confidence: 0.85, reasons: ['diabetes.org.uk is the website of Diabetes UK.'] };

const NHS_URL = 'https://www.nhs.uk/conditions/type-2-diabetes/';

function articleDraft(overrides: Partial<ClipDraftInput> = {}): ClipDraftInput {
  return {
    kind: 'article',
    facts: {
      url: `${NHS_URL}?utm_source=newsletter`,
      canonicalUrl: NHS_URL,
      title: 'Type 2 diabetes',
      byline: 'NHS website',
      siteName: 'nhs.uk',
      lang: 'en',
      excerpt: 'Find out about type 2 diabetes.',
      modifiedAt: '2024-05-14T09:12:40.000Z',
      signals: ['jsonld:MedicalWebPage'],
    },
    contentHtml: '<p>Type 2 diabetes is a common condition. An HbA1c test shows your average blood sugar.</p>',
    contentText: 'Type 2 diabetes is a common condition. An HbA1c test shows your average blood sugar.',
    tags: ['  Diabetes ', 'diabetes', 'Type  2'],
    note: 'Ask the nurse about targets',
    ...overrides,
  };
}

function newsDraft(overrides: Partial<ClipDraftInput> = {}): ClipDraftInput {
  return {
    kind: 'article',
    facts: {
      url: 'https://www.bbc.co.uk/news/health-68412345',
      canonicalUrl: 'https://www.bbc.co.uk/news/health-68412345',
      title: 'Low-calorie diet programme to be offered more widely',
      siteName: 'BBC News',
      signals: ['jsonld:NewsArticle'],
    },
    contentText: 'Thousands more people will be offered soups and shakes to help put the condition into remission.',
    contentHtml: '<p>Thousands more people will be offered soups and shakes to help put the condition into remission.</p>',
    tags: ['news', 'remission'],
    note: '',
    ...overrides,
  };
}

function selectionDraft(exact: string, overrides: Partial<ClipDraftInput> = {}): ClipDraftInput {
  return {
    ...articleDraft(),
    kind: 'selection',
    quote: { exact, prefix: 'before ', suffix: ' after' },
    contentText: exact,
    contentHtml: `<p>${exact}</p>`,
    tags: [],
    note: '',
    ...overrides,
  };
}

let dbCount = 0;
let db: LibraryDb;
let repo: LibraryRepository;
let clock: number;

/** A clock that moves one minute per call, and ids clip-1, clip-2, ... */
function deps(): RepositoryDeps {
  let id = 0;
  return {
    now: () => new Date((clock += 60_000)),
    newId: () => `clip-${++id}`,
  };
}

beforeEach(async () => {
  clock = Date.UTC(2024, 5, 1, 9, 0, 0);
  db = new LibraryDb(`repository-test-${++dbCount}`);
  repo = new LibraryRepository(db, deps());
});

afterEach(async () => {
  await db.delete();
});

async function saved(input: ClipDraftInput, verdict: SourceVerdict = OFFICIAL) {
  const result = await repo.saveClip(input, verdict);
  if (!result.ok) throw new Error(`save failed: ${result.error.message}`);
  return result.value;
}

describe('saveClip', () => {
  it('saves an article with normalised tags, the verdict and a frozen time and id', async () => {
    const result = await repo.saveClip(articleDraft(), OFFICIAL);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.duplicate).toBe(false);
    const item = result.value.clip;
    expect(item).toEqual({
      id: 'clip-1',
      kind: 'article',
      url: `${NHS_URL}?utm_source=newsletter`,
      canonicalUrl: NHS_URL,
      title: 'Type 2 diabetes',
      byline: 'NHS website',
      siteName: 'nhs.uk',
      lang: 'en',
      excerpt: 'Find out about type 2 diabetes.',
      publishedAt: undefined,
      modifiedAt: '2024-05-14T09:12:40.000Z',
      savedAt: '2024-06-01T09:01:00.000Z',
      updatedAt: '2024-06-01T09:01:00.000Z',
      quote: undefined,
      fallback: undefined,
      tags: ['diabetes', 'type 2'],
      note: 'Ask the nurse about targets',
      sourceVerdict: OFFICIAL,
      signals: ['jsonld:MedicalWebPage'],
    });
    // Lists do not carry the content; the stored clip does.
    expect(item).not.toHaveProperty('contentHtml');
    expect(item).not.toHaveProperty('contentText');
    const stored = await repo.getClip('clip-1');
    expect(stored?.contentText).toContain('HbA1c test');
    expect(stored?.contentHtml).toContain('<p>');
  });

  it('defaults tags and note when the draft leaves them out', async () => {
    const { tags: _tags, note: _note, ...rest } = articleDraft();
    const { clip } = await saved(rest);
    expect(clip.tags).toEqual([]);
    expect(clip.note).toBe('');
  });

  it('does not save the same whole page twice: returns the existing clip and writes nothing', async () => {
    const first = await saved(articleDraft());
    const before = await db.clips.toArray();

    const again = await repo.saveClip(articleDraft({ tags: ['other'], note: 'A different note', contentText: 'Changed text' }), NEWS);
    expect(again).toEqual({ ok: true, value: { clip: first.clip, duplicate: true } });

    const asLink = await repo.saveClip({ kind: 'link', facts: articleDraft().facts }, OFFICIAL);
    expect(asLink.ok && asLink.value.duplicate).toBe(true);

    expect(await db.clips.toArray()).toEqual(before);
  });

  it('treats a link as the same page as a later article', async () => {
    await saved({ kind: 'link', facts: articleDraft().facts });
    const article = await saved(articleDraft());
    expect(article.duplicate).toBe(true);
    expect(article.clip.kind).toBe('link');
    expect(await db.clips.count()).toBe(1);
  });

  it('always saves selections as new clips, even from a page already saved', async () => {
    await saved(articleDraft());
    const a = await saved(selectionDraft('Peeing more than usual'));
    const b = await saved(selectionDraft('Peeing more than usual'));
    expect([a.duplicate, b.duplicate]).toEqual([false, false]);
    expect(a.clip.id).not.toBe(b.clip.id);
    expect(a.clip.quote).toEqual({ exact: 'Peeing more than usual', prefix: 'before ', suffix: ' after' });
    expect(await db.clips.count()).toBe(3);
  });

  it('saves the whole page after a selection from it', async () => {
    await saved(selectionDraft('Feeling thirsty'));
    const article = await saved(articleDraft());
    expect(article.duplicate).toBe(false);
    expect(await db.clips.count()).toBe(2);
  });

  const longTag = 'x'.repeat(CLIP_LIMITS.maxTagLength + 1);
  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'save this'],
    ['an unknown kind', { ...articleDraft(), kind: 'pdf' }],
    ['no facts', { kind: 'article', contentText: 'x' }],
    ['a javascript: address', { ...articleDraft(), facts: { ...articleDraft().facts, url: 'javascript:alert(1)' } }],
    ['a file: canonical address', { ...articleDraft(), facts: { ...articleDraft().facts, canonicalUrl: 'file:///etc/passwd' } }],
    ['a missing title', { ...articleDraft(), facts: { ...articleDraft().facts, title: undefined } }],
    ['signals that are not strings', { ...articleDraft(), facts: { ...articleDraft().facts, signals: [1, 2] } }],
    ['an impossible date', { ...articleDraft(), facts: { ...articleDraft().facts, publishedAt: 'yesterday-ish' } }],
    ['an over-long tag', { ...articleDraft(), tags: [longTag] }],
    ['too many tags', { ...articleDraft(), tags: Array.from({ length: CLIP_LIMITS.maxTags + 1 }, (_, i) => `t${i}`) }],
    ['an over-long note', { ...articleDraft(), note: 'n'.repeat(CLIP_LIMITS.maxNoteChars + 1) }],
    ['a selection with an empty quote', { ...selectionDraft('x'), quote: { exact: '', prefix: '', suffix: '' } }],
    ['an unknown fallback reason', { ...articleDraft(), fallback: { reason: 'bored', message: 'x' } }],
  ])('rejects %s with invalid-input and writes nothing', async (_what, input) => {
    const result = await repo.saveClip(input, OFFICIAL);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toMatch(/nothing was saved/);
    expect(await db.clips.count()).toBe(0);
  });

  it('reports a storage failure in plain words instead of throwing', async () => {
    db.close();
    const result = await repo.saveClip(articleDraft(), OFFICIAL);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'storage-failed',
        message:
          'Your library could not be written to, so the page was not saved. Nothing already in your library was changed. ' +
          'This usually happens when the computer’s disk is full. Free up some disk space, then try again. If it keeps happening, restart the browser.',
      },
    });
  });
});

describe('updateClip', () => {
  it('changes tags (normalised), note and the override, and moves updatedAt only', async () => {
    const { clip } = await saved(articleDraft());
    const result = await repo.updateClip(clip.id, { tags: ['Appointment', ' appointment ', 'HbA1c'], note: 'Booked for Tuesday', sourceOverride: 'charity' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      tags: ['appointment', 'hba1c'],
      note: 'Booked for Tuesday',
      sourceOverride: 'charity',
      sourceVerdict: OFFICIAL,
      savedAt: clip.savedAt,
      updatedAt: '2024-06-01T09:02:00.000Z',
    });
    const stored = await repo.getClip(clip.id);
    expect(stored?.contentText).toContain('HbA1c test');
    expect(stored?.sourceOverride).toBe('charity');
  });

  it('leaves out fields alone, and clears the override with null', async () => {
    const { clip } = await saved(articleDraft());
    await repo.updateClip(clip.id, { sourceOverride: 'news' });
    const noteOnly = await repo.updateClip(clip.id, { note: 'Only the note' });
    expect(noteOnly.ok && noteOnly.value).toMatchObject({ sourceOverride: 'news', tags: ['diabetes', 'type 2'], note: 'Only the note' });

    const cleared = await repo.updateClip(clip.id, { sourceOverride: null });
    expect(cleared.ok).toBe(true);
    const stored = await repo.getClip(clip.id);
    expect(stored?.sourceOverride).toBeUndefined();
    expect(stored?.sourceVerdict).toEqual(OFFICIAL);
  });

  it.each<[string, unknown]>([
    ['an unknown source type', { sourceOverride: 'blog' }],
    ['tags that are not a list', { tags: 'diabetes' }],
    ['an over-long note', { note: 'n'.repeat(CLIP_LIMITS.maxNoteChars + 1) }],
    ['not an object', 42],
  ])('rejects %s and changes nothing', async (_what, edit) => {
    const { clip } = await saved(articleDraft());
    const before = await repo.getClip(clip.id);
    const result = await repo.updateClip(clip.id, edit);
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid-input');
    expect(await repo.getClip(clip.id)).toEqual(before);
  });

  it('says when the clip is gone', async () => {
    const result = await repo.updateClip('no-such-clip', { note: 'x' });
    expect(result.ok ? 'ok' : result.error.code).toBe('not-found');
    expect(await db.clips.count()).toBe(0);
  });
});

describe('deleteClip and restoreClip', () => {
  it('hands back the whole clip, and restoring puts back exactly what was there', async () => {
    const { clip } = await saved(articleDraft());
    await repo.updateClip(clip.id, { sourceOverride: 'charity' });
    const original = await repo.getClip(clip.id);

    const deleted = await repo.deleteClip(clip.id);
    expect(deleted).toEqual({ ok: true, value: { clip: original, highlights: [] } });
    expect(await repo.getClip(clip.id)).toBeUndefined();
    expect(await repo.listClips()).toEqual([]);

    if (!deleted.ok) return;
    const restored = await repo.restoreClip(deleted.value);
    expect(restored.ok).toBe(true);
    expect(await repo.getClip(clip.id)).toEqual(original);
    expect(await repo.findClipsByUrl(NHS_URL)).toHaveLength(1);
  });

  it('says when there is nothing to delete', async () => {
    const result = await repo.deleteClip('no-such-clip');
    expect(result.ok ? 'ok' : result.error.code).toBe('not-found');
  });
});

describe('listing, searching and filtering', () => {
  /** Three clips: NHS article (clip-1), BBC article (clip-2), NHS selection (clip-3), saved a minute apart. */
  async function seed(): Promise<Record<'nhs' | 'bbc' | 'quote', Clip['id']>> {
    const nhs = await saved(articleDraft());
    const bbc = await saved(newsDraft(), NEWS);
    const quote = await saved(selectionDraft('Feeling very tired', { tags: ['Symptoms', 'diabetes'], note: 'Mention fatigue' }), CHARITY);
    return { nhs: nhs.clip.id, bbc: bbc.clip.id, quote: quote.clip.id };
  }
  const ids = (items: Array<{ id: string }>) => items.map((c) => c.id);

  it('lists clips newest first, without their content', async () => {
    const { nhs, bbc, quote } = await seed();
    const all = await repo.listClips();
    expect(ids(all)).toEqual([quote, bbc, nhs]);
    for (const item of all) {
      expect(item).not.toHaveProperty('contentText');
      expect(item).not.toHaveProperty('contentHtml');
    }
  });

  it.each<[string, Array<'nhs' | 'bbc' | 'quote'>]>([
    ['diabetes', ['quote', 'nhs']],
    ['DIABETES', ['quote', 'nhs']],
    ['hba1c', ['nhs']],
    ['HbA1c average', ['nhs']],
    ['remission', ['bbc']],
    ['soups shakes', ['bbc']],
    ['soups hba1c', []],
    ['nurse', ['nhs']],
    ['fatigue', ['quote']],
    ['tired', ['quote']],
    ['type 2', ['quote', 'nhs']],
    ['BBC', ['bbc']],
    ['"remission."', ['bbc']],
    ['  ', ['quote', 'bbc', 'nhs']],
    ['zebra', []],
  ])('search %j finds clips whose title, text, note, tags or site have every word', async (query, expected) => {
    const seeded = await seed();
    expect(ids(await repo.listClips({ query }))).toEqual(expected.map((k) => seeded[k]));
  });

  it('filters by tag', async () => {
    const { nhs, quote } = await seed();
    expect(ids(await repo.listClips({ tag: 'diabetes' }))).toEqual([quote, nhs]);
    expect(ids(await repo.listClips({ tag: 'symptoms' }))).toEqual([quote]);
    expect(ids(await repo.listClips({ tag: 'none' }))).toEqual([]);
  });

  it('filters by the effective source type: the user override wins over the verdict', async () => {
    const { nhs, bbc, quote } = await seed();
    expect(ids(await repo.listClips({ sourceType: 'official' }))).toEqual([nhs]);
    await repo.updateClip(nhs, { sourceOverride: 'charity' });
    expect(ids(await repo.listClips({ sourceType: 'official' }))).toEqual([]);
    expect(ids(await repo.listClips({ sourceType: 'charity' }))).toEqual([quote, nhs]);
    expect(ids(await repo.listClips({ sourceType: 'news' }))).toEqual([bbc]);
    await repo.updateClip(nhs, { sourceOverride: null });
    expect(ids(await repo.listClips({ sourceType: 'official' }))).toEqual([nhs]);
  });

  it('combines tag, type and words', async () => {
    const { quote } = await seed();
    expect(ids(await repo.listClips({ tag: 'diabetes', sourceType: 'charity', query: 'tired' }))).toEqual([quote]);
    expect(ids(await repo.listClips({ tag: 'diabetes', sourceType: 'news' }))).toEqual([]);
  });

  it('lists every tag once, sorted', async () => {
    await seed();
    expect(await repo.listTags()).toEqual(['diabetes', 'news', 'remission', 'symptoms', 'type 2']);
  });

  it('finds clips of a page by canonical address, newest first', async () => {
    const { nhs, quote } = await seed();
    expect(ids(await repo.findClipsByUrl(NHS_URL))).toEqual([quote, nhs]);
    expect(await repo.findClipsByUrl('https://www.nhs.uk/')).toEqual([]);
  });
});
