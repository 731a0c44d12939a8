import type { ClipDraftInput, ClipKind, PageFacts } from '../model/clip';

/** What the clipper reports about the page before saving. */
export interface PageInspection {
  facts: PageFacts;
  hasSelection: boolean;
  linkOnlyReason?: string;
}

/**
 * The clipper injected into a page on demand (entrypoints/clipper.ts). The
 * background calls it through `scripting.executeScript`; results come back
 * as plain data, and are parsed again before anything is stored.
 */
export interface PageClipper {
  inspect(): PageInspection;
  clip(mode: ClipKind): ClipDraftInput;
}

/** The name of the global the injected clipper registers in the extension's isolated world. */
export const PAGE_CLIPPER_GLOBAL = '__healthClipper';

declare global {
  // eslint-style note: `var` is required for a global declaration.
  var __healthClipper: PageClipper | undefined;
}
