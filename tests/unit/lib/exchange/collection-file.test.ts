import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkCollectionFile,
  COLLECTION_FORMAT,
  COLLECTION_FORMAT_VERSION,
  collectionFileSchema,
  FILE_LIMITS,
  migrateCollectionData,
  migrations,
  parseCollectionFile,
  type FileMigration,
} from '../../../../lib/exchange/collection-file';
import { scanStructure } from '../../../../lib/exchange/import-json';
import { jsonPath } from '../../../../lib/exchange/import-problems';
import { schemaText, SCHEMA_PATH } from '../../../../scripts/collection';
import { fileHighlight, fileItem, sampleFile } from './sample-file';

const fixture = (name: string) => readFileSync(resolve('tests/unit/lib/exchange/fixtures', name), 'utf8');
const text = (value: unknown) => JSON.stringify(value);
const good = () => sampleFile([fileItem('conditions/type-2-diabetes', { note: 'Start here' }), fileHighlight('conditions/type-2-diabetes', 'Check your feet every day')]);

/** The message a refused text gets (fails the test if it was accepted). */
function refusal(input: unknown): string {
  const checked = checkCollectionFile(input);
  if (checked.ok) throw new Error('the file was accepted');
  expect(checked.message.length).toBeGreaterThan(10);
  return checked.message;
}

/** Each problem as "path: message". */
function problemLines(input: unknown): string {
  const checked = checkCollectionFile(input);
  if (checked.ok) throw new Error('the file was accepted');
  return checked.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}

