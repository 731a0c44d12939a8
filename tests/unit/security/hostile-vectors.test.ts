// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { collectionHtml } from '../../../components/consult/standalone-html';
import { classifySource } from '../../../lib/classify/classify-source';
import { buildClipDraft } from '../../../lib/clip/build-clip-draft';
import { sanitizeHtml } from '../../../lib/clip/sanitize-html';
import { textFragmentUrl } from '../../../lib/clip/text-fragment';
import { collectionMarkdown } from '../../../lib/consult/markdown';
import { collectionPlainText } from '../../../lib/consult/plain-text';
import { collectionCsv } from '../../../lib/exchange/csv';
import { collectionFileText, exportCollectionFile } from '../../../lib/exchange/export-file';
import { buildHostilePages } from '../../fixtures/hostile/pages';
import { HOSTILE_NOTE, HOSTILE_VECTORS, type HostileVector } from '../../fixtures/hostile/vectors';
import { loadPage } from '../../helpers/pages';
import { clip, entry, highlight, NOW, prescription, readingList } from '../lib/consult/fixtures';

/**
 * Every hostile vector (tests/fixtures/hostile/vectors.ts) through the
 * sanitiser, the clipping pipeline and every export renderer, in jsdom:
 * the fast check behind tests/e2e/hostile-pages.spec.ts. What comes out is
 * parsed again and searched for anything that could run, load or re-base.
 */

const { win } = loadPage('<!DOCTYPE html><html><head></head><body></body></html>', 'https://health-pages.test/hostile/page.html');

