/**
 * Builds a library database with the code of an OLD release and writes it,
 * raw, to tests/fixtures/upgrade/vN.json, so tests/db/migrations/
 * upgrade-fixtures.test.ts can open what that release really wrote with
 * today's code (issue 8, "Upgrades").
 *
 * It does what the extension did at that commit, with that commit's own
 * modules: builds clip drafts from saved pages with lib/clip's
 * buildClipDraft (jsdom stands in for the tab), classifies them with
 * lib/classify, saves them with lib/db/repository.ts, edits tags, notes and
 * the source type, and, where the release had them, adds site rules,
 * highlights (all four meanings, notes, placements) and collections,
 * reading lists and prescriptions (private and imported items, questions,
 * a kept record and its follow-on, a template and an issued copy, a followed
 * collection), and the saved search index. Clock and ids are fixed, so the
 * same commit always gives the same file. Then it reads the database back
 * through the raw IndexedDB API (fake-indexeddb), not through Dexie.
 *
 * Usage, from this worktree (the old code runs with today's node_modules):
 *   git worktree add --detach /tmp/old-vN <commit>
 *   ln -s "$PWD/node_modules" /tmp/old-vN/node_modules
 *   npx tsx scripts/make-upgrade-fixture.ts --code /tmp/old-vN --commit <commit>
 *
 * The fixtures in the repository were made from the last commit at which
 * each schema version was the newest (`git log --oneline -- lib/db/library-db.ts`):
 *   v1  1e65e11  (the commit before 855d820 added siteRules)
 *   v2  f222855  (the commit before dcdb916 added highlights)
 *   v3  df72f3e  (the commit before 5f0adb8 added collections)
 *   v4  4b7cbfd  (the commit before a6e6850 added searchJournal and searchIndex)
 *   v5  34435dc  (the commit before 4128c5d added libraryMeta)
 *   v6  4128c5d  (the newest at the time of writing)
 * When a version 7 is added, make v6.json again from the last commit before it.
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { readRawDatabase, type RawDatabase } from './upgrade-fixture-format';

interface Failure {
  code: string;
  message: string;
}
type Outcome<T> = { ok: true; value: T } | { ok: false; error: Failure };
interface Deps {
  now: () => Date;
  newId: () => string;
}
interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** The parts of an old release's modules this script calls, as they were in v1..v5. */
interface OldCollectionStore {
  create(input: unknown): Promise<Outcome<{ id: string }>>;
  addItems(id: string, items: readonly { clipId: string; highlightId?: string; note?: string }[]): Promise<Outcome<{ id: string }>>;
  keepAsRecord(id: string): Promise<Outcome<{ id: string }>>;
  startNext(id: string, title?: string): Promise<Outcome<{ id: string }>>;
  issue(templateId: string, patientName?: string): Promise<Outcome<{ id: string }>>;
}
interface OldSubscriptionStore {
  follow(id: string, input: { url: string; etag?: string; lastModified?: string; schedule?: string }): Promise<Outcome<unknown>>;
  recordCheck(id: string, record: { changesWaitingAt?: string; lastProblem?: string }): Promise<Outcome<unknown>>;
}
interface OldRepository {
  saveClip(input: unknown, verdict: unknown): Promise<Outcome<{ clip: { id: string; canonicalUrl: string } }>>;
  updateClip(id: string, input: unknown): Promise<Outcome<unknown>>;
  saveSiteRule?: (input: { host: string; type: unknown; note?: string }) => Promise<Outcome<unknown>>;
  addHighlight?: (input: unknown) => Promise<Outcome<{ id: string }>>;
  recordPlacements?: (canonicalUrl: string, input: unknown) => Promise<Outcome<number>>;
  updateHighlight?: (id: string, input: unknown) => Promise<Outcome<unknown>>;
  collections?: OldCollectionStore;
  subscriptions?: OldSubscriptionStore;
}
interface OldDb {
  name: string;
  open(): Promise<unknown>;
  close(): void;
}
interface OldMetaStore {
  ensureMarker(marker: { key: 'library'; libraryId: string; createdAt: string }): Promise<unknown>;
}
interface OldSearch {
  open(): Promise<void>;
  rebuild(): Promise<void>;
}
type ClipMode = 'article' | 'selection' | 'link';
interface ClipSource {
  doc: Document;
  win: Window;
  url: string;
  selection?: { quote: TextQuote; html: string };
}
type Describe = (root: Element, range: Range) => unknown;
type DescribeRange = (root: Node, range: Range) => { quote: TextQuote; position: { start: number; end: number } } | undefined;

