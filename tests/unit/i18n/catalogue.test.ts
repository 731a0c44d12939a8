import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { execSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseMessagesFile, parseMessagesText } from '@wxt-dev/i18n/build';
import {
  compareLocale, DEFAULT_LOCALE_FILE, keysUsedInSource, LOCALES_DIR, localeFiles,
} from '../../helpers/locale-catalogue';
import { findHardcodedStrings } from '../../helpers/hardcoded-strings';

const sourceFiles = execSync("git ls-files -- 'entrypoints/**' 'components/**' 'lib/**'", { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));

const reference = await parseMessagesFile(resolve(LOCALES_DIR, DEFAULT_LOCALE_FILE));
const referenceKeys = new Set(reference.map((m) => m.key.join('.')));

describe('the en-GB catalogue', () => {
  it('has every key the code asks for', () => {
    const used = keysUsedInSource(sourceFiles);
    expect(used.length).toBeGreaterThan(0);
    const missing = used.filter(({ key }) => !referenceKeys.has(key)).map(({ key, file }) => `${file}: ${key}`);
    expect(missing).toEqual([]);
  });

  it('has no words left in the code instead of the catalogue', () => {
    const found = sourceFiles.flatMap((file) => findHardcodedStrings(file, readFileSync(file, 'utf8')));
    expect(found.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });

  it('has no empty messages', () => {
    const empty = reference.filter((m) => (m.type === 'plural' ? Object.values(m.plurals).join('') : m.message).trim() === '');
    expect(empty.map((m) => m.key.join('.'))).toEqual([]);
  });
});

describe('every other locale', () => {
  const others = localeFiles().filter((f) => f !== DEFAULT_LOCALE_FILE);

  it.each(others.length ? others : ['(none yet)'])('%s has every en-GB string', async (file) => {
    if (file === '(none yet)') {
      expect(localeFiles()).toEqual([DEFAULT_LOCALE_FILE]);
      return;
    }
    const other = await parseMessagesFile(resolve(LOCALES_DIR, file));
    expect(compareLocale(file, reference, other)).toEqual([]);
  });
});

describe('the locale check itself', () => {
  const en = parseMessagesText('a: Saved\nb: "Saved {title}"\nc:\n  1: 1 page\n  n: $1 pages\n', 'YAML');

  it('passes a complete translation', () => {
    const cy = parseMessagesText('a: Wedi cadw\nb: "Wedi cadw {title}"\nc:\n  1: 1 dudalen\n  n: $1 tudalen\n', 'YAML');
    expect(compareLocale('cy', en, cy)).toEqual([]);
  });

  it('fails a translation with a string missing, extra, empty or losing a value', () => {
    const cy = parseMessagesText('a: ""\nb: Wedi cadw\nd: extra\n', 'YAML');
    expect(compareLocale('cy', en, cy).map((p) => `${p.key} ${p.problem}`)).toEqual([
      'a empty',
      'b fills in [], en-GB fills in [{title}]',
      'c missing',
      'd not in en-GB',
    ]);
  });

  it('finds words written straight into the interface', () => {
    const found = findHardcodedStrings('x.tsx', [
      'export const A = () => <p title="Open the library">Saved to your library</p>;',
      "export const B = (ok: boolean) => <p>{ok ? 'Saved it' : t('x.y')}</p>;",
      "export const C = () => <p class=\"row wide\">{t('x.y')}</p>;",
      "console.warn('Could not read the page'); // not for the user",
      "throw new Error('Could not read the file');",
    ].join('\n'));
    expect(found.map((f) => `${f.line} ${f.text}`)).toEqual([
      '1 Open the library',
      '1 Saved to your library',
      '2 Saved it',
      '5 Could not read the file',
    ]);
  });
});
