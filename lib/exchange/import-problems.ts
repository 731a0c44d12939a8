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
const expectedWords = (expected: string): string => {
  switch (expected) {
    case 'string': return t('exchange.issue.expected.string');
    case 'number': return t('exchange.issue.expected.number');
    case 'int': return t('exchange.issue.expected.int');
    case 'boolean': return t('exchange.issue.expected.boolean');
    case 'array': return t('exchange.issue.expected.array');
    case 'object': return t('exchange.issue.expected.object');
    default: return expected;
  }
};

/** What a value is, in words, without repeating it (it may be huge or hostile). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('exchange.issue.value.list');
  switch (typeof value) {
    case 'string':
      return value.length ? t('exchange.issue.value.text') : t('exchange.issue.value.emptyText');
    case 'number':
      return Number.isInteger(value) ? t('exchange.issue.expected.int') : t('exchange.issue.expected.number');
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return t('exchange.issue.value.object');
    default:
      return typeof value;
  }
}


/** A short, safe rendering of an allowed value for "should be one of …". */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** One zod issue as a sentence fragment that follows the path ("is missing", "is too long: …"). */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return t('exchange.issue.missing');
      return t('exchange.issue.wrongType', { expected: expectedWords(issue.expected), actual: describeValue(issue.input) });
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'string') {
        const length = typeof issue.input === 'string' ? ` (${issue.input.length.toLocaleString('en-GB')})` : '';
        return t('exchange.issue.tooLong', Number(max), { length });
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        const length = Array.isArray(issue.input) ? ` (${issue.input.length.toLocaleString('en-GB')})` : '';
        return t('exchange.issue.tooMany', { length, max: max.toLocaleString('en-GB') });
      }
      return t('exchange.issue.tooLarge', { max: String(max) });
    }
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'string') return Number(min) <= 1 ? t('exchange.issue.empty') : t('exchange.issue.tooShort', Number(min));
      if (issue.origin === 'array' || issue.origin === 'set') return Number(min) <= 1 ? t('exchange.issue.emptyList') : t('exchange.issue.tooFew', Number(min));
      return t('exchange.issue.tooSmall', { min: String(min) });
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? t('exchange.issue.shouldBe', { value: shown(issue.values[0]) })
        : t('exchange.issue.shouldBeOneOf', { values: `${issue.values.slice(0, 12).map(shown).join(', ')}${issue.values.length > 12 ? ', …' : ''}` });
    case 'invalid_format':
      if (issue.format === 'datetime') return t('exchange.issue.dateTime');
      if (issue.format === 'date') return t('exchange.issue.date');
      // Our own patterns carry their own words.
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : t('exchange.issue.form');
    case 'invalid_union':
      if (issue.discriminator) return t('exchange.issue.unknownKind', { field: issue.discriminator });
      return t('exchange.issue.noForm');
    case 'unrecognized_keys':
      return t('exchange.issue.extraFields', { fields: issue.keys.slice(0, 5).map(shown).join(', ') });
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
