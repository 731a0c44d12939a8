import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readRulePackFile } from '../../../../lib/classify/rule-pack';
import { buildBackupText, parseBackup } from '../../../../lib/exchange/backup';
import { checkCollectionFile } from '../../../../lib/exchange/collection-file';
import { readLinkFile } from '../../../../lib/exchange/link-file';
import { expectReadableReason } from '../../../helpers/import-fuzz';
import { sampleLibrary, sampleSettings } from '../../../helpers/sample-library';
import { fileItem, sampleFile } from './sample-file';

/**
 * One test per bug the importers' fuzz tests (fuzz-*.test.ts) found, so
 * each stays fixed even if the random cases change.
 */
const NOW = new Date('2026-11-24T10:00:00Z');
const parseHtml = (html: string) => new JSDOM(html).window.document;
/** Enough wrong values in one record that zod's `push(...issues)` overflowed the stack. */
const MANY = 150_000;

describe('hostile files the fuzz tests found', () => {
  it('a backup with 150,000 wrong values inside one saved page is refused, not crashed on (RangeError from zod)', () => {
    const library = sampleLibrary();
    const text = buildBackupText({ exportedAt: NOW.toISOString(), appVersion: '0.1.0', settings: sampleSettings() }, library).replace('"tags":["diabetes","type 2"]', `"tags":[${Array(MANY).fill('0').join(',')}]`);
    expect(text).toContain(',0,0,0');
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expectReadableReason(parsed.error.message, 'backup');
  });

  it('a collection file with 150,000 wrong selectors in one highlight is refused, not crashed on', () => {
    const file = sampleFile([fileItem('a')]);
    const text = JSON.stringify(file).replace('"note":""}', `"note":"","highlight":{"meaning":"important","selectors":[${Array(MANY).fill('0').join(',')}]}}`);
    const checked = checkCollectionFile(text);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expectReadableReason(checked.message, 'collection');
  });

  it('a rule pack or a backup with a wrong type says so in our words, not zod’s ("Invalid input: expected …")', () => {
    const pack = readRulePackFile('{"format":"health-clipper-rule-pack","formatVersion":1,"name":"x","version":"1","rules":[{"host":7,"type":"charity","note":"n"}]}');
    expect(pack).toMatchObject({ ok: false, error: { message: 'This file is not a Health Clipper rule pack. At rules.0.host, the value should be text (in quotes), but is a whole number.' } });
    const notObject = readRulePackFile('42');
    expect(notObject.ok).toBe(false);
    if (!notObject.ok) expectReadableReason(notObject.error.message, 'rule pack');
    const text = buildBackupText({ exportedAt: NOW.toISOString(), appVersion: '0.1.0', settings: sampleSettings() }, sampleLibrary()).replace('"title":"Type 2 diabetes"', '"title":7');
    expect(parseBackup(text)).toMatchObject({ ok: false, error: { message: 'This backup is damaged: saved page number 1, field “title”: should be text (in quotes), but is a whole number. Nothing was changed.' } });
  });

  it('a rule pack file is read with the same guards as other files: nesting, prototype keys, size', () => {
    for (const text of [`{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, '{"__proto__":{"polluted":true}}', `"${'x'.repeat(2_000_001)}"`, '{"format":']) {
      const read = readRulePackFile(text);
      expect(read.ok).toBe(false);
      if (!read.ok) expectReadableReason(read.error.message, 'rule pack');
      // The shared reader names the kind of file it was given, in every language, not "collection file".
      if (!read.ok) expect(read.error.message).not.toMatch(/collection/i);
    }
    expect(readRulePackFile('not json at all')).toMatchObject({ ok: false, error: { message: 'The file is not valid JSON, so it is not a rule pack (or it was damaged).' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a bookmark whose address holds a line break or control characters is stored as the browser would open it', () => {
    const html = '<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p><DT><A HREF="https://example.org/a\r\nSet-Cookie: a=b">a</A><DT><A HREF="https://example.org/b&#7;&#27;[31m">b</A><DT><A HREF="https://exa&#0;mple.org/">c</A></DL>';
    const read = readLinkFile('bookmarks.html', html, { now: NOW, parseHtml });
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.value.drafts.map((d) => d.url)).toEqual(['https://example.org/aSet-Cookie:%20a=b', 'https://example.org/b%07%1B[31m']);
      expect(read.value.skipped).toEqual({ notWeb: 1 });
    }
  });

  it('a collection file whose address holds control characters is refused in words', () => {
    const file = sampleFile([{ ...fileItem('a'), url: 'https://example.org/\u0007\u001b[31mred' }]);
    const checked = checkCollectionFile(JSON.stringify(file));
    expect(checked).toMatchObject({ ok: false, message: 'The file could not be imported: the value at $.collection.items[0].url contains control characters, so it is not a web address.' });
  });
});
