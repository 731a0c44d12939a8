import * as z from 'zod';
import { rulePackSchema } from '../classify/rule-pack';
import { clipSchema, tagsSchema } from '../model/clip';
import { collectionSchema, prescriberSchema } from '../model/collection';
import { highlightSchema } from '../model/highlight';
import { HIGHLIGHT_COLOURS, HIGHLIGHT_MEANINGS } from '../model/highlight-meanings';
import { fail, ok, type Result } from '../model/result';
import { siteRuleSchema } from '../model/source-type';
import { describeIssue as describeFileIssue } from './import-problems';
import { safeParseUntrusted } from './safe-parse';
import { t } from '../i18n';

/**
 * The whole-library backup file: everything the user has (clips with their
 * content, highlights, lists and prescriptions, their list of sites) and
 * their settings, in one JSON file they can keep and restore. Documented in
 * docs/backup-format.md; modelled on dexie-export-import's formatName /
 * formatVersion. Pure: the database side is lib/db/backup-store.ts, and
 * settings come in and go out as plain data.
 */

export const BACKUP_FORMAT = 'health-clipper-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Bounds far above any real library, far below what would freeze or crash the page. */
export const BACKUP_LIMITS = {
  /** Characters; JavaScript cannot hold a string much longer than this (V8: 2^29 − 24). */
  maxFileChars: 500_000_000,
  maxClips: 500_000,
  maxHighlights: 2_000_000,
  maxCollections: 100_000,
  maxSiteRules: 50_000,
  maxHiddenHosts: 10_000,
  maxRulePacks: 200,
} as const;

