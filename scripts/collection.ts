/**
 * Collection files from the command line, with the same code as the extension.
 *   npm run collection -- validate <file>     each problem with its JSON path; exit 0 valid, 1 invalid, 2 usage
 *   npm run collection -- schema [--check]    writes docs/collection-format.schema.json (--check: exit 1 if out of date)
 *   npm run collection -- check-links <file>  not available in this version (exit 2)
 * No network.
 */
// Before lib/: the classifier's words come from locales/en-GB.yml.
import './node-i18n';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkCollectionFile, collectionFileJsonSchema, FILE_LIMITS } from '../lib/exchange/collection-file';

/** Where the published JSON Schema lives in the repository. */
export const SCHEMA_PATH = resolve(import.meta.dirname, '../docs/collection-format.schema.json');

/** The JSON Schema as committed: two-space JSON and a final line break. */
export function schemaText(): string {
  return `${JSON.stringify(collectionFileJsonSchema(), null, 2)}\n`;
}

/** What a command prints and its exit code, so tests can run it without a process. */
export interface CommandResult {
  out: string[];
  err: string[];
  code: number;
}

const USAGE = [
  'Usage:',
  '  npm run collection -- validate <file>      check a collection file; exit 0 if valid, 1 if not',
  '  npm run collection -- schema [--check]     write (or check) docs/collection-format.schema.json',
  '  npm run collection -- check-links <file>   check every address still answers (not available in this version)',
];

/** `validate <file>`: every problem with its location, or a one-line summary of a valid file. */
export function validateFile(path: string): CommandResult {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { out: [], err: [`${path}: no such file.`], code: 2 };
  }
  // Refuse before reading: a file of bytes is at least as many characters as it has bytes / 4.
  if (size > FILE_LIMITS.maxFileChars * 4) return { out: [], err: [`${path}: $: The file is too large (${(size / 1024 / 1024).toFixed(0)} MB).`], code: 1 };
  const checked = checkCollectionFile(readFileSync(path, 'utf8'));
  if (!checked.ok) {
    const lines = checked.problems.map((p) => `${path}: ${p.path}: ${p.message}`);
    return { out: [], err: [...lines, `${path}: not valid (${checked.problems.length} ${checked.problems.length === 1 ? 'problem' : 'problems'}).`], code: 1 };
  }
  const c = checked.file.collection;
  const highlights = c.items.filter((i) => i.highlight).length;
  return {
    out: [
      `${path}: valid collection file (format version ${checked.file.formatVersion}${checked.migratedFrom !== undefined ? `, upgraded from ${checked.migratedFrom}` : ''}).`,
      `  ${c.kind} “${c.title}”${c.curator ? ` by ${c.curator}` : ''}: ${c.items.length} items, ${highlights} highlights, exported ${checked.file.exportedAt}.`,
    ],
    err: [],
    code: 0,
  };
}

/** Runs one command line (arguments after the script name). */
export function runCommand(args: readonly string[]): CommandResult {
  const [command, ...rest] = args;
  if (command === 'validate') {
    const path = rest[0];
    return path ? validateFile(path) : { out: [], err: ['validate needs a file.', ...USAGE], code: 2 };
  }
  if (command === 'schema') {
    const text = schemaText();
    if (rest.includes('--check')) {
      let current = '';
      try {
        current = readFileSync(SCHEMA_PATH, 'utf8');
      } catch {
        // Missing counts as out of date.
      }
      return current === text
        ? { out: [`${SCHEMA_PATH} is up to date.`], err: [], code: 0 }
        : { out: [], err: [`${SCHEMA_PATH} is out of date: run npm run collection -- schema`], code: 1 };
    }
    writeFileSync(SCHEMA_PATH, text);
    return { out: [`Wrote ${SCHEMA_PATH}`], err: [], code: 0 };
  }
  if (command === 'check-links') {
    return { out: [], err: ['check-links is not available in this version.'], code: 2 };
  }
  return { out: [], err: USAGE, code: 2 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = runCommand(process.argv.slice(2));
  for (const line of result.out) console.log(line);
  for (const line of result.err) console.error(line);
  process.exitCode = result.code;
}
