import * as z from 'zod';
import { CLIP_LIMITS, textQuoteSchema } from './clip';

/** What a highlight means to the user; each has its own colour and icon in the UI. */
export const HIGHLIGHT_MEANINGS = ['question', 'important', 'disagree', 'this-is-me'] as const;
export const highlightMeaningSchema = z.enum(HIGHLIGHT_MEANINGS);
export type HighlightMeaning = z.infer<typeof highlightMeaningSchema>;

/** Plain-English names for the meanings. */
export const HIGHLIGHT_MEANING_LABELS: Record<HighlightMeaning, string> = {
  question: 'Question to ask',
  important: 'Important',
  disagree: 'I disagree',
  'this-is-me': 'This is me',
};

/** Where the passage sat in the page's text when it was highlighted (W3C TextPositionSelector). */
export const textPositionSchema = z
  .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((p) => p.end > p.start, 'end must be after start');

/** A highlight as the page side describes it: untrusted until parsed. */
export const highlightDraftSchema = z.object({
  clipId: z.string().min(1),
  canonicalUrl: z.string().max(8_000),
  quote: textQuoteSchema,
  position: textPositionSchema.optional(),
  meaning: highlightMeaningSchema,
  note: z.string().max(CLIP_LIMITS.maxNoteChars).default(''),
});
export type HighlightDraft = z.infer<typeof highlightDraftSchema>;
export type HighlightDraftInput = z.input<typeof highlightDraftSchema>;

/** A saved highlight: a passage of a clipped page, with what it means to the user and a note. */
export const highlightSchema = highlightDraftSchema.extend({
  id: z.string().min(1),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Highlight = z.infer<typeof highlightSchema>;

/** What the user may change later: note, meaning, or (re-attaching) the passage itself. */
export const highlightEditSchema = z.object({
  note: z.string().max(CLIP_LIMITS.maxNoteChars).optional(),
  meaning: highlightMeaningSchema.optional(),
  quote: textQuoteSchema.optional(),
  position: textPositionSchema.optional(),
});
export type HighlightEdit = z.infer<typeof highlightEditSchema>;
