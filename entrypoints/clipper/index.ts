import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { buildClipDraft, type ClipSource } from '../../lib/clip/build-clip-draft';
import { collectPageFacts } from '../../lib/clip/page-facts';
import { describeTextQuote } from '../../lib/clip/text-quote';
import type { PageClipper } from '../../lib/messages/page-clipper';
import { runtimePageChannel } from '../../lib/messages/page-channel';
import { describePassage } from '../../lib/page-highlights/passage';
import { pageHighlights } from '../../lib/page-highlights/session';

/** The user's selection as a quote plus its HTML, when there is one. */
function readSelection(): ClipSource['selection'] {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const quote = describeTextQuote(range);
  if (!quote) return undefined;
  const holder = document.createElement('div');
  holder.append(range.cloneContents());
  return { quote, html: holder.innerHTML };
}

function linkOnlyReason(): string | undefined {
  if (document.contentType === 'application/pdf') {
    return 'This is a PDF file. For now only its link can be saved.';
  }
  if (!(document.contentType ?? 'text/html').includes('html')) {
    return 'This is not a web page, so only its link can be saved.';
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