/** The tables in the order the file lists them: small ones first, clips (the bulk) last. */
export const BACKUP_TABLES = ['siteRules', 'collections', 'highlights', 'clips'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

const isoDate = z.string().max(100).refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');
const count = z.number().int().min(0);

/** How many records of each kind the file says it holds (checked against what it does hold). */
export const backupCountsSchema = z.object({ siteRules: count, collections: count, highlights: count, clips: count });
export type BackupCounts = z.infer<typeof backupCountsSchema>;

/** The settings kept in extension storage (lib/settings/settings.ts), as plain data. */
export const backupSettingsSchema = z.object({
  annotatePages: z.boolean(),
  autoHighlights: z.boolean(),
  annotateHiddenHosts: z.array(z.string().max(253)).max(BACKUP_LIMITS.maxHiddenHosts),
  rulePacks: z.array(rulePackSchema).max(BACKUP_LIMITS.maxRulePacks),
  prescriber: prescriberSchema,
  // The options page's settings (added later, so optional: older backups restore without them).
  defaultTags: tagsSchema.optional(),
  highlightColours: z.partialRecord(z.enum(HIGHLIGHT_MEANINGS), z.enum(HIGHLIGHT_COLOURS)).optional(),
  backupReminderFrequency: z.enum(['off', 'week', 'month']).optional(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

/** Everything in the library, as the model schemas describe it. */
export const backupLibrarySchema = z.object({
  siteRules: z.array(siteRuleSchema).max(BACKUP_LIMITS.maxSiteRules),
  collections: z.array(collectionSchema).max(BACKUP_LIMITS.maxCollections),
  highlights: z.array(highlightSchema).max(BACKUP_LIMITS.maxHighlights),
  clips: z.array(clipSchema).max(BACKUP_LIMITS.maxClips),
});
export type BackupLibrary = z.infer<typeof backupLibrarySchema>;

/** A backup file, formatVersion 1. */
export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  exportedAt: isoDate,
  appVersion: z.string().max(50),
  counts: backupCountsSchema,
  settings: backupSettingsSchema,
  ...backupLibrarySchema.shape,
});
export type Backup = z.infer<typeof backupSchema>;

/** What the writer needs before the first record. */
export interface BackupHeader {
  exportedAt: string;
  appVersion: string;
  counts: BackupCounts;
  settings: BackupSettings;
}

/**
 * Writes a backup file piece by piece, so a large library is never held
 * twice (as records and as one long string): the store hands over a page of
 * records at a time and each becomes a chunk of text for a Blob. Tables must
 * come in BACKUP_TABLES order; one record per line keeps the file readable.
 */
export class BackupWriter {
  private table = -1;
  private firstRow = true;
  private done = false;

  constructor(
    header: BackupHeader,
    private readonly emit: (chunk: string) => void,
  ) {
    const head = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, ...header };
    emit(`${JSON.stringify(head, null, 1).replace(/\n}$/, '')}`);
  }

  /** Adds records of one table (call again for the next page of the same table). */
  rows(table: BackupTable, rows: readonly unknown[]): void {
    this.openTable(BACKUP_TABLES.indexOf(table));
    if (!rows.length) return;
    const text = rows.map((r) => JSON.stringify(r)).join(',\n');
    this.emit(`${this.firstRow ? '\n' : ',\n'}${text}`);
    this.firstRow = false;
  }

  /** Closes the file (tables never given are written empty). */
  finish(): void {
    if (this.done) return;
    this.openTable(BACKUP_TABLES.length);
    this.emit('\n}\n');
    this.done = true;
  }

  private openTable(index: number): void {
    if (this.done || index < this.table) throw new Error('Backup tables must be written in order, before finish().'); // i18n-ignore: a programming error, never shown
    while (this.table < index) {
      if (this.table >= 0) this.emit(this.firstRow ? ']' : '\n]');
      this.table++;
      const name = BACKUP_TABLES[this.table];
      if (name) this.emit(`,\n "${name}": [`);
      this.firstRow = true;
    }
  }
}

/** The whole file as one string (tests, small libraries); the page streams with BackupWriter instead. */
export function buildBackupText(header: Omit<BackupHeader, 'counts'>, library: BackupLibrary): string {
  const chunks: string[] = [];
  const counts = { siteRules: library.siteRules.length, collections: library.collections.length, highlights: library.highlights.length, clips: library.clips.length };
  const writer = new BackupWriter({ ...header, counts }, (c) => chunks.push(c));
  for (const table of BACKUP_TABLES) writer.rows(table, library[table]);
  writer.finish();
  return chunks.join('');
}

/** A migration from formatVersion n to n + 1, by n. None yet: version 1 is the first. */
export type BackupMigration = (file: Record<string, unknown>) => Record<string, unknown>;
export const BACKUP_MIGRATIONS: Readonly<Record<number, BackupMigration>> = {};

const envelopeSchema = z.looseObject({ format: z.unknown(), formatVersion: z.unknown() });

/**
 * Brings an older file up to the current formatVersion, one step at a time;
 * refuses a newer one (made by a later Health Clipper) in plain words.
 */
export function migrateBackup(
  json: unknown,
  migrations: Readonly<Record<number, BackupMigration>> = BACKUP_MIGRATIONS,
  current: number = BACKUP_FORMAT_VERSION,
): Result<Record<string, unknown>> {
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return fail('invalid-input', t('exchange.backup.notBackup'));
  const version = envelope.data.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('invalid-input', t('exchange.backup.noVersion'));
  }
  if (version > current) {
    return fail('invalid-input', t('exchange.backup.newer', { version: String(version), current: String(current) }));
  }
  let file: Record<string, unknown> = envelope.data;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) return fail('invalid-input', t('exchange.backup.unreadableVersion', { version: String(v) }));
    file = { ...step(file), formatVersion: v + 1 };
  }
  return ok(file);
}

/** What one record of a table is called in a refusal (a function: the i18n API exists only at run time). */
const recordNoun = (table: unknown): string | undefined =>
  table === 'clips'
    ? t('exchange.backup.noun.clips')
    : table === 'highlights'
      ? t('exchange.backup.noun.highlights')
      : table === 'collections'
        ? t('exchange.backup.noun.collections')
        : table === 'siteRules'
          ? t('exchange.backup.noun.siteRules')
          : undefined;

/** Our own refinements speak English already; zod's built-in messages ("Invalid input: expected string, received number") are rephrased. */
const problemOf = (issue: z.core.$ZodIssue) => (issue.code === 'custom' ? issue.message : describeFileIssue(issue));

