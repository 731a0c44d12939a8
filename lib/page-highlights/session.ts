import type { HighlightMeaning } from '../model/highlight-meanings';
import { createHighlighter, type Highlighter } from './highlighter';
import { createSelectionToolbar, type SelectionToolbar } from './toolbar';
import type { PagePassage, Placement } from './types';

/** How the page side talks to the extension (runtime messages, supplied by the entrypoint). */
export interface PageChannel {
  /** Saves a highlight on the selected passage (and the page, if it is not in the library yet). */
  highlight(request: { meaning: HighlightMeaning; note: string; passage: PagePassage }): Promise<{ ok: true; id: string; message: string } | { ok: false; message: string }>;
  /** Tells the library what became of highlights found late or not at all. */
  report(placements: Placement[]): void;
  /** Calls `apply` with the user's highlight colours as stored, now and whenever they change (unchecked: the highlighter checks them). */
  watchColours?(apply: (stored: unknown) => void): void;
}

/** Highlights on this page: one highlighter and at most one toolbar, shared by every script of ours in the page. */
export interface PageHighlights {
  highlighter: Highlighter;
  /** Shows the selection toolbar on this page from now on (idempotent). */
  enableToolbar(): void;
}

declare global {
  // Our content script and the on-demand clipper share the extension's isolated world, and one highlighter.
  var __healthHighlights: PageHighlights | undefined;
}

function create(doc: Document, channel: PageChannel): PageHighlights {
  const highlighter = createHighlighter(doc, { onLateFound: (placements) => channel.report(placements) });
  channel.watchColours?.((stored) => highlighter.setColours(stored));
  let toolbar: SelectionToolbar | undefined;
  return {
    highlighter,
    enableToolbar() {
      toolbar ??= createSelectionToolbar(doc, async ({ meaning, note, passage, range }) => {
        const answer = await channel.highlight({ meaning, note, passage });
        if (!answer.ok) return { ok: false, message: answer.message };
        highlighter.add(answer.id, range, meaning);
        return { ok: true, message: answer.message };
      });
    },
  };
}

/** The page's highlights, created on first use. */
export function pageHighlights(doc: Document, channel: PageChannel): PageHighlights {
  return (globalThis.__healthHighlights ??= create(doc, channel));
}
