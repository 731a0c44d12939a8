import type * as z from 'zod';
import { t } from '../i18n';

/**
 * Schema problems in words a moderator or a patient can act on, each with
 * where it is in the file as a JSON path (`$.collection.items[3].url`), so
 * they can find it in a text editor.
 */

/** One thing wrong with a file, and where. */
export interface FileProblem {
  /** A JSON path: `$` is the whole file, `$.collection.items[3].url` one field. */
  path: string;
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `$.collection.items[3]["odd key"]` from a zod issue path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** "text", "a number", … for what the schema expected. */
const EXPECTED_WORDS: Record<string, string> = {
  string: 'text (in quotes)',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list [ … ]',
  object: 'an object { … }',
  null: 'null',
};

/** What a value is, in words, without repeating it (it may be huge or hostile). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length ? 'text' : 'empty text';
    case 'number':
      return Number.isInteger(value) ? 'a whole number' : 'a number';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const plural = (n: number | bigint, one: string, many = `${one}s`) => `${n} ${Number(n) === 1 ? one : many}`;

/** A short, safe rendering of an allowed value for "should be one of …". */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** One zod issue as a sentence fragment that follows the path ("is missing", "is too long: …"). */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      return `should be ${EXPECTED_WORDS[issue.expected] ?? issue.expected}, but is ${describeValue(issue.input)}`;
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'string') {
        const length = typeof issue.input === 'string' ? ` (${issue.input.length.toLocaleString('en-GB')})` : '';
        return `is too long${length}: at most ${plural(max, 'character')}`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        const length = Array.isArray(issue.input) ? ` (${issue.input.length.toLocaleString('en-GB')})` : '';
        return `has too many entries${length}: at most ${max.toLocaleString('en-GB')}`;
      }
      return `is too large: at most ${max}`;
    }
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'string') return Number(min) <= 1 ? 'is empty' : `is too short: at least ${plural(min, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return Number(min) <= 1 ? 'is an empty list' : `needs at least ${plural(min, 'entry', 'entries')}`;
      return `is too small: at least ${min}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `should be ${shown(issue.values[0])}`
        : `should be one of ${issue.values.slice(0, 12).map(shown).join(', ')}${issue.values.length > 12 ? ', …' : ''}`;
    case 'invalid_format':
      if (issue.format === 'datetime') return 'should be a date and time like 2026-11-24T10:00:00Z';
      if (issue.format === 'date') return 'should be a date like 2026-11-24';
      // Our own patterns carry their own words.
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'is not in the expected form';
    case 'invalid_union':
      if (issue.discriminator) return `has a "${issue.discriminator}" that is not one we know`;
      return 'does not match any of the allowed forms';
    case 'unrecognized_keys':
      return `has fields that are not allowed: ${issue.keys.slice(0, 5).map(shown).join(', ')}`;
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}

/** Every issue as a problem with its path, in the order zod found them. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): FileProblem[] {
  return issues.map((issue) => ({ path: jsonPath(issue.path), message: describeIssue(issue) }));
}

/** How many problems the summary lists before "and N more". */
const LISTED = 8;

/**
 * The message for a file with schema problems: what happened, then the
 * first few problems with where they are.
 */
export function summariseProblems(problems: readonly FileProblem[]): string {
  if (problems.length === 1 && problems[0]) {
    const only = problems[0];
    return only.path === '$' ? t('exchange.problems.oneInFile', { problem: only.message }) : t('exchange.problems.oneAt', { path: only.path, problem: only.message });
  }
  const lines = problems.slice(0, LISTED).map((p) => `• ${p.path}: ${p.message}`);
  if (problems.length > LISTED) lines.push(`• ${t('exchange.problems.more', problems.length - LISTED)}`);
  return [t('exchange.problems.many', problems.length), ...lines].join('\n');
}
