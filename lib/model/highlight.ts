import * as z from 'zod';
import { t } from '../i18n';
import { CLIP_LIMITS, textQuoteSchema } from './clip';
import { HIGHLIGHT_MEANINGS } from './highlight-meanings';
import { selectorsSchema } from './selectors';

export { HIGHLIGHT_MEANINGS, HIGHLIGHT_MEANING_LABELS, HIGHLIGHT_MEANING_ICONS, type HighlightMeaning } from './highlight-meanings';

/** What a highlight means to the user; each has its own colour and icon in the UI. */
export const highlightMeaningSchema = z.enum(HIGHLIGHT_MEANINGS);

/** Where the passage sat in the page's text when it was highlighted (W3C TextPositionSelector). */
export const textPositionSchema = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((p) => p.end > p.start, { error: () => t('messages.value.endAfterStart') });

/** A highlight as the page side describes it: untrusted until parsed. */
export const highlightDraftSchema = z.object({
  clipId: z.string().min(1),
  canonicalUrl: z.string().max(8_000),
  quote: textQuoteSchema,
  position: textPositionSchema.optional(),
  /** W3C selectors (quote, position, range) from lib/anchor's describe(); absent on highlights made before them. */
  selectors: selectorsSchema.optional(),
  meaning: highlightMeaningSchema,
  note: z.string().max(CLIP_LIMITS.maxNoteChars).default(''),
});
export type HighlightDraft = z.infer<typeof highlightDraftSchema>;
export type HighlightDraftInput = z.input<typeof highlightDraftSchema>;

/** Whether a highlight was found the last time its page was shown. */
export const PLACEMENT_STATUSES = ['placed', 'changed', 'missing'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/**
 * What became of one highlight on the page just now, as the page side
 * reports it: untrusted, so bounded. `changedText` is the page's current
 * wording when it differs from the saved passage.
 */
export const highlightPlacementSchema = z.object({
  id: z.string().min(1).max(100),
  status: z.enum(PLACEMENT_STATUSES),
  changedText: z.string().max(CLIP_LIMITS.maxNoteChars).optional(),
});
export type HighlightPlacement = z.infer<typeof highlightPlacementSchema>;

/** The last time the highlight's page was shown: found, found with changed wording, or not found. */
export const lastSeenSchema = z.object({
  status: z.enum(PLACEMENT_STATUSES),
  at: z.string(),
  changedText: z.string().optional(),
});
export type LastSeen = z.infer<typeof lastSeenSchema>;

/** A saved highlight: a passage of a clipped page, with what it means to the user and a note. */
export const highlightSchema = highlightDraftSchema.extend({
  id: z.string().min(1),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastSeen: lastSeenSchema.optional(),
});
export type Highlight = z.infer<typeof highlightSchema>;

/** What the user may change later: note, meaning, or (re-attaching) the passage itself. */
export const highlightEditSchema = z.object({
  note: z.string().max(CLIP_LIMITS.maxNoteChars).optional(),
  meaning: highlightMeaningSchema.optional(),
  quote: textQuoteSchema.optional(),
  position: textPositionSchema.optional(),
  selectors: selectorsSchema.optional(),
});
export type HighlightEdit = z.infer<typeof highlightEditSchema>;
