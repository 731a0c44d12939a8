import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { execSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { DEFAULT_LOCALE_FILE, keysUsedInSource, LOCALES_DIR } from '../../helpers/locale-catalogue';
import { findHardcodedStrings } from '../../helpers/hardcoded-strings';

/**
 * The reading-list, prescription, print and share screens and the documents
 * they make, checked on their own, so this part stays finished while the
 * whole-catalogue test (catalogue.test.ts) waits for the other screens.
 * OutputsBar.tsx belongs to the export buttons' part.
 */
const ROOTS = ['entrypoints/library/lists', 'lib/consult', 'components/consult', 'entrypoints/print', 'entrypoints/library/share'];
const files = execSync(`git ls-files -- ${ROOTS.map((r) => `'${r}'`).join(' ')}`, { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('OutputsBar.tsx'));
const OWN_SECTIONS = ['lists', 'consult', 'print', 'share'];
const catalogue = new Set((await parseMessagesFile(resolve(LOCALES_DIR, DEFAULT_LOCALE_FILE))).map((m) => m.key.join('.')));

describe('lists, prescriptions, print and share: strings', () => {
  it('covers the files it means to', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('has no words written straight into the code', () => {
    const found = files.flatMap((file) => findHardcodedStrings(file, readFileSync(file, 'utf8')));
    expect(found.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });

  it('asks only for keys the en-GB catalogue has, from its own sections or common', () => {
    const used = keysUsedInSource(files);
    expect(used.length).toBeGreaterThan(200);
    expect(used.filter(({ key }) => !catalogue.has(key)).map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
    const section = (key: string) => key.split('.')[0] ?? '';
    expect(used.filter(({ key }) => !key.startsWith('@@') && ![...OWN_SECTIONS, 'common'].includes(section(key))).map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
  });
});
