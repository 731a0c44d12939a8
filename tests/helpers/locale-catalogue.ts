/**
 * Reads locales/*.yml the way the build does and compares them with en-GB,
 * the complete one: a translation may not lack a key, keep a key en-GB no
 * longer has, or drop a {name} or $1 the code fills in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';

export type ParsedMessage = Awaited<ReturnType<typeof parseMessagesFile>>[number];

export interface LocaleProblem {
  locale: string;
  key: string;
  problem: string;
}

export const LOCALES_DIR = resolve(process.cwd(), 'locales');
export const DEFAULT_LOCALE_FILE = 'en-GB.yml';

export function localeFiles(dir = LOCALES_DIR): string[] {
  return readdirSync(dir).filter((f) => /\.(ya?ml|json5?|jsonc|toml)$/.test(f)).sort();
}

const messageText = (m: ParsedMessage): string =>
  m.type === 'plural' ? Object.values(m.plurals).join(' | ') : m.message;

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{[A-Za-z0-9_]+\}|(?<!\$)\$[1-9]/g)].map((x) => x[0]))].sort();

export function compareLocale(locale: string, reference: ParsedMessage[], other: ParsedMessage[]): LocaleProblem[] {
  const problems: LocaleProblem[] = [];
  const byKey = new Map(other.map((m) => [m.key.join('.'), m]));
  const refKeys = new Set(reference.map((m) => m.key.join('.')));
  for (const ref of reference) {
    const key = ref.key.join('.');
    const mine = byKey.get(key);
    if (!mine) {
      problems.push({ locale, key, problem: 'missing' });
      continue;
    }
    if (!messageText(mine).trim()) problems.push({ locale, key, problem: 'empty' });
    if ((ref.type === 'plural') !== (mine.type === 'plural')) problems.push({ locale, key, problem: 'plural forms differ' });
    const want = placeholders(messageText(ref)).join(' ');
    const got = placeholders(messageText(mine)).join(' ');
    if (want !== got) problems.push({ locale, key, problem: `fills in [${got}], en-GB fills in [${want}]` });
  }
  for (const key of byKey.keys()) if (!refKeys.has(key)) problems.push({ locale, key, problem: 'not in en-GB' });
  return problems;
}

/** Every `t('key'...)` in the code, with where it is. */
export function keysUsedInSource(files: string[]): Array<{ key: string; file: string }> {
  const used: Array<{ key: string; file: string }> = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:i18n\.)?t\(\s*'([A-Za-z0-9_.]+)'/g)) used.push({ key: m[1]!, file });
  }
  return used;
}
