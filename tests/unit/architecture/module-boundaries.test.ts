import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import rules of STYLE.md §7, checked on every source file, so that
 * the pure core stays free of browser APIs, storage and UI, and the page
 * side never touches the extension's database.
 */
const ROOT = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? '',
  );
}

/** Resolves a relative import to a repository path, or keeps a package name. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(ROOT, resolve(file, '..', spec)) : spec;
}

const RULES: { folder: string; forbidden: RegExp[]; why: string }[] = [
  // lib/i18n: labels are looked up when read, in the user's language (no browser call at import time).
  { folder: 'lib/model', forbidden: [/^lib\/(?!model|i18n)/, /^dexie$/, /^preact/, /^wxt/], why: 'schemas only' },
  { folder: 'lib/clip', forbidden: [/^lib\/(db|messages)/, /^dexie$/, /^preact/, /^wxt/], why: 'pure functions over a Document' },
  { folder: 'lib/classify', forbidden: [/^lib\/(db|messages|clip)/, /^dexie$/, /^preact/, /^wxt/], why: 'pure classifier' },
  {
    folder: 'lib/anchor',
    forbidden: [/^lib\/(?!(model|anchor)\/)/, /^(?!lib\/)/],
    why: 'pure text anchoring: only lib/model types, no packages or browser APIs',
  },
  {
    folder: 'lib/page-highlights',
    // lib/model/selectors only for its types (erased when bundled); lib/i18n for the toolbar's
    // words (a few lines over the browser's own i18n API, no catalogue bundled).
    forbidden: [/^lib\/(?!(anchor|page-highlights)\/|model\/(highlight-meanings|selectors)$|i18n$)/, /^(?!lib\/)/],
    why: 'runs in web pages: DOM only, small (no zod, no packages, no storage)',
  },
  {
    folder: 'lib/consult',
    forbidden: [/^lib\/(db|messages|clip|classify|settings)/, /^dexie$/, /^preact/, /^wxt/],
    why: 'pure functions over resolved lists: text, Markdown, warnings, QR',
  },
  {
    folder: 'lib/exchange',
    forbidden: [/^lib\/(db|messages)/, /^dexie$/, /^preact/, /^wxt/],
    why: 'pure file formats, export and import planning: storage is lib/db (applyImport), UI is the library page',
  },
  {
    folder: 'lib/search',
    forbidden: [/^lib\/(?!(model|search)\/)/, /^(?!lib\/)/],
    why: 'pure search: tokenising, the index and passages; storage and the worker live in lib/db and the library page',
  },
  { folder: 'lib/db', forbidden: [/^lib\/(messages|clip|classify)/, /^preact/, /^wxt/], why: 'storage only' },
  { folder: 'components', forbidden: [/^lib\/(db|messages)/, /^wxt/, /^dexie$/], why: 'data in as props, callbacks out' },
  { folder: 'entrypoints/clipper', forbidden: [/^lib\/db/, /^dexie$/], why: 'runs in web pages: never the extension database' },
  {
    folder: 'entrypoints/annotate.content.ts',
    forbidden: [/^lib\/(db|clip|classify)/, /^dexie$/, /^zod$/, /^lib\/model\/(clip|source-type|quality-facts)$/, /^@mozilla/, /^dompurify$/],
    why: 'runs on every page when on: no database, and small (no zod, Readability or DOMPurify)',
  },
];

describe('module boundaries', () => {
  for (const rule of RULES) {
    it(`${rule.folder}: ${rule.why}`, () => {
      const path = resolve(ROOT, rule.folder);
      const files = statSync(path).isDirectory() ? sourceFiles(path) : [path];
      expect(files.length).toBeGreaterThan(0);
      const violations = files.flatMap((file) =>
        importsOf(file)
          .map((spec) => target(file, spec))
          .filter((t) => rule.forbidden.some((re) => re.test(t)))
          .map((t) => `${relative(ROOT, file)} imports ${t}`),
      );
      expect(violations).toEqual([]);
    });
  }

  it('no module in lib/ touches browser globals at import time', () => {
    const offenders = sourceFiles(resolve(ROOT, 'lib'))
      .filter((f) => !f.includes('lib/messages'))
      .filter((f) => /\b(chrome|browser)\.(runtime|tabs|scripting|storage)\b/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
