import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { buildClipDraft, type ClipSource } from '../../lib/clip/build-clip-draft';
import { collectPageFacts } from '../../lib/clip/page-facts';
import { t } from '../../lib/i18n';
import { describeTextQuote } from '../../lib/clip/text-quote';
import type { PageClipper } from '../../lib/messages/page-clipper';
import { runtimePageChannel } from '../../lib/messages/page-channel';
import { describePassage } from '../../lib/page-highlights/passage';
import { pageHighlights } from '../../lib/page-highlights/session';

/** Where `node` sits under `root`, as child indexes. */
function pathFrom(root: Node, node: Node): number[] {
  const path: number[] = [];
  for (let at = node; at !== root && at.parentNode; at = at.parentNode) path.unshift(Array.prototype.indexOf.call(at.parentNode.childNodes, at));
  return path;
}

function nodeAt(root: Node, path: readonly number[]): Node {
  let at = root;
  for (const index of path) at = at.childNodes[index] ?? at;
  return at;
}

/**
 * The HTML of a range, copied into a document with no window. Copies made
 * in the page's own document (range.cloneContents) are live: each copied
 * <img> loads again and fires its onerror, <svg onload> and <details
 * ontoggle> fire, so saving a selection re-ran the page's inline handlers
 * (tests/e2e/hostile-pages.spec.ts saw 35 on one page). importNode into a
 * document from DOMParser copies without any of that.
 */
function inertHtmlOf(range: Range): string {
  const root = range.commonAncestorContainer;
  // DOMParser, not createHTMLDocument: Chromium still fetches images in the latter (DOMPurify parses with DOMParser for the same reason).
  const inert = new DOMParser().parseFromString('', 'text/html');
  const copy = inert.importNode(root, true);
  const inertRange = inert.createRange();
  inertRange.setStart(nodeAt(copy, pathFrom(root, range.startContainer)), range.startOffset);
  inertRange.setEnd(nodeAt(copy, pathFrom(root, range.endContainer)), range.endOffset);
  const holder = inert.createElement('div');
  holder.append(inertRange.cloneContents());
  return holder.innerHTML;
}

/** The user's selection as a quote plus its HTML, when there is one. */
function readSelection(): ClipSource['selection'] {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const quote = describeTextQuote(range);
  if (!quote) return undefined;
  return { quote, html: inertHtmlOf(range) };
}

function linkOnlyReason(): string | undefined {
  if (document.contentType === 'application/pdf') {
    return t('page.pdf');
  }
  if (!(document.contentType ?? 'text/html').includes('html')) {
    return t('page.notHtml');
  }
  return undefined;
}

/**
 * Injected only when the user asks to clip (activeTab), never always-on:
 * it carries Readability and DOMPurify, which pages that are never clipped
 * should not pay for.
 */
export default defineUnlistedScript(() => {
  const highlights = () => pageHighlights(document, runtimePageChannel());
  const clipper: PageClipper = {
    inspect: () => ({
      facts: collectPageFacts(document, location.href),
      hasSelection: Boolean(readSelection()),
      linkOnlyReason: linkOnlyReason(),
    }),
    clip: (mode) =>
      buildClipDraft(
        { doc: document, win: window, url: location.href, selection: readSelection() },
        linkOnlyReason() ? 'link' : mode,
      ),
    selectedPassage: () => {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
      return describePassage(document.body, selection.getRangeAt(0));
    },
    paintSaved: (items) => {
      const page = highlights();
      // The user has just used the extension on this page (activeTab): offer the toolbar too.
      page.enableToolbar();
      return page.highlighter.show(items);
    },
    paintSelection: (id, meaning) => {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return false;
      highlights().highlighter.add(id, selection.getRangeAt(0).cloneRange(), meaning);
      return true;
    },
    scrollTo: (id) => highlights().highlighter.scrollTo(id),
    unpaint: (id) => {
      highlights().highlighter.remove(id);
      return true;
    },
  };
  globalThis.__healthClipper = clipper;
});
