import * as z from 'zod';
import { t } from '../i18n';
import { qualityFactsSchema } from './quality-facts';
import { resolveSourceType } from './site-rules';
import { sourceTypeSchema, sourceVerdictSchema, type SiteRule } from './source-type';

/** Limits that keep one clip from filling the disk or freezing a page. */
export const CLIP_LIMITS = {
  maxHtmlChars: 2_000_000,
  maxTextChars: 1_000_000,
  maxTagLength: 60,
  maxTags: 50,
  maxNoteChars: 20_000,
} as const;

export const CLIP_KINDS = ['article', 'selection', 'link'] as const;
export const clipKindSchema = z.enum(CLIP_KINDS);
export type ClipKind = z.infer<typeof clipKindSchema>;

// Messages are functions so t() runs when a value is checked, never at import time.
const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: () => t('messages.value.notADate') });
const httpUrl = z
  .string()
  .max(8_000)
  .refine((s) => /^https?:\/\//i.test(s), { error: () => t('messages.value.notAWebAddress') });

/** Tags are trimmed, lower-cased for matching, and kept short. */
export const tagSchema = z.string().trim().min(1).max(CLIP_LIMITS.maxTagLength);
export const tagsSchema = z.array(tagSchema).max(CLIP_LIMITS.maxTags);

/** A passage the user selected, with the text around it so it can be found again. */
export const textQuoteSchema = z.object({
  exact: z.string().min(1).max(CLIP_LIMITS.maxTextChars),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});
export type TextQuote = z.infer<typeof textQuoteSchema>;

/** Facts the page states about itself (all optional: pages omit most of them). */
export const pageFactsSchema = z.object({
  url: httpUrl,
  canonicalUrl: httpUrl,
  title: z.string().max(1_000),
  byline: z.string().max(500).optional(),
  siteName: z.string().max(300).optional(),
  lang: z.string().max(35).optional(),
  excerpt: z.string().max(2_000).optional(),
  publishedAt: isoDate.optional(),
  modifiedAt: isoDate.optional(),
  /** Structured hints the classifier uses (JSON-LD types, citation tags, generator, page evidence). */
  signals: z.array(z.string().max(200)).max(200),
  /** Author, reviewer, dates with where they were found, references, adverts, charity numbers. */
  quality: qualityFactsSchema.optional(),
});
export type PageFacts = z.infer<typeof pageFactsSchema>;

/** Why the clip holds less than the whole article, in words for the user. */
export const clipFallbackSchema = z.object({
  reason: z.enum(['no-article', 'too-large', 'timed-out']),
  message: z.string(),
});
export type ClipFallback = z.infer<typeof clipFallbackSchema>;

/** What the page-side clipper sends to the background: untrusted, parsed before storing. */
export const clipDraftSchema = z.object({
  kind: clipKindSchema,
  facts: pageFactsSchema,
  contentHtml: z.string().max(CLIP_LIMITS.maxHtmlChars).optional(),
  contentText: z.string().max(CLIP_LIMITS.maxTextChars).optional(),
  quote: textQuoteSchema.optional(),
  fallback: clipFallbackSchema.optional(),
  tags: tagsSchema.default([]),
  note: z.string().max(CLIP_LIMITS.maxNoteChars).default(''),
});
export type ClipDraft = z.infer<typeof clipDraftSchema>;
export type ClipDraftInput = z.input<typeof clipDraftSchema>;

/** A saved clip, as stored in the library. */
export const clipSchema = z.object({
  id: z.string().min(1),
  kind: clipKindSchema,
  url: httpUrl,
  canonicalUrl: httpUrl,
  title: z.string(),
  byline: z.string().optional(),
  siteName: z.string().optional(),
  lang: z.string().optional(),
  excerpt: z.string().optional(),
  publishedAt: isoDate.optional(),
  modifiedAt: isoDate.optional(),
  savedAt: isoDate,
  updatedAt: isoDate,
  contentHtml: z.string().optional(),
  contentText: z.string().optional(),
  quote: textQuoteSchema.optional(),
  fallback: clipFallbackSchema.optional(),
  tags: tagsSchema,
  note: z.string(),
  /** What the classifier said, kept even when the user overrides it. */
  sourceVerdict: sourceVerdictSchema,
  /** The user's choice; always wins over the verdict. */
  sourceOverride: sourceTypeSchema.optional(),
  signals: z.array(z.string()),
  /** Quality facts found when the page was saved (absent on clips saved before they existed). */
  quality: qualityFactsSchema.optional(),
});
export type Clip = z.infer<typeof clipSchema>;

/** Fields the user may change after saving. */
export const clipEditSchema = z.object({
  tags: tagsSchema.optional(),
  note: z.string().max(CLIP_LIMITS.maxNoteChars).optional(),
  /** null clears the override and returns to the computed type. */
  sourceOverride: sourceTypeSchema.nullable().optional(),
});
export type ClipEdit = z.infer<typeof clipEditSchema>;

/** The type the user sees: their page override, else their rule for the site, else the verdict. */
export function effectiveSourceType(clip: Pick<Clip, 'url' | 'sourceVerdict' | 'sourceOverride'>, siteRules: readonly SiteRule[] = []) {
  return resolveSourceType(clip, siteRules).type;
}

/** Normalises tags: trimmed, single-spaced, lower case, no duplicates, original order. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim().toLowerCase().slice(0, CLIP_LIMITS.maxTagLength);
    if (tag && !seen.has(tag)) {
      seen.add(tag);
      out.push(tag);
    }
  }
  return out.slice(0, CLIP_LIMITS.maxTags);
}
