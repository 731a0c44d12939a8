import * as z from 'zod';

/** Where on the page a fact was found, so the user can judge it. */
export const FACT_SOURCES = ['json-ld', 'meta', 'text', 'time-element', 'url'] as const;

/** A date the page states, with where it was found and the words around it. */
export const datedFactSchema = z.object({
  /** ISO 8601. Dates without a time are midnight UTC. */
  date: z.string(),
  source: z.enum(FACT_SOURCES),
  /** The page's own words, e.g. "Page last reviewed: 5 December 2023". */
  text: z.string().max(300).optional(),
});
export type DatedFact = z.infer<typeof datedFactSchema>;

/**
 * Facts about a page's quality, kept apart from its source type: they are
 * shown as facts ("last reviewed 5 Dec 2023"), never combined into a score.
 */
export const qualityFactsSchema = z.object({
  /** Person or organisation named as author. */
  author: z.string().max(300).optional(),
  /** Who reviewed it ("Dr Jane Smith", "NHS website editorial team"). */
  reviewer: z.string().max(300).optional(),
  published: datedFactSchema.optional(),
  updated: datedFactSchema.optional(),
  lastReviewed: datedFactSchema.optional(),
  nextReview: datedFactSchema.optional(),
  /** How many references or citations the page lists (0 when none found). */
  referencesCount: z.number().int().min(0),
  /** The page carries advertising (ad slots or ad scripts). */
  hasAdverts: z.boolean(),
  /** Sponsorship or funding statements found, in the page's words. */
  sponsorship: z.array(z.string().max(300)).max(10),
  /** Registered charity numbers found with their context, e.g. "England and Wales 296645". */
  charityNumbers: z.array(z.string().max(100)).max(10),
});
export type QualityFacts = z.infer<typeof qualityFactsSchema>;

/** True when the page's own next-review date has passed. */
export function isReviewOverdue(facts: Pick<QualityFacts, 'nextReview'> | undefined, now: Date): boolean {
  const due = facts?.nextReview ? Date.parse(facts.nextReview.date) : NaN;
  return !Number.isNaN(due) && due < now.getTime();
}
