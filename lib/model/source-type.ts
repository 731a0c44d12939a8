import * as z from 'zod';

/**
 * The kinds of source a page can be: who is speaking, never a trust score.
 * `other` is a known kind that fits none of the rest (a royal college, a
 * think-tank, a reference work); `unknown` means "not sure".
 */
export const SOURCE_TYPES = [
  'official',
  'charity',
  'peer',
  'commercial',
  'research',
  'news',
  'other',
  'unknown',
] as const;

export const sourceTypeSchema = z.enum(SOURCE_TYPES);
export type SourceType = z.infer<typeof sourceTypeSchema>;

/** Extra facts about a verdict, shown beside the type, never instead of it. */
export const sourceFacetsSchema = z.object({
  /** Who runs the site when that differs from who is speaking ("a forum run by Alzheimer's Society"). */
  host: z.string().optional(),
  /** A finer kind: "GP practice", "regulator", "forum thread", "blog post", "news release"… */
  subtype: z.string().optional(),
  /** The page is a web-archive copy of this address. */
  archivedFrom: z.string().optional(),
  /** When the archive took its copy (ISO date), if the wrapper says. */
  archivedAt: z.string().optional(),
  /** The page says it is a copy of another site's page (a canonical link to another domain). */
  copyOf: z.string().optional(),
});
export type SourceFacets = z.infer<typeof sourceFacetsSchema>;

/** What the classifier decided and why; stored apart from the user's override. */
export const sourceVerdictSchema = z.object({
  type: sourceTypeSchema,
  /** 0..1: how sure the rule that decided is. */
  confidence: z.number().min(0).max(1),
  /** Plain-English reasons, shown to the user; the first is the one-line summary. */
  reasons: z.array(z.string()).min(1),
  /** The id of the rule that decided, e.g. "domain:official-suffix" (for tests and support). */
  rule: z.string().optional(),
  /** Which list decided, with its version, e.g. "charities v1" or a rule pack's name. */
  list: z.string().optional(),
  /** Evidence for the verdict, and evidence that pointed elsewhere, in plain words. */
  supporting: z.array(z.string()).optional(),
  conflicting: z.array(z.string()).optional(),
  facets: sourceFacetsSchema.optional(),
});
export type SourceVerdict = z.infer<typeof sourceVerdictSchema>;

/** Below this confidence the UI says "not sure" beside the type. */
export const LOW_CONFIDENCE = 0.5;

export { SOURCE_TYPE_LABELS } from './source-labels';

/** A user's rule for a whole site: "pages on this host are <type>". Always wins over the classifier. */
export const siteRuleSchema = z.object({
  /** Bare host name, lower case, without "www." (matches its subdomains too). */
  host: z.string().min(1).max(253).regex(/^[a-z0-9.-]+$/),
  type: sourceTypeSchema,
  /** The user's own words, e.g. "my GP practice". */
  note: z.string().max(500).default(''),
  createdAt: z.string(),
});
export type SiteRule = z.infer<typeof siteRuleSchema>;
