import * as z from 'zod';
import { t } from '../i18n';
import { fail, ok, type Result } from '../model/result';
import { sourceTypeSchema } from '../model/source-type';
import { readJsonSafely } from '../exchange/import-json';
import { describeIssue } from '../exchange/import-problems';
import { safeParseUntrusted } from '../exchange/safe-parse';

/** One rule in a pack: pages on this host (and its subdomains) are this type. */
export const rulePackRuleSchema = z.object({
  host: z
    .string()
    .min(1)
    .max(253)
    .transform((h) => h.trim().toLowerCase().replace(/^www\d*\./, ''))
    .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, { error: () => t('classify.rulePackFile.hostName') })),
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
  const parsed = safeParseUntrusted(rulePackSchema, json, { reportInput: true });
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  if (!issue) return fail('invalid-input', t('classify.rulePackFile.notAPack'));
  // zod's built-in messages ("Invalid input: expected object, received number") are rephrased by describeIssue.
  const problem = describeIssue(issue);
  return fail('invalid-input', issue.path.length
    ? t('classify.rulePackFile.problemAt', { path: issue.path.join('.').slice(0, 80), problem })
    : t('classify.rulePackFile.problem', { problem }));
}

/** Largest rule-pack file read, in characters: far above any real list, far below what could freeze the page. */
export const MAX_RULE_PACK_CHARS = 2_000_000;

/**
 * Reads a rule-pack file's text as the library page receives it: size,
 * then JSON with the same guards as every imported file (nesting depth,
 * prototype keys), then the pack itself. Never throws; every refusal is
 * a sentence for the user.
 */
export function readRulePackFile(text: string): Result<RulePack> {
  if (text.length > MAX_RULE_PACK_CHARS) return fail('invalid-input', t('classify.rulePackFile.tooLarge'));
  const read = readJsonSafely(text, { maxChars: MAX_RULE_PACK_CHARS, maxDepth: 16, kind: 'rule-pack' });
  if (!read.ok) return fail('invalid-input', read.message);
  return parseRulePack(read.value);
}