describe('collectionFileSchema', () => {
  it('accepts a file as our export writes it, filling in an empty description and notes', () => {
    const parsed = parseCollectionFile(text(good()));
    expect(parsed).toEqual({ ok: true, value: good() });
    const minimal = { ...good(), collection: { kind: 'collection', title: 'T', createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00Z', items: [{ url: 'https://a.org/', canonicalUrl: 'https://a.org/', title: 'A', sourceType: 'charity' }] } };
    const result = collectionFileSchema.parse(minimal);
    expect(result.collection.description).toBe('');
    expect(result.collection.items[0]?.note).toBe('');
  });

  it('ignores fields it does not know (a later version may add optional ones)', () => {
    const file = { ...good(), futureField: { anything: 1 }, collection: { ...good().collection, colour: 'blue' } };
    const parsed = parseCollectionFile(text(file));
    expect(parsed.ok && parsed.value).toEqual(good());
  });

  it('is bounded: item count, text lengths and selector lists', () => {
    expect(FILE_LIMITS.maxItems).toBe(20_000);
    const many = sampleFile(Array.from({ length: FILE_LIMITS.maxItems + 1 }, (_, i) => fileItem(`p${i}`)));
    expect(problemLines(text(many))).toContain('$.collection.items: has too many entries (20,001): at most 20,000');
    const long = sampleFile([fileItem('a', { note: 'x'.repeat(4_001) })]);
    expect(problemLines(text(long))).toContain('$.collection.items[0].note: is too long (4,001): at most 4000 characters');
    const selectors = Array.from({ length: 9 }, () => ({ type: 'TextPositionSelector', start: 0, end: 1 }));
    const bad = sampleFile([fileItem('a', { highlight: { meaning: 'important', selectors: selectors as never } })]);
    expect(problemLines(text(bad))).toMatch(/selectors: has too many entries \(9\): at most 8/);
  });
});

describe('parseCollectionFile refuses, in plain English', () => {
  it.each([
    ['empty text', '', /^The file is empty\.$/],
    ['only white space', ' \n\t ', /^The file is empty\.$/],
    ['not JSON', 'hello, world', /^The file is not valid JSON, so it is not a collection file \(or it was damaged\)\./],
    ['a syntax error, with where', '{\n  "format": "health-clipper-collection",\n  "formatVersion": 1,,\n}', /not valid JSON.*near line 3/],
    ['JSON that is not an object', '[1, 2, 3]', /not a collection: a collection file is one object/],
    ['no format', '{"formatVersion": 1}', /it has no "format" field/],
    ['another format', '{"format": "health-clipper-backup", "formatVersion": 1}', /its "format" is “health-clipper-backup”, not “health-clipper-collection”/],
    ['a format that is not text', '{"format": 7, "formatVersion": 1}', /its "format" is something else/],
    ['no version', `{"format": "${COLLECTION_FORMAT}"}`, /no readable "formatVersion"/],
    ['a version that is not a whole number', `{"format": "${COLLECTION_FORMAT}", "formatVersion": 1.5}`, /no readable "formatVersion"/],
    ['a version in quotes', `{"format": "${COLLECTION_FORMAT}", "formatVersion": "1"}`, /no readable "formatVersion"/],
    ['a newer version', `{"format": "${COLLECTION_FORMAT}", "formatVersion": 2}`, /made by a newer version of Health Clipper \(collection format version 2\); this version reads up to version 1\. Update Health Clipper/],
    ['version 0 (none we know)', `{"format": "${COLLECTION_FORMAT}", "formatVersion": 0}`, /format version 0, which this version of Health Clipper cannot read/],
  ])('%s', (_name, input, expected) => {
    expect(refusal(input)).toMatch(expected);
  });

  it('refuses text that is not a string', () => {
    expect(refusal(undefined)).toBe('The file could not be read as text.');
    expect(refusal(Buffer.from('{}'))).toBe('The file could not be read as text.');
  });

  it('refuses a file over 50 MB before parsing it', () => {
    const huge = `{"format":"${COLLECTION_FORMAT}","formatVersion":1,"x":"${'a'.repeat(FILE_LIMITS.maxFileChars)}"}`;
    const started = performance.now();
    expect(refusal(huge)).toMatch(/^The file is too large \(50 MB\)\. A collection file can be at most 50 MB\.$/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses a truncated file, wherever it was cut', () => {
    const whole = text(good());
    for (const at of [1, 10, Math.floor(whole.length / 2), whole.length - 1]) expect(refusal(whole.slice(0, at))).toMatch(/ends too early|not valid JSON/);
    expect(refusal(whole.slice(0, whole.indexOf('Start here') + 3))).toMatch(/^The file ends too early: it looks cut short \(truncated\)/);
  });

  it('refuses nesting deeper than 64 levels without recursing (no stack overflow at a million levels)', () => {
    expect(refusal(`{"a":${'['.repeat(70)}${']'.repeat(70)}}`)).toMatch(/nested more than 64 levels deep/);
    const million = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(refusal(million)).toMatch(/nested more than 64 levels deep/);
    expect(scanStructure(`[${'"[[[[\\"["'.repeat(100)}]`, 2)).toBe('ok');
    expect(scanStructure('["\\\\"]', 2)).toBe('ok');
    expect(scanStructure('["\\"]', 2)).toBe('truncated');
  });

  it.each(['__proto__', 'constructor', 'prototype', '\\u005f_proto__'])('refuses a key named %s anywhere, and pollutes nothing', (key) => {
    const file = text(good()).replace('"note":"Start here"', `"note":"Start here","${key}":{"polluted":true}`);
    expect(refusal(file)).toMatch(/contains a field named “(__proto__|constructor|prototype)”/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps HTML and script in text fields as text, and never accepts a javascript: or data: address', () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const parsed = parseCollectionFile(text(sampleFile([fileItem('a', { title: payload, note: payload })], payload)));
    expect(parsed.ok && [parsed.value.collection.title, parsed.value.collection.items[0]?.title, parsed.value.collection.items[0]?.note]).toEqual([payload, payload, payload]);
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'https://']) {
      expect(problemLines(text(sampleFile([fileItem('a', { url })])))).toMatch(/\$\.collection\.items\[0\]\.url: (should be a web address starting with http:\/\/ or https:\/\/|is not a web address that can be opened)/);
    }
  });

  it('names every schema problem with its JSON path', () => {
    const file = good() as unknown as { collection: Record<string, unknown> & { items: Record<string, unknown>[] }; exportedAt: string };
    file.exportedAt = 'last Tuesday';
    file.collection.kind = 'scrapbook';
    delete file.collection.title;
    file.collection.items[0]!.title = 42;
    file.collection.items[0]!.sourceType = 'trustworthy';
    file.collection.items[1]!.highlight = { meaning: 'important', selectors: [{ type: 'TextPositionSelector', start: 0, end: 4 }] };
    const checked = checkCollectionFile(text(file));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      { path: '$.exportedAt', message: 'should be a date and time like 2026-11-24T10:00:00Z' },
      { path: '$.collection.kind', message: 'should be one of "collection", "reading-list", "prescription"' },
      { path: '$.collection.title', message: 'is missing' },
      { path: '$.collection.items[0].title', message: 'should be text (in quotes), but is a whole number' },
      { path: '$.collection.items[0].sourceType', message: expect.stringMatching(/^should be one of "official", "charity", "peer"/) },
      { path: '$.collection.items[1].highlight.selectors', message: 'needs exactly one quoted passage' },
    ]);
    expect(checked.message).toMatch(/^The file could not be imported: 6 things in it are not right\.\n• \$\.exportedAt: should be a date/);
    const one = checkCollectionFile(text({ ...good(), generator: 5 }));
    expect(!one.ok && one.message).toBe('The file could not be imported: the value at $.generator should be text (in quotes), but is a whole number.');
  });

  it('ignores a byte-order mark at the start (Windows editors add one)', () => {
    expect(parseCollectionFile(`\uFEFF${text(good())}`).ok).toBe(true);
  });

  it('writes paths as JSON paths', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['collection', 'items', 3, 'url'])).toBe('$.collection.items[3].url');
    expect(jsonPath(['odd key', 'a-b'])).toBe('$["odd key"]["a-b"]');
  });
});