const ALLOWED_TAGS_NEVER = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea',
  'meta', 'base', 'link', 'svg', 'math', 'template', 'video', 'audio', 'source', 'picture', 'dialog', 'portal', 'fencedframe',
  'noscript', 'xmp', 'noembed', 'noframes', 'plaintext', 'isindex', 'keygen', 'image', 'animate', 'set', 'use', 'foreignobject',
]);
const FORBIDDEN_ATTR = /^(on.*|style|srcset|sizes|srcdoc|action|formaction|ping|background|poster|usemap|lowsrc|dynsrc|id|name|xlink:href|xmlns.*|autofocus|cite|data-(?!hc-blocked$).*)$/i;
const URL_ATTRS = new Set(['href', 'src']);
// An SVG shown through <img> runs no script (images are never scripted), so data:image/svg+xml is fine there.
const SAFE_URL = /^(https?:|mailto:|#|data:image\/)/i;
/** javascript:, vbscript: and data: (other than images) however the URL parser would forgive their spelling. */
const SCRIPT_URL = /^(javascript|vbscript|data):/i;
const unspaced = (value: string) => value.replace(/[\u0000-\u0020\u007f-\u00a0]/g, '');

/** Everything in `html` that could run, load a script or change what later addresses mean, as readable problems. */
function problemsIn(html: string, where: string): string[] {
  const doc = new JSDOM('<!DOCTYPE html><body></body>').window.document;
  const holder = doc.createElement('div');
  holder.innerHTML = html;
  const problems: string[] = [];
  for (const el of holder.querySelectorAll('*')) {
    const tag = el.localName;
    if (ALLOWED_TAGS_NEVER.has(tag)) problems.push(`${where}: <${tag}>`);
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`${where}: foreign <${tag}>`);
    for (const { name, value } of el.attributes) {
      if (FORBIDDEN_ATTR.test(name)) problems.push(`${where}: <${tag} ${name}>`);
      if (SCRIPT_URL.test(unspaced(value)) && !/^data:image\//i.test(value)) problems.push(`${where}: <${tag} ${name}="${value.slice(0, 40)}">`);
      if (URL_ATTRS.has(name) && !SAFE_URL.test(value.trim())) problems.push(`${where}: <${tag} ${name}="${value.slice(0, 40)}"> is not a web address`);
    }
  }
  return problems;
}

/** Visible words, whitespace squashed, of some HTML. */
function textOf(html: string): string {
  const doc = new JSDOM('<!DOCTYPE html><body></body>').window.document;
  const holder = doc.createElement('div');
  holder.innerHTML = html;
  return (holder.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('the hostile vector corpus', () => {
  it('has at least 150 vectors with unique ids, covering every category the issue names, each carrying its flag and beacon', () => {
    expect(HOSTILE_VECTORS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(HOSTILE_VECTORS.map((v) => v.id)).size).toBe(HOSTILE_VECTORS.length);
    const categories = new Set(HOSTILE_VECTORS.map((v) => v.category));
    for (const c of ['script', 'event-handler', 'javascript-url', 'data-url', 'svg', 'mathml', 'meta-refresh', 'css', 'reparse', 'frame-embed', 'form', 'base-link', 'srcset', 'clobbering', 'json-ld', 'metadata', 'text-as-markup'] as const) {
      expect(categories, c).toContain(c);
    }
    // Vectors that are only loads, clobbering or text carry no payload by design; every other one does.
    const inert = new Set(['clobbering', 'text-as-markup', 'base-link', 'srcset', 'css', 'form', 'json-ld', 'frame-embed', 'metadata']);
    const carries = (v: HostileVector) => /__hcPwned|%5F%5FhcPwned|__pwned/.test(v.html) || [...v.html.matchAll(/base64,([A-Za-z0-9+/=]+)/g)].some(([, b]) => Buffer.from(b!, 'base64').toString('utf8').includes('__hcPwned'));
    for (const v of HOSTILE_VECTORS.filter((x) => !inert.has(x.category))) expect(carries(v), v.id).toBe(true);
  });
});

describe('sanitizeHtml on every vector', () => {
  it.each(HOSTILE_VECTORS.filter((v) => v.where !== 'head').map((v) => [v.id, v] as const))('%s: nothing that runs survives, and its words do', (_, vector: HostileVector) => {
    for (const blockRemoteImages of [false, true]) {
      const clean = sanitizeHtml(vector.html, win, { blockRemoteImages });
      expect(problemsIn(clean, vector.id)).toEqual([]);
      // Stable: cleaning what was cleaned changes nothing (no markup that re-parses into something else).
      expect(sanitizeHtml(clean, win, { blockRemoteImages })).toBe(clean);
      if (vector.survivingText) expect(textOf(clean)).toContain(vector.survivingText);
    }
  });
});

describe('clipping the hostile pages (Readability, page facts, sanitiser)', () => {
  const pages = buildHostilePages();

  it.each(pages.map((p) => [p.file, p] as const))('%s: the article keeps its words and nothing that runs; JSON-LD pollutes no prototype', (_, page) => {
    const { doc, win: pageWin, url } = loadPage(page.html, `https://health-pages.test/hostile/${page.file}`);
    const draft = buildClipDraft({ doc, win: pageWin, url }, 'article');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(draft.kind).toBe('article');
    const html = (draft.kind === 'article' ? draft.contentHtml : undefined) ?? '';
    expect(problemsIn(html, page.file)).toEqual([]);
    const text = textOf(html);
    expect(page.paragraphs.filter((p) => !text.includes(p))).toEqual([]);
    // Forum-software and other lookups by page words find only their own entries ("constructor" is no forum).
    const verdict = classifySource(draft.facts);
    expect(verdict.reasons.join(' ')).not.toMatch(/function|\[object/);
    for (const reason of verdict.reasons) expect(typeof reason).toBe('string');
    // Page facts are text: a javascript: canonical link is never the clip's address.
    expect(draft.facts.canonicalUrl).toMatch(/^https:\/\/health-pages\.test\//);
    expect(draft.facts.url).toMatch(/^https:/);
  });

  it('a selection of a whole hostile article keeps every vector’s words and nothing that runs', () => {
    for (const page of pages) {
      const { doc, win: pageWin } = loadPage(page.html, `https://health-pages.test/hostile/${page.file}`);
      const article = doc.querySelector('article');
      const range = doc.createRange();
      range.selectNodeContents(article!);
      const holder = doc.createElement('div');
      holder.append(range.cloneContents());
      const clean = sanitizeHtml(holder.innerHTML, pageWin);
      expect(problemsIn(clean, page.file)).toEqual([]);
      const text = textOf(clean);
      expect(page.paragraphs.filter((p) => !text.includes(p))).toEqual([]);
      const lost = page.vectors.filter((v) => v.survivingText && v.where !== 'head' && !text.includes(v.survivingText)).map((v) => v.id);
      expect(lost).toEqual([]);
    }
  });
});

describe('exports and print of clips, highlights and notes made of vectors', () => {
  // Every vector's markup as a title, site name, byline, note, highlight quote and question: all text to us.
  const hostileClips = HOSTILE_VECTORS.map((v, i) =>
    clip(`v${i}`, { title: v.html.slice(0, 300), siteName: v.html.slice(0, 80), byline: v.html.slice(0, 120), excerpt: v.html.slice(0, 200), note: v.html }),
  );
  const entries = hostileClips.map((c, i) =>
    entry(`item-${i}`, c, { note: HOSTILE_NOTE, highlight: highlight(`h${i}`, c.id, HOSTILE_VECTORS[i]!.html.slice(0, 200), { note: HOSTILE_NOTE }) }),
  );
  const list = readingList({ title: `List ${HOSTILE_NOTE}`.slice(0, 200), whatMatters: HOSTILE_NOTE, questions: [{ id: 'q', text: HOSTILE_NOTE.slice(0, 500) }] }, entries);
  const rx = prescription({ title: 'Rx </title><script>alert(1)</script>', patientName: '<img src=x onerror=alert(1)>', condition: '<svg onload=alert(1)>' }, entries);

  it('the web page download holds no script, handler or script address, its CSP comes first, and the words are there', () => {
    for (const resolved of [list, rx]) {
      const html = collectionHtml(resolved, [], NOW, { includePrivate: true, quotePeer: true });
      const doc = new JSDOM(html).window.document;
      expect(doc.head.firstElementChild?.getAttribute('charset')).toBe('utf-8');
      const metas = [...doc.querySelectorAll('meta[http-equiv]')];
      expect(metas.map((m) => m.getAttribute('http-equiv'))).toEqual(['Content-Security-Policy']);
      expect(doc.querySelectorAll('script, iframe, object, embed, base, form, link').length).toBe(0);
      expect(doc.title).toBe(resolved.collection.title);
      // The document's own inline styles are allowed by its CSP; anything else from the list is not.
      const body = doc.body.innerHTML.replace(/ (style|data-[\w-]+)="[^"]*"/g, '');
      expect(problemsIn(body, 'standalone html').filter((p) => !/<img src="data:image\/svg\+xml/.test(p))).toEqual([]);
      expect(doc.body.textContent).toContain('Ask about');
    }
  });

  it('Markdown escapes every < and link bracket from page or user text, and links only web addresses', () => {
    const md = collectionMarkdown(list, [], NOW, { includePrivate: true, quotePeer: true });
    const unescaped = md.replace(/\\[\s\S]/g, '');
    expect(unescaped).not.toMatch(/</);
    expect(md).not.toMatch(/\]\(\s*(javascript|data|vbscript):/i);
    for (const [, url] of md.matchAll(/\]\(([^)\s]+)\)/g)) expect(url).toMatch(/^https?:/);
    expect(md).toContain('Ask about');
  });

  it('plain text, the collection file and CSV keep the words as text, CSV with no formula at the start of a cell', () => {
    const text = collectionPlainText(list, [], NOW, { maxChars: 1_000_000 });
    expect(text).toContain('Ask about');
    const file = collectionFileText(exportCollectionFile(list, [], { includePrivate: true, quotePeer: true, curator: '<b onmouseover=alert(1)>', now: NOW, generator: 'test' }));
    const parsed: unknown = JSON.parse(file);
    expect(JSON.stringify(parsed)).toContain('Ask about');
    const csv = collectionCsv(list, [], { includePrivate: true, quotePeer: true, now: NOW });
    const cells = csv.split(/\r?\n/).flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []);
    for (const cell of cells) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('a text-fragment link to a quote made of markup is percent-encoded, never markup or a script address', () => {
    for (const v of HOSTILE_VECTORS) {
      const url = textFragmentUrl('https://health-pages.test/hostile/page.html', { exact: v.html.slice(0, 200), prefix: '<script>', suffix: 'javascript:alert(1)' });
      expect(url).toMatch(/^https:\/\/health-pages\.test\/hostile\/page\.html#:~:text=/);
      expect(url).not.toMatch(/[<>"\s]/);
    }
  });
});
