import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  BackupWriter,
  backupFileName,
  buildBackupText,
  migrateBackup,
  parseBackup,
} from '../../../../lib/exchange/backup';
import { isBackupDue } from '../../../../lib/exchange/backup-reminder';
import { sampleLibrary, sampleSettings } from '../../../helpers/sample-library';

const HEADER = { exportedAt: '2026-11-24T10:00:00.000Z', appVersion: '0.1.0', settings: sampleSettings() };

function messageOf(text: string): string {
  const result = parseBackup(text);
  if (result.ok) throw new Error('expected the backup to be refused');
  return result.error.message;
}

describe('backup file format', () => {
  it('round trip: what is written is read back exactly, settings included', () => {
    const library = sampleLibrary();
    const text = buildBackupText(HEADER, library);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { format, formatVersion, exportedAt, appVersion, counts, settings, ...tables } = parsed.value;
    expect({ format, formatVersion, exportedAt, appVersion }).toEqual({ format: BACKUP_FORMAT, formatVersion: 1, ...HEADER, settings: undefined });
    expect(settings).toEqual(sampleSettings());
    expect(counts).toEqual({ siteRules: 1, collections: 3, highlights: 2, clips: 3 });
    expect(tables).toEqual(library);
    // Strictly equal too: no field gained or lost (undefined-valued fields aside, which JSON has no way to say).
    expect(tables).toStrictEqual(JSON.parse(JSON.stringify(library)));
  });

  it('is readable JSON with one record per line and the clips last', () => {
    const text = buildBackupText(HEADER, sampleLibrary());
    expect(text.startsWith('{\n "format": "health-clipper-backup",\n "formatVersion": 1,')).toBe(true);
    expect(text.indexOf('"clips": [')).toBeGreaterThan(text.indexOf('"highlights": ['));
    expect(text.split('\n').filter((l) => l.startsWith('{"id":"clip-')).length).toBe(3);
    expect(text.endsWith('\n]\n}\n')).toBe(true);
  });

  it('streams: pages of records give the same file as one call, and empty tables are written empty', () => {
    const library = sampleLibrary();
    const chunks: string[] = [];
    const counts = { siteRules: 1, collections: 3, highlights: 2, clips: 3 };
    const writer = new BackupWriter({ ...HEADER, counts }, (c) => chunks.push(c));
    writer.rows('siteRules', library.siteRules);
    writer.rows('collections', library.collections.slice(0, 1));
    writer.rows('collections', []);
    writer.rows('collections', library.collections.slice(1));
    writer.rows('highlights', library.highlights);
    for (const clip of library.clips) writer.rows('clips', [clip]);
    writer.finish();
    expect(chunks.join('')).toBe(buildBackupText(HEADER, library));
    expect(() => writer.rows('clips', [])).toThrow(/in order/);

    const empty = buildBackupText(HEADER, { siteRules: [], collections: [], highlights: [], clips: [] });
    const parsed = parseBackup(empty);
    expect(parsed.ok && parsed.value.clips).toEqual([]);
    expect(BACKUP_TABLES).toEqual(['siteRules', 'collections', 'highlights', 'clips']);
  });

  it('refuses empty, not-JSON and cut-off files, naming the problem', () => {
    const text = buildBackupText(HEADER, sampleLibrary());
    expect(messageOf('')).toMatch(/This file is empty/);
    expect(messageOf('  \n')).toMatch(/This file is empty/);
    expect(messageOf('PK\u0003\u0004 zip')).toMatch(/Choose the file named health-clipper-backup/);
    for (const cut of [0.1, 0.5, 0.9, 0.999]) {
      expect(messageOf(text.slice(0, Math.floor(text.length * cut)))).toMatch(/incomplete. The file ends too early/);
    }
    for (const message of [messageOf(''), messageOf('{'), messageOf(text.slice(0, 500))]) expect(message).toMatch(/Nothing was changed\.$/);
  });

  it('refuses files of another format, pointing to where they belong', () => {
    expect(messageOf('{"format":"health-clipper-collection","formatVersion":1,"collections":[]}')).toMatch(/shared collection/);
    expect(messageOf('{"format":"health-clipper-rule-pack","formatVersion":1}')).toMatch(/rule pack/);
    expect(messageOf('[{"title":"Zotero item"}]')).toMatch(/not a Health Clipper backup/);
    expect(messageOf('{"roots":{"bookmark_bar":{}}}')).toMatch(/not a Health Clipper backup/);
    expect(messageOf('null')).toMatch(/not a Health Clipper backup/);
  });

  it('refuses a backup from a newer version, and one without a version', () => {
    const text = buildBackupText(HEADER, sampleLibrary()).replace('"formatVersion": 1', '"formatVersion": 2');
    expect(messageOf(text)).toMatch(/made by a newer version of Health Clipper \(backup format 2; this one reads up to 1\)\. Update Health Clipper/);
    expect(messageOf('{"format":"health-clipper-backup","formatVersion":"1"}')).toMatch(/does not say which version of Health Clipper made it/);
  });

  it('names the damaged record: which kind, which number, its title and the field', () => {
    const library = sampleLibrary();
    const bad = { ...library, clips: library.clips.map((c, i) => (i === 1 ? { ...c, savedAt: 'last Tuesday' } : c)) };
    expect(messageOf(buildBackupText(HEADER, bad))).toBe(
      'This backup is damaged: saved page number 2 (“HbA1c went up | Diabetes UK Forum”), field “savedAt”: not a date. Nothing was changed.',
    );
    const noUrl = { ...library, highlights: [{ ...library.highlights[0]!, quote: { exact: '', prefix: '', suffix: '' } }] };
    expect(messageOf(buildBackupText(HEADER, noUrl))).toMatch(/^This backup is damaged: highlight number 1, field “quote.exact”/);
  });

  it('refuses a file whose counts do not match what it holds, or that lists a record twice', () => {
    const text = buildBackupText(HEADER, sampleLibrary());
    expect(messageOf(text.replace('"clips": 3', '"clips": 4'))).toMatch(/says it holds 4 saved page records but has 3/);
    const library = sampleLibrary();
    const twice = { ...library, clips: [...library.clips, library.clips[0]!] };
    expect(messageOf(buildBackupText(HEADER, twice))).toMatch(/two of its records are the same saved page \(clip-nhs\)/);
  });

  it('refuses a file over the size limit without reading it', () => {
    const text = buildBackupText(HEADER, sampleLibrary());
    const result = parseBackup(text, { maxFileChars: 100 });
    expect(!result.ok && result.error.message).toMatch(/too large/);
  });

  it('migrates older files one step at a time through the registry', () => {
    const v1 = JSON.parse(buildBackupText(HEADER, sampleLibrary())) as Record<string, unknown>;
    // A made-up format 2 that calls clips "pages": the registry's step 1 → 2 renames them.
    const { clips, ...rest } = v1;
    const registry = { 1: ({ clips: c, ...file }: Record<string, unknown>) => ({ ...file, pages: c }) };
    const migrated = migrateBackup(v1, registry, 2);
    expect(migrated.ok && migrated.value).toEqual({ ...rest, formatVersion: 2, pages: clips });
    const missing = migrateBackup(v1, {}, 2);
    expect(!missing.ok && missing.error.message).toMatch(/format 1, which this version of Health Clipper cannot read/);
    // With nothing to do, the file comes back as it was.
    expect(migrateBackup(v1)).toEqual({ ok: true, value: v1 });
  });

  it('names the file by the local date', () => {
    expect(backupFileName(new Date(2026, 10, 4, 23, 59))).toBe('health-clipper-backup-2026-11-04.json');
  });
});

describe('backup reminder', () => {
  const now = new Date('2026-11-24T10:00:00Z');
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

  it('asks only with at least 10 clips and no backup for 30 days', () => {
    expect(isBackupDue({ clipCount: 9, oldestSavedAt: daysAgo(400), now })).toBe(false);
    expect(isBackupDue({ clipCount: 10, oldestSavedAt: daysAgo(31), now })).toBe(true);
    expect(isBackupDue({ clipCount: 10, oldestSavedAt: daysAgo(5), now })).toBe(false);
    expect(isBackupDue({ clipCount: 500, lastBackupAt: daysAgo(29), oldestSavedAt: daysAgo(400), now })).toBe(false);
    expect(isBackupDue({ clipCount: 500, lastBackupAt: daysAgo(30), now })).toBe(true);
  });

  it('stays quiet while put off', () => {
    expect(isBackupDue({ clipCount: 50, lastBackupAt: daysAgo(60), snoozedUntil: daysAgo(-3), now })).toBe(false);
    expect(isBackupDue({ clipCount: 50, lastBackupAt: daysAgo(60), snoozedUntil: daysAgo(1), now })).toBe(true);
  });
});
