import * as z from 'zod';
import { fail, ok, type Result } from '../model/result';
import { sourceTypeSchema } from '../model/source-type';

/** One rule in a pack: pages on this host (and its subdomains) are this type. */
export const rulePackRuleSchema = z.object({
  host: z
    .string()
    .min(1)
    .max(253)
    .transform((h) => h.trim().toLowerCase().replace(/^www\d*\./, ''))
    .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, 'a host name such as "example.org.uk"')),
  type: sourceTypeSchema,
  /** What the organisation is and how the moderator knows, shown in the verdict. */
  note: z.string().min(1).max(500),
  subtype: z.string().max(100).optional(),
});
export type RulePackRule = z.infer<typeof rulePackRuleSchema>;

/**
 * A moderator's extra rules, imported from a JSON file. Checked after the
 * user's own site rules and before the built-in lists.
 */
export const rulePackSchema = z.object({
  format: z.literal('health-clipper-rule-pack'),
  formatVersion: z.literal(1),
  name: z.string().min(1).max(100),
  version: z.union([z.string().min(1).max(50), z.number()]).transform(String),
  rules: z.array(rulePackRuleSchema).max(10_000),
});
export type RulePack = z.infer<typeof rulePackSchema>;

/** Reads a rule pack from parsed JSON; a plain-English error names the first problem. */
export function parseRulePack(json: unknown): Result<RulePack> {
  const parsed = rulePackSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
  return fail('invalid-input', `This file is not a Health Clipper rule pack${where}: ${issue?.message ?? 'unknown problem'}.`);
}