/** The first problem zod found, in words: which record (by number and title) and which field. */
function describeIssue(error: { issues: readonly z.core.$ZodIssue[] }, json: Record<string, unknown>): string {
  const issue = error.issues[0];
  if (!issue) return t('exchange.backup.problem.unknown');
  const [section, index, ...rest] = issue.path;
  const noun = recordNoun(section);
  if (noun && typeof index === 'number') {
    const records = json[String(section)];
    const record: unknown = Array.isArray(records) ? records[index] : undefined;
    const title = z.object({ title: z.string() }).safeParse(record).data?.title;
    const named = title ? t('exchange.backup.problem.named', { title: title.slice(0, 80) }) : '';
    const field = rest.length ? t('exchange.backup.problem.field', { field: rest.join('.').slice(0, 80) }) : '';
    return t('exchange.backup.problem.record', { noun, number: String(index + 1), named, field, problem: problemOf(issue) });
  }
  return issue.path.length
    ? t('exchange.backup.problem.at', { path: issue.path.join('.').slice(0, 80), problem: problemOf(issue) })
    : t('exchange.backup.problem.whole', { problem: problemOf(issue) });
}

/** Two records of one table with the same key would make the restore fail half way: say so before. */
function findDuplicate(backup: Backup): string | undefined {
  const keys: [string, readonly { id?: string; host?: string }[]][] = [
    [t('exchange.backup.noun.clips'), backup.clips],
    [t('exchange.backup.noun.highlights'), backup.highlights],
    [t('exchange.backup.noun.collections'), backup.collections],
    [t('exchange.backup.noun.siteRules'), backup.siteRules],
  ];
  for (const [noun, rows] of keys) {
    const seen = new Set<string>();
    for (const row of rows) {
      const key = row.id ?? row.host ?? '';
      if (seen.has(key)) return t('exchange.backup.problem.duplicate', { noun, key: key.slice(0, 60) });
      seen.add(key);
    }
  }
  return undefined;
}

/** Says whether text looks like the start of a backup that was cut off (a download or copy that did not finish). */
function looksTruncated(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('{') && trimmed.slice(0, 200).includes(BACKUP_FORMAT) && !trimmed.endsWith('}');
}

/**
 * Reads a backup file: parse → check the format → migrate → validate every
 * record → check the counts and that no record is there twice. Never
 * throws; each refusal names the problem in plain words.
 */
export function parseBackup(text: string, limits: { maxFileChars?: number } = {}): Result<Backup> {
  const maxChars = limits.maxFileChars ?? BACKUP_LIMITS.maxFileChars;
  if (!text.trim()) return fail('invalid-input', t('exchange.backup.empty'));
  if (text.length > maxChars) return fail('invalid-input', t('exchange.backup.tooLarge'));
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return looksTruncated(text)
      ? fail('invalid-input', t('exchange.backup.cutShort'))
      : fail('invalid-input', t('exchange.backup.notJson'));
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success || envelope.data.format !== BACKUP_FORMAT) {
    const format = envelope.data?.format;
    const ours = typeof format === 'string' && format.startsWith('health-clip') && format !== BACKUP_FORMAT;
    const message = !ours
      ? t('exchange.backup.notBackup')
      : format.includes('rule-pack')
        ? t('exchange.backup.isRulePack')
        : t('exchange.backup.isCollection');
    return fail('invalid-input', message);
  }
  const migrated = migrateBackup(envelope.data);
  if (!migrated.ok) return migrated;
  // reportInput: the problems say what a wrong value is ("a whole number"), not that it is missing.
  const parsed = safeParseUntrusted(backupSchema, migrated.value, { reportInput: true });
  if (!parsed.success) return fail('invalid-input', t('exchange.backup.damaged', { problem: describeIssue(parsed.error, migrated.value) }));
  const backup = parsed.data;
  for (const table of BACKUP_TABLES) {
    if (backup[table].length !== backup.counts[table]) {
      return fail('invalid-input', t('exchange.backup.countsWrong', { expected: String(backup.counts[table]), noun: recordNoun(table) ?? table, found: String(backup[table].length) }));
    }
  }
  const duplicate = findDuplicate(backup);
  if (duplicate) return fail('invalid-input', t('exchange.backup.damaged', { problem: duplicate }));
  return ok(backup);
}

/** "health-clipper-backup-2026-11-24.json", by the local date. */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `health-clipper-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
