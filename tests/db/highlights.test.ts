import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryDb } from '../../lib/db/library-db';
import { LibraryRepository } from '../../lib/db/repository';
import type { ClipDraftInput } from '../../lib/model/clip';
import type { HighlightDraftInput } from '../../lib/model/highlight';

const URL = 'https://www.nhs.uk/conditions/type-2-diabetes/';
let db: LibraryDb;
let repo: LibraryRepository;
let n = 0;
let clock = 0;

beforeEach(() => {
  db = new LibraryDb(`highlights-${++n}`);
  let id = 0;
  clock = Date.parse('2026-11-24T10:00:00Z');
  repo = new LibraryRepository(db, { now: () => new Date((clock += 60_000)), newId: () => `id-${++id}` });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const page: ClipDraftInput = { kind: 'article', facts: { url: URL, canonicalUrl: URL, title: 'Type 2 diabetes', signals: [] }, contentText: 'x' };
const verdict = { type: 'official' as const, confidence: 0.95, reasons: ['nhs.uk is an NHS website.'] };

async function savedClipId(): Promise<string> {
  const result = await repo.saveClip(page, verdict);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.clip.id;
}

const draft = (clipId: string, exact: string, over: Partial<HighlightDraftInput> = {}): HighlightDraftInput => ({
  clipId,
  canonicalUrl: URL,
  quote: { exact, prefix: 'before ', suffix: ' after' },
  position: { start: 10, end: 10 + exact.length },
  meaning: 'question',
  ...over,
});

describe('highlights in the repository', () => {
  it('adds highlights to a clip and lists them by clip and by page address', async () => {
    const clipId = await savedClipId();
    const first = await repo.addHighlight(draft(clipId, 'An HbA1c test shows your average blood sugar', { note: 'Ask my target' }));
    expect(first).toMatchObject({ ok: true, value: { id: 'id-2', clipId, meaning: 'question', note: 'Ask my target' } });
    await repo.addHighlight(draft(clipId, 'feeling very tired', { meaning: 'this-is-me' }));
    expect((await repo.listHighlights(clipId)).map((h) => h.quote.exact)).toEqual([
      'An HbA1c test shows your average blood sugar',
      'feeling very tired',
    ]);
    expect(await repo.listHighlightsForUrl(URL)).toHaveLength(2);
    expect(await repo.listHighlightsForUrl('https://www.nhs.uk/other/')).toEqual([]);
  });

  it('refuses a highlight on a clip that does not exist, or a malformed one, and writes nothing', async () => {
    expect(await repo.addHighlight(draft('no-clip', 'text'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const clipId = await savedClipId();
    expect(await repo.addHighlight({ ...draft(clipId, 'text'), meaning: 'alarming' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await repo.addHighlight({ ...draft(clipId, ''), quote: { exact: '', prefix: '', suffix: '' } })).toMatchObject({ ok: false });
    expect(await db.highlights.count()).toBe(0);
  });

  it('edits the note and meaning, and re-attaching replaces the passage and drops the old position', async () => {
    const clipId = await savedClipId();
    const added = await repo.addHighlight(draft(clipId, 'old wording'));
    if (!added.ok) throw new Error('not added');
    const edited = await repo.updateHighlight(added.value.id, { note: 'Ask the nurse', meaning: 'important' });
    expect(edited).toMatchObject({ ok: true, value: { note: 'Ask the nurse', meaning: 'important', quote: { exact: 'old wording' }, position: { start: 10 } } });
    const moved = await repo.updateHighlight(added.value.id, { quote: { exact: 'new wording', prefix: '', suffix: '' } });
    expect(moved.ok && moved.value.quote.exact).toBe('new wording');
    expect(moved.ok && moved.value.position).toBeUndefined();
    expect(await repo.updateHighlight('missing', { note: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('deletes a highlight and hands it back', async () => {
    const clipId = await savedClipId();
    const added = await repo.addHighlight(draft(clipId, 'passage'));
    if (!added.ok) throw new Error('not added');
    expect(await repo.deleteHighlight(added.value.id)).toEqual({ ok: true, value: added.value });
    expect(await repo.listHighlights(clipId)).toEqual([]);
  });

  it('deletes a clip with its highlights, and undo puts both back', async () => {
    const clipId = await savedClipId();
    await repo.addHighlight(draft(clipId, 'one'));
    await repo.addHighlight(draft(clipId, 'two'));
    const deleted = await repo.deleteClip(clipId);
    if (!deleted.ok) throw new Error('not deleted');
    expect(deleted.value.highlights.map((h) => h.quote.exact)).toEqual(['one', 'two']);
    expect(await db.highlights.count()).toBe(0);
    expect((await repo.restoreClip(deleted.value)).ok).toBe(true);
    expect((await repo.listHighlights(clipId)).map((h) => h.quote.exact)).toEqual(['one', 'two']);
  });

  it('lists every highlight newest first with the page it is on', async () => {
    const clipId = await savedClipId();
    await repo.addHighlight(draft(clipId, 'older passage'));
    await repo.addHighlight(draft(clipId, 'newer passage', { meaning: 'disagree' }));
    const all = await repo.listAllHighlights();
    expect(all.map((h) => [h.highlight.quote.exact, h.pageTitle, h.pageUrl])).toEqual([
      ['newer passage', 'Type 2 diabetes', URL],
      ['older passage', 'Type 2 diabetes', URL],
    ]);
  });
});

describe('highlights across addresses, placements and undo', () => {
  it('finds a page’s highlights under its www., mobile and http variants, but not on another page', async () => {
    const clipId = await savedClipId();
    await repo.addHighlight(draft(clipId, 'feeling very tired'));
    for (const variant of [
      'https://nhs.uk/conditions/type-2-diabetes/',
      'https://m.nhs.uk/conditions/type-2-diabetes/',
      'http://www.nhs.uk/conditions/type-2-diabetes/',
    ]) {
      expect(await repo.listHighlightsForUrl(variant)).toHaveLength(1);
      expect(await repo.findClipsByUrl(variant)).toHaveLength(1);
    }
    expect(await repo.listHighlightsForUrl('https://www.nhs.uk/conditions/type-1-diabetes/')).toEqual([]);
  });

  it('records what the page found, only for that page’s highlights, and clears “not found” on re-attach', async () => {
    const clipId = await savedClipId();
    const a = await repo.addHighlight(draft(clipId, 'feeling very tired'));
    const b = await repo.addHighlight(draft(clipId, 'peeing more than usual'));
    if (!a.ok || !b.ok) throw new Error('setup');
    const other = await repo.saveClip({ ...page, facts: { ...page.facts, url: 'https://www.nhs.uk/x/', canonicalUrl: 'https://www.nhs.uk/x/' } }, verdict);
    if (!other.ok) throw new Error('setup');
    const c = await repo.addHighlight(draft(other.value.clip.id, 'elsewhere', { canonicalUrl: 'https://www.nhs.uk/x/' }));
    if (!c.ok) throw new Error('setup');

    const recorded = await repo.recordPlacements(URL, [
      { id: a.value.id, status: 'missing' },
      { id: b.value.id, status: 'changed', changedText: 'peeing a lot more than usual' },
      { id: c.value.id, status: 'missing' }, // another page's highlight: ignored
    ]);
    expect(recorded).toEqual({ ok: true, value: 2 });
    const [ha, hb] = await repo.listHighlightsForUrl(URL);
    expect(ha?.lastSeen).toMatchObject({ status: 'missing' });
    expect(hb?.lastSeen).toMatchObject({ status: 'changed', changedText: 'peeing a lot more than usual' });
    expect((await repo.listHighlightsForUrl('https://www.nhs.uk/x/'))[0]?.lastSeen).toBeUndefined();

    const moved = await repo.updateHighlight(a.value.id, { quote: { exact: 'feeling tired', prefix: '', suffix: '' }, position: { start: 1, end: 14 } });
    expect(moved).toMatchObject({ ok: true, value: { quote: { exact: 'feeling tired' }, lastSeen: { status: 'placed' } } });
  });

  it('refuses a malformed placement report and changes nothing', async () => {
    const clipId = await savedClipId();
    const a = await repo.addHighlight(draft(clipId, 'feeling very tired'));
    if (!a.ok) throw new Error('setup');
    expect(await repo.recordPlacements(URL, [{ id: a.value.id, status: 'gone' }])).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await repo.listHighlightsForUrl(URL))[0]?.lastSeen).toBeUndefined();
  });

  it('puts a deleted highlight back on undo, unless its page was deleted meanwhile', async () => {
    const clipId = await savedClipId();
    const a = await repo.addHighlight(draft(clipId, 'feeling very tired', { note: 'me' }));
    if (!a.ok) throw new Error('setup');
    const deleted = await repo.deleteHighlight(a.value.id);
    if (!deleted.ok) throw new Error('delete failed');
    expect(await repo.listHighlights(clipId)).toEqual([]);
    expect(await repo.restoreHighlight(deleted.value)).toMatchObject({ ok: true });
    expect(await repo.listHighlights(clipId)).toEqual([a.value]);

    const again = await repo.deleteHighlight(a.value.id);
    if (!again.ok) throw new Error('delete failed');
    await repo.deleteClip(clipId);
    expect(await repo.restoreHighlight(again.value)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await db.highlights.count()).toBe(0);
  });
});

describe('W3C selectors on highlights', () => {
  const selectors = (exact: string, start: number) => [
    { type: 'TextQuoteSelector' as const, exact, prefix: 'before ', suffix: ' after' },
    { type: 'TextPositionSelector' as const, start, end: start + exact.length },
  ];

  it('stores them, refuses a set without its quote, and replaces them when the highlight is re-attached', async () => {
    const clipId = await savedClipId();
    const saved = await repo.addHighlight(draft(clipId, 'feeling very tired', { selectors: selectors('feeling very tired', 10) }));
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.selectors?.[0]).toMatchObject({ type: 'TextQuoteSelector', exact: 'feeling very tired' });
    const noQuote = await repo.addHighlight(draft(clipId, 'x', { selectors: [{ type: 'TextPositionSelector', start: 1, end: 2 }] }));
    expect(noQuote).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    const moved = await repo.updateHighlight(saved.value.id, { quote: { exact: 'very tired', prefix: '', suffix: '' }, selectors: selectors('very tired', 50) });
    expect(moved).toMatchObject({ ok: true, value: { selectors: [{ exact: 'very tired' }, { start: 50 }] } });
    const noteOnly = await repo.updateHighlight(saved.value.id, { note: 'ask' });
    expect(noteOnly).toMatchObject({ ok: true, value: { note: 'ask', selectors: [{ exact: 'very tired' }, { start: 50 }] } });
  });
});
