import * as z from 'zod';
import { t } from '../i18n';
import { CLIP_LIMITS } from './clip';

/**
 * W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors),
 * modelled exactly as the spec names them, for the three kinds a highlight
 * stores. Offsets count characters of lib/anchor's text model (see
 * lib/anchor/README.md): text-node data plus one virtual line break between
 * blocks, without script, style or hidden text.
 */

/** Limits that keep one stored or imported highlight small. */
export const SELECTOR_LIMITS = {
  maxQuoteChars: CLIP_LIMITS.maxTextChars,
  /** We keep 64 characters of context; imports may carry a little more. */
  maxContextChars: 200,
  maxXPathChars: 2_000,
  /** A selector list holds one of each kind; a few spare for other tools' extras. */
  maxSelectors: 8,
  /** Offsets beyond any page we would read (pages are capped well below this). */
  maxOffset: 100_000_000,
} as const;

const offset = z.number().int().min(0).max(SELECTOR_LIMITS.maxOffset);

/** The passage, with the text just before and after it to tell repeated passages apart. */
export const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(SELECTOR_LIMITS.maxQuoteChars),
  prefix: z.string().max(SELECTOR_LIMITS.maxContextChars).default(''),
  suffix: z.string().max(SELECTOR_LIMITS.maxContextChars).default(''),
});
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

/** Character offsets into a text, end exclusive; start may equal end (a point). */
export const textPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: offset,
    end: offset,
  })
  .refine((p) => p.end >= p.start, { error: () => t('messages.value.endNotBeforeStart') });
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;

/**
 * An element by a simple XPath relative to the anchoring root ("/main[1]/p[3]";
 * "/" is the root itself), optionally refined by a text position inside it.
 */
export const xpathSelectorSchema = z.object({
  type: z.literal('XPathSelector'),
  value: z.string().min(1).max(SELECTOR_LIMITS.maxXPathChars),
  refinedBy: textPositionSelectorSchema.optional(),
});
export type XPathSelector = z.infer<typeof xpathSelectorSchema>;

/**
 * W3C RangeSelector: from the beginning of what `startSelector` selects to the
 * beginning of what `endSelector` selects (end exclusive). We store each end as
 * an element's XPath refined by a collapsed text position (start = end).
 */
export const rangeSelectorSchema = z.object({
  type: z.literal('RangeSelector'),
  startSelector: xpathSelectorSchema,
  endSelector: xpathSelectorSchema,
});
export type RangeSelector = z.infer<typeof rangeSelectorSchema>;

/** One of the selectors a highlight stores. */
export const selectorSchema = z.discriminatedUnion('type', [
  textQuoteSelectorSchema,
  textPositionSelectorSchema,
  rangeSelectorSchema,
]);
export type Selector = z.infer<typeof selectorSchema>;
/** A selector as it may arrive from a file or a message (context may be missing). */
export type SelectorInput = z.input<typeof selectorSchema>;

/**
 * The selectors of one highlight: bounded, and with exactly one
 * TextQuoteSelector, because anchoring never trusts a position it cannot
 * check against the quoted text.
 */
export const selectorsSchema = z
  .array(selectorSchema)
  .min(1)
  .max(SELECTOR_LIMITS.maxSelectors)
  .refine((list) => list.filter((s) => s.type === 'TextQuoteSelector').length === 1, { error: () => t('messages.value.oneQuote') });
export type Selectors = z.infer<typeof selectorsSchema>;
