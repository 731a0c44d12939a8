import { fail, ok } from '../model/result';
import { DraftCollector, dateFromUnixTime, oneLine, type LinkParseResult } from './link-drafts';
import { t } from '../i18n';

/**
 * Reads the "Netscape bookmark file" every browser exports (Chrome, Edge,
 * Firefox, Safari), which Raindrop and the classic Pocket export
 * (ril_export.html) write too. The format is loose HTML (unclosed <DT>, <p>
 * inside <DL>), so it is read through a real HTML parser: the caller passes
 * the Document (DOMParser in the library page, jsdom in tests).
 *
 * Folders become tags, the TAGS attribute (Firefox, Raindrop, Pocket) adds
 * tags, ADD_DATE / time_added becomes the saved date when sane, and the <DD>
 * after a bookmark (a description, Raindrop's note) becomes its note.
 * Format notes: https://learn.microsoft.com/previous-versions/windows/internet-explorer/ie-developer/platform-apis/aa753582(v=vs.85)
 */

/**
 * Folders every browser makes for itself: naming them as tags would tag
 * every bookmark "bookmarks bar". Chrome, Edge, Firefox and Safari names,
 * plus the attributes Firefox and Chrome put on them.
 */
const BROWSER_FOLDERS = new Set([
  'bookmarks', 'bookmarks bar', 'bookmarks toolbar', 'bookmarks menu', 'other bookmarks', 'mobile bookmarks',
  'favorites', 'favourites', 'favorites bar', 'favourites bar', 'other favorites', 'other favourites', 'bookmarksbar',
  'unsorted', 'unfiled bookmarks',
]);
const BROWSER_FOLDER_ATTRIBUTES = ['personal_toolbar_folder', 'unfiled_bookmarks_folder'];

/** Folder names kept per link, and how far up the page we look for them (a hostile file can nest thousands deep). */
const MAX_FOLDER_DEPTH = 20;
const MAX_ANCESTORS = 200;

/** The <H3> naming the folder a <DL> lists, if the <DL> is a folder (not the file's root). */
function folderHeading(dl: Element): Element | undefined {
  const before = dl.previousElementSibling;
  if (before?.tagName === 'H3') return before;
  // A folder with a description: <DT><H3>name</H3><DD>description<DL>…, where the parser puts the <DL> inside the <DD>.
  const parent = dl.parentElement;
  if (parent?.tagName === 'DD') {
    const dt = parent.previousElementSibling;
    const h3 = dt?.tagName === 'DT' ? dt.firstElementChild : undefined;
    if (h3?.tagName === 'H3') return h3;
  }
  return undefined;
}

/** The folder names a link sits in, outermost first, without the browser's own folders. */
function foldersOf(link: Element): string[] {
  const names: string[] = [];
  let steps = 0;
  for (let el = link.parentElement; el && names.length < MAX_FOLDER_DEPTH && steps++ < MAX_ANCESTORS; el = el.parentElement) {
    if (el.tagName !== 'DL') continue;
    const heading = folderHeading(el);
    if (!heading) continue;
    const name = oneLine(heading.textContent ?? '', 200);
    const isBrowserFolder = BROWSER_FOLDER_ATTRIBUTES.some((a) => heading.hasAttribute(a)) || BROWSER_FOLDERS.has(name.toLowerCase());
    if (name && !isBrowserFolder) names.unshift(name);
  }
  return names;
}

/** The text of the <DD> right after a bookmark's <DT> (its description), without any nested folder. */
function descriptionOf(link: Element): string {
  const dt = link.parentElement?.tagName === 'DT' ? link.parentElement : undefined;
  const dd = dt?.nextElementSibling;
  if (dd?.tagName !== 'DD') return '';
  let text = '';
  for (const node of Array.from(dd.childNodes)) if (node.nodeType === 3) text += node.textContent ?? '';
  return text.trim();
}

/** Whether a document is a bookmarks export rather than some other saved web page. */
function isBookmarksFile(doc: Document): boolean {
  if (doc.doctype?.name.toLowerCase().includes('netscape-bookmark')) return true;
  if (/pocket export/i.test(doc.title)) return true;
  return Boolean(doc.querySelector('dl dt > a, dt > a[add_date], a[add_date], a[time_added]'));
}

/** Links from a bookmarks export, as drafts; a plain message when the file is not one. */
export function parseBookmarks(doc: Document, options: { now: Date }): LinkParseResult {
  if (!isBookmarksFile(doc)) {
    return fail('invalid-input', t('exchange.links.notBookmarks'));
  }
  const out = new DraftCollector('bookmarks', options.now);
  for (const link of Array.from(doc.querySelectorAll('a'))) {
    const href = link.getAttribute('href');
    if (href === null) continue;
    const tagAttribute = link.getAttribute('tags') ?? '';
    out.add({
      url: href,
      title: link.textContent ?? '',
      tags: [...foldersOf(link), ...tagAttribute.split(',')],
      note: descriptionOf(link),
      savedAt: dateFromUnixTime(link.getAttribute('add_date') ?? link.getAttribute('time_added')),
    });
  }
  return ok(out.result());
}
