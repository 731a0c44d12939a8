// @vitest-environment jsdom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { buildClipDraft } from '../../lib/clip/build-clip-draft';
import { clipDraftSchema } from '../../lib/model/clip';

/**
 * Runs the article clipper over every saved real page in the shared corpus
 * (Readability's test pages, health forums, news, blogs, huge Reddit pages)
 * and checks it never throws and never returns an empty or invalid clip.
 * The corpus lives beside the project and may be absent; then the suite is
 * skipped, loudly.
 */
const CORPUS = resolve(process.cwd(), '../shared/corpus');
const PRESENT = existsSync(CORPUS);
const PAGE_TIMEOUT_MS = 60_000;

if (!PRESENT) console.warn(`shared corpus not found at ${CORPUS}: corpus robustness suite NOT run`);

interface CorpusPage {
  /** Path inside the corpus, e.g. "forums/bpdfamily-343886.html". */
  file: string;
  url: string;
}

/** original_url per corpus file, from MANIFEST.tsv (only web addresses). */
function manifestUrls(): Map<string, string> {
  const urls = new Map<string, string>();
  const manifest = join(CORPUS, 'MANIFEST.tsv');
  if (!existsSync(manifest)) return urls;
  const [header, ...rows] = readFileSync(manifest, 'utf8').split('\n');
  const columns = (header ?? '').split('\t');
  const fileCol = columns.indexOf('file');
  const urlCol = columns.indexOf('original_url');
  for (const row of rows) {
    const cells = row.split('\t');
    const file = cells[fileCol];
    const url = cells[urlCol]?.trim();
    if (file && url && /^https?:\/\//i.test(url)) urls.set(file, url);
  }
  return urls;
}

function htmlFilesIn(dir: string): string[] {
  const path = join(CORPUS, dir);
  return existsSync(path) ? readdirSync(path).filter((f) => f.endsWith('.html')).sort().map((f) => `${dir}/${f}`) : [];
}

function corpusPages(): CorpusPage[] {
  if (!PRESENT) return [];
  const urls = manifestUrls();
  const readability = existsSync(join(CORPUS, 'readability'))
    ? readdirSync(join(CORPUS, 'readability'))
        .sort()
        .map((name) => `readability/${name}/source.html`)
        .filter((file) => existsSync(join(CORPUS, file)))
    : [];
  const files = [...readability, ...htmlFilesIn('forums'), ...htmlFilesIn('pages')];
  return files.map((file) => {
    const name = file.startsWith('readability/') ? (file.split('/')[1] ?? file) : basename(file, '.html');
    return { file, url: urls.get(file) ?? `https://example.org/${encodeURIComponent(name)}` };
  });
}

const pages = corpusPages();
const tally = { pages: 0, articles: 0, visibleText: 0, linkOnly: 0, slowestMs: 0, slowestPage: '', fellBack: [] as string[] };

describe.skipIf(!PRESENT)('corpus robustness: buildClipDraft on every saved page', () => {
  afterAll(() => {
    const fellBack = tally.visibleText + tally.linkOnly;
    console.log(
      `corpus: ${tally.pages} pages, ${tally.articles} full articles, ${fellBack} fell back (${tally.visibleText} visible text, ${tally.linkOnly} link only), slowest ${Math.round(tally.slowestMs)} ms`,
    );
    if (tally.slowestPage) console.log(`corpus: slowest page was ${tally.slowestPage}`);
    if (tally.fellBack.length) console.log(`corpus: fell back on ${tally.fellBack.join(', ')}`);
  });

  it('found the corpus pages', () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  it.each(pages)('$file', ({ file, url }) => {
    const html = new TextDecoder('utf-8').decode(readFileSync(join(CORPUS, file)));
    // jsdom reports every stylesheet it cannot parse; real pages have many, and they do not matter here.
    const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
    try {
      const win = dom.window as unknown as Window;
      const started = performance.now();
      const draft = buildClipDraft({ doc: dom.window.document, win, url }, 'article');
      const ms = performance.now() - started;

      const parsed = clipDraftSchema.safeParse(draft);
      expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
      if (draft.kind === 'link') {
        expect(draft.fallback?.message.trim()).toBeTruthy();
      } else {
        expect(draft.contentText?.trim()).toBeTruthy();
        expect(draft.contentHtml?.trim()).toBeTruthy();
      }
      expect(draft.facts.title.trim()).toBeTruthy();

      tally.pages += 1;
      if (draft.kind === 'link') tally.linkOnly += 1;
      else if (draft.fallback) tally.visibleText += 1;
      else tally.articles += 1;
      if (draft.fallback) tally.fellBack.push(`${file} (${draft.kind === 'link' ? 'link' : 'text'}: ${draft.fallback.reason})`);
      if (ms > tally.slowestMs) {
        tally.slowestMs = ms;
        tally.slowestPage = file;
      }
    } finally {
      dom.window.close();
    }
  }, PAGE_TIMEOUT_MS);
});