const { values } = parseArgs({
  options: {
    code: { type: 'string' },
    commit: { type: 'string' },
    out: { type: 'string' },
  },
});
if (!values.code) {
  console.error('Usage: npx tsx scripts/make-upgrade-fixture.ts --code <old worktree> [--commit <its commit>] [--out file]');
  process.exit(2);
}
const CODE = resolve(values.code);
// The file names the commit it came from, so it must be the one checked out there (with no local changes).
const HEAD = execFileSync('git', ['-C', CODE, 'rev-parse', '--short=7', 'HEAD'], { encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['-C', CODE, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
if ((values.commit && !HEAD.startsWith(values.commit.slice(0, 7))) || dirty) {
  console.error(`${CODE} is at ${HEAD}${dirty ? ' with local changes' : ''}, not a clean ${values.commit ?? HEAD}.`);
  process.exit(2);
}
const COMMIT = HEAD;

/**
 * Loads an export of the old release. Its types are the old ones, which this
 * tree cannot name, so they are described by the interfaces above; a missing
 * export is reported rather than guessed.
 */
async function oldExport<T>(file: string, name: string): Promise<T> {
  const mod: unknown = await import(pathToFileURL(resolve(CODE, file)).href);
  const value = typeof mod === 'object' && mod !== null ? Reflect.get(mod, name) : undefined;
  if (value === undefined) throw new Error(`${file} has no export ${name}`);
  return value as T;
}

async function hasFile(file: string): Promise<boolean> {
  return readFile(resolve(CODE, file)).then(
    () => true,
    () => false,
  );
}

function must<T>(result: Outcome<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

// Fixed clock and ids: one minute per call from a date per version, ids that say which version made them.
function fixedDeps(version: number): Deps {
  let minute = 0;
  let id = 0;
  const start = Date.UTC(2026, 0, version, 9, 0, 0);
  return {
    now: () => new Date(start + minute++ * 60_000),
    newId: () => `v${version}-${String(++id).padStart(3, '0')}`,
  };
}

const SCHEMA_HISTORY = await oldExport<readonly { version: number; stores: Record<string, string> }[]>('lib/db/library-db.ts', 'SCHEMA_HISTORY');
const VERSION = SCHEMA_HISTORY.at(-1)?.version ?? 0;
const LibraryDb = await oldExport<new () => OldDb>('lib/db/library-db.ts', 'LibraryDb');
const LibraryRepository = await oldExport<new (db: OldDb, deps: Deps) => OldRepository>('lib/db/repository.ts', 'LibraryRepository');
const buildClipDraft = await oldExport<(source: ClipSource, mode: ClipMode) => Record<string, unknown>>('lib/clip/build-clip-draft.ts', 'buildClipDraft');
const describeTextQuote = await oldExport<(range: Range) => TextQuote | undefined>('lib/clip/text-quote.ts', 'describeTextQuote');
const classifySource = await oldExport<(facts: unknown) => unknown>('lib/classify/classify-source.ts', 'classifySource');
const describe = (await hasFile('lib/anchor/describe.ts')) ? await oldExport<Describe>('lib/anchor/describe.ts', 'describe') : undefined;
const describeRange = (await hasFile('lib/anchor/dom-text.ts')) ? await oldExport<DescribeRange>('lib/anchor/dom-text.ts', 'describeRange') : undefined;

const PAGES = resolve(CODE, 'tests/fixtures/pages');
const PAGE_URLS: unknown = JSON.parse(await readFile(resolve(PAGES, 'urls.json'), 'utf8'));

interface LoadedPage {
  dom: JSDOM;
  url: string;
}

async function loadPage(file: string, url?: string): Promise<LoadedPage> {
  const known = typeof PAGE_URLS === 'object' && PAGE_URLS !== null ? Reflect.get(PAGE_URLS, file) : undefined;
  const address = url ?? (typeof known === 'string' ? known : undefined);
  if (!address) throw new Error(`No address for ${file}`);
  const html = await readFile(resolve(PAGES, file), 'utf8');
  return { dom: new JSDOM(html, { url: address }), url: address };
}

/** A DOM Range over the first occurrence of `phrase` inside one text node, as a user's selection would be. */
function rangeOver(page: LoadedPage, phrase: string): Range {
  const doc = page.dom.window.document;
  const walker = doc.createTreeWalker(doc.body, page.dom.window.NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue?.indexOf(phrase) ?? -1;
    if (at < 0) continue;
    const range = doc.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + phrase.length);
    return range;
  }
  throw new Error(`"${phrase}" is not in ${page.url}`);
}

/** What the old page-side clipper sent for a selection: its quote and HTML. */
function selectionOf(page: LoadedPage, phrase: string): ClipSource['selection'] {
  const range = rangeOver(page, phrase);
  const quote = describeTextQuote(range);
  if (!quote) throw new Error(`No quote for "${phrase}"`);
  const holder = page.dom.window.document.createElement('div');
  holder.append(range.cloneContents());
  return { quote, html: holder.innerHTML };
}

/** What the old highlighter sent for a passage: quote, position, and (from v4) W3C selectors. */
function highlightTarget(page: LoadedPage, phrase: string): Record<string, unknown> {
  const body = page.dom.window.document.body;
  const range = rangeOver(page, phrase);
  const described = describeRange?.(body, range);
  if (!described) {
    const quote = describeTextQuote(range);
    if (!quote) throw new Error(`No quote for "${phrase}"`);
    return { quote };
  }
  const selectors = describe?.(body, range);
  return { quote: described.quote, position: described.position, ...(selectors ? { selectors } : {}) };
}

const deps = fixedDeps(VERSION);
const db = new LibraryDb();
const repo = new LibraryRepository(db, deps);

async function save(page: LoadedPage, mode: ClipMode, extra: { tags?: string[]; note?: string; selection?: string } = {}): Promise<{ id: string; canonicalUrl: string }> {
  const win = page.dom.window;
  const source: ClipSource = { doc: win.document, win: win as unknown as Window, url: page.url };
  if (extra.selection) source.selection = selectionOf(page, extra.selection);
  const draft = buildClipDraft(source, mode);
  const facts = draft.facts;
  const saved = must(await repo.saveClip({ ...draft, tags: extra.tags ?? [], note: extra.note ?? '' }, classifySource(facts)), `save ${page.url}`);
  return saved.clip;
}

// Clips of every kind, with every optional field some clip has: byline, dates, quality facts
// (NHS page), a selection with its quote, a link, a page with no article (fallback), an
// override of the type, tags edited after saving, and a note with characters that need care.
const nhs = await loadPage('nhs-condition-page.html');
const charity = await loadPage('charity-guide.html');
const forum = await loadPage('forum-thread.html');
const forumIndex = await loadPage('forum-index.html', 'https://forum.alzheimers.org.uk/forums/carers/');
const journal = await loadPage('journal-abstract.html');

const nhsClip = await save(nhs, 'article', { tags: ['Diabetes', 'type 2', 'diabetes'], note: 'Ask the GP about HbA1c — "48 mmol/mol"?' });
const charityClip = await save(charity, 'selection', { tags: ['hypos'], selection: 'glucose' });
const forumClip = await save(forum, 'link', { note: 'Mum & personal care <b>not</b> HTML' });
const indexClip = await save(forumIndex, 'article');
const journalClip = await save(journal, 'article', { tags: ['research'] });
// A second save of the same page is a duplicate: nothing new is written.
await save(nhs, 'article');

must(await repo.updateClip(forumClip.id, { sourceOverride: 'charity', tags: ['carers', 'forum'] }), 'override');
must(await repo.updateClip(journalClip.id, { note: 'Read the full paper later.' }), 'note');
must(await repo.updateClip(indexClip.id, { sourceOverride: 'peer' }), 'override');
// An override set then cleared leaves the verdict alone.
must(await repo.updateClip(indexClip.id, { sourceOverride: null }), 'clear override');

if (repo.saveSiteRule) {
  must(await repo.saveSiteRule({ host: 'https://www.mysurgery.co.uk/contact', type: 'official', note: 'My GP surgery' }), 'site rule');
  must(await repo.saveSiteRule({ host: 'sugarstepsandme.wordpress.com', type: 'peer' }), 'site rule');
}

const highlightIds: string[] = [];
if (repo.addHighlight && repo.recordPlacements && repo.updateHighlight) {
  const add = async (page: LoadedPage, clip: { id: string; canonicalUrl: string }, phrase: string, meaning: string, note?: string) => {
    const draft = { clipId: clip.id, canonicalUrl: clip.canonicalUrl, meaning, ...(note === undefined ? {} : { note }), ...highlightTarget(page, phrase) };
    const id = must(await repo.addHighlight!(draft), `highlight ${phrase}`).id;
    highlightIds.push(id);
    return id;
  };
  const h1 = await add(nhs, nhsClip, 'Type 2 diabetes', 'important', 'the main thing');
  const h2 = await add(nhs, nhsClip, 'blood sugar', 'question', 'What should mine be?');
  const h3 = await add(charity, charityClip, 'glucose', 'this-is-me');
  await add(journal, journalClip, 'randomised', 'disagree', '');
  must(await repo.updateHighlight(h3, { note: 'Happened last week' }), 'highlight note');
  must(
    await repo.recordPlacements(nhsClip.canonicalUrl, [
      { id: h1, status: 'placed' },
      { id: h2, status: 'changed', changedText: 'blood glucose' },
    ]),
    'placements',
  );
  must(await repo.recordPlacements(charityClip.canonicalUrl, [{ id: h3, status: 'missing' }]), 'placements');
}

if (repo.collections && repo.subscriptions) {
  const lists = repo.collections;
  const [firstHighlight, secondHighlight] = highlightIds;
  const plain = must(
    await lists.create({
      kind: 'collection',
      title: 'Diabetes basics',
      description: 'For the peer support group.',
      items: [
        { id: 'item-a', clipId: nhsClip.id, note: 'Start here' },
        { id: 'item-b', clipId: charityClip.id, highlightId: firstHighlight, note: 'Only for me', private: true },
        {
          id: 'item-c',
          clipId: journalClip.id,
          note: 'A curator said so',
          provenance: { collection: 'Group reading', curator: 'Moderators', exportedAt: '2025-12-01T10:00:00.000Z' },
        },
      ],
    }),
    'collection',
  );
  must(await repo.subscriptions.follow(plain.id, { url: 'https://group.example.org/diabetes.json', etag: '"abc"', lastModified: 'Mon, 01 Dec 2025 10:00:00 GMT', schedule: 'weekly' }), 'follow');
  must(await repo.subscriptions.recordCheck(plain.id, { changesWaitingAt: '2026-01-04T09:00:00.000Z', lastProblem: 'The address did not answer.' }), 'check');

  const reading = must(
    await lists.create({
      kind: 'reading-list',
      title: 'Diabetes review',
      whatMatters: 'Keep driving.',
      appointment: { date: '2026-02-03', with: 'Dr Patel, GP', medicines: 'Metformin 500mg twice a day' },
      questions: [
        { id: 'q-1', text: 'Is my HbA1c OK?', origin: 'own' },
        { id: 'q-2', text: 'What should mine be?', origin: 'highlight', highlightId: secondHighlight, answered: true, answer: 'Under 48' },
        { id: 'q-3', text: 'What can I eat?', origin: 'starter' },
      ],
    }),
    'reading list',
  );
  must(await lists.addItems(reading.id, [{ clipId: nhsClip.id, highlightId: secondHighlight, note: 'Show the nurse' }, { clipId: forumClip.id }]), 'add items');
  must(await lists.keepAsRecord(reading.id), 'keep as record');
  must(await lists.startNext(reading.id), 'start next');

  const template = must(
    await lists.create({
      kind: 'prescription',
      title: 'Newly diagnosed type 2 diabetes',
      condition: 'Type 2 diabetes',
      prescriber: { service: 'Riverside Surgery', clinician: 'Nurse Jones', contact: '01234 567890' },
      support: [{ id: 's-1', name: 'Diabetes UK helpline', contact: '0345 123 2399', note: 'Mon–Fri 9–6' }],
      items: [{ id: 'item-p', clipId: nhsClip.id, note: 'Read this first' }],
    }),
    'prescription',
  );
  must(await lists.issue(template.id, 'A. Patient'), 'issue');
}

// The saved search index and its journal (v5 on): what the library's worker keeps.
if (await hasFile('lib/db/library-search.ts')) {
  const LibrarySearch = await oldExport<new (db: OldDb) => OldSearch>('lib/db/library-search.ts', 'LibrarySearch');
  const search = new LibrarySearch(db);
  await search.open();
  await search.rebuild();
  // A change after the index was saved, so the journal has an entry the saved copy does not include.
  must(await repo.updateClip(nhsClip.id, { tags: ['diabetes', 'type 2', 'review'] }), 'later edit');
}

// The eviction canary's marker (v6 on): what the library writes the first time it opens.
if (await hasFile('lib/db/library-meta-store.ts')) {
  const LibraryMetaStore = await oldExport<new (db: OldDb) => OldMetaStore>('lib/db/library-meta-store.ts', 'LibraryMetaStore');
  await new LibraryMetaStore(db).ensureMarker({ key: 'library', libraryId: deps.newId(), createdAt: deps.now().toISOString() });
}

db.close();
const dump: RawDatabase = {
  format: 'health-clipper-raw-idb',
  schemaVersion: VERSION,
  madeWith: { commit: COMMIT, command: `npx tsx scripts/make-upgrade-fixture.ts --code <worktree at ${COMMIT}> --commit ${COMMIT}` },
  ...(await readRawDatabase(db.name)),
};
const out = resolve(values.out ?? `tests/fixtures/upgrade/v${VERSION}.json`);
await mkdir(resolve(out, '..'), { recursive: true });
await writeFile(out, `${JSON.stringify(dump, null, 1)}\n`);
console.log(`v${VERSION} from ${COMMIT}: ${dump.stores.map((s) => `${s.name} ${s.records.length}`).join(', ')} → ${out}`);