describe('format versions and migrations', () => {
  it('is version 1 with no migrations yet', () => {
    expect(COLLECTION_FORMAT_VERSION).toBe(1);
    expect(Object.keys(migrations)).toEqual([]);
  });

  /**
   * The mechanism, with a made-up older format (version 0: `name` instead
   * of `title`, `links` instead of `items`, `comment` instead of `note`) and
   * its migration, as a real version 2 would come with one.
   */
  const fromV0: FileMigration = (older) => {
    const { name, links, ...collection } = older.collection as { name: string; links: { comment?: string }[] };
    return {
      ...older,
      collection: { ...collection, title: name, items: links.map(({ comment, ...link }) => ({ ...link, note: comment ?? '' })) },
    };
  };

  it('upgrades an older file step by step through the registry', () => {
    const checked = checkCollectionFile(fixture('synthetic-v0.json'), { migrations: { 0: fromV0 } });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.migratedFrom).toBe(0);
    expect(checked.file.formatVersion).toBe(1);
    expect(checked.file.collection.title).toBe('Asthma: what our members found useful');
    expect(checked.file.collection.items.map((i) => i.note)).toEqual(['Clear on inhaler technique', '']);
  });

  it('says so when no migration reaches an old version, or one fails', () => {
    expect(refusal(fixture('synthetic-v0.json'))).toMatch(/format version 0, which this version of Health Clipper cannot read/);
    const broken = checkCollectionFile(fixture('synthetic-v0.json'), { migrations: { 0: () => { throw new Error('boom'); } } });
    expect(!broken.ok && broken.message).toMatch(/older format \(version 0\) and could not be brought up to date/);
    expect(migrateCollectionData({}, 1)).toEqual({ ok: true, value: {} });
  });
});

describe('the published JSON Schema', () => {
  it('docs/collection-format.schema.json is what the zod schema generates (run npm run collection -- schema)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(schemaText());
  });

  it('describes the bounds and required fields', () => {
    const schema = JSON.parse(schemaText()) as { required: string[]; properties: { collection: { properties: { items: { maxItems: number } } } } };
    expect(schema.required).toEqual(['format', 'formatVersion', 'exportedAt', 'generator', 'collection']);
    expect(schema.properties.collection.properties.items.maxItems).toBe(20_000);
  });

  it('docs/collection-format.md example is a valid file', () => {
    const doc = readFileSync(resolve('docs/collection-format.md'), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeTruthy();
    expect(checkCollectionFile(example)).toMatchObject({ ok: true });
  });
});
