import * as z from 'zod';

/** The kinds of source a page can be: who is speaking, never a trust score. */
export const SOURCE_TYPES = [
  'official',
  'charity',
  'peer',
  'commercial',
  'research',
  'news',
  'unknown',
] as const;

export const sourceTypeSchema = z.enum(SOURCE_TYPES);
export type SourceType = z.infer<typeof sourceTypeSchema>;

/** What the classifier decided and why; stored apart from the user's override. */
export const sourceVerdictSchema = z.object({
  type: sourceTypeSchema,
  /** 0..1: how sure the rule that decided is. */
  confidence: z.number().min(0).max(1),
  /** Plain-English reasons, shown to the user. */
  reasons: z.array(z.string()).min(1),
});
export type SourceVerdict = z.infer<typeof sourceVerdictSchema>;

/** Short labels for the UI, in plain English. Peer experience is valued, not warned against. */
export const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  official: 'Official',
  charity: 'Charity or patient group',
  peer: 'Personal experience',
  commercial: 'Commercial',
  research: 'Research',
  news: 'News',
  unknown: 'Not sure',
};
