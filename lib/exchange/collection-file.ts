import * as z from 'zod';
import { COLLECTION_KINDS, QUESTION_ORIGINS, calendarDateSchema } from '../model/collection';
import { HIGHLIGHT_MEANINGS } from '../model/highlight-meanings';
import { fail, ok, type Result } from '../model/result';
import { selectorsSchema } from '../model/selectors';
import { SOURCE_TYPES } from '../model/source-type';
import { readJsonSafely } from './import-json';
import { problemsFromIssues, summariseProblems, type FileProblem } from './import-problems';
import { safeParseUntrusted } from './safe-parse';
import { t } from '../i18n';

export type { FileProblem } from './import-problems';

/**
 * The collection file: one collection (a moderator's list, a reading list or
 * an information prescription) with its pages, notes and highlights, as
 * plain JSON anyone can read. Documented for people in
 * docs/collection-format.md; its JSON Schema, made from this zod schema, is
 * docs/collection-format.schema.json (`npm run collection -- schema`).
 *
 * Modelled on dexie-export-import's formatName/formatVersion: a reader
 * refuses other formats and newer versions, and upgrades older versions one
 * step at a time through `migrations`.
 */
export const COLLECTION_FORMAT = 'health-clipper-collection';
export const COLLECTION_FORMAT_VERSION = 1;

/** Bounds on everything in a file, so a hostile or broken file cannot fill the disk or freeze the page. */
export const FILE_LIMITS = {
  /** Whole file, in characters (UTF-16 code units), checked before parsing. */
  maxFileChars: 50 * 1024 * 1024,
  /** Nesting of objects and arrays; ours is at most 8 deep. */
  maxDepth: 64,
  maxItems: 20_000,
  maxCollectionTitle: 200,
  maxPageTitle: 1_000,
  maxText: 4_000,
  maxShortText: 200,
  maxHighlightNote: 20_000,
  maxUrl: 8_000,
  maxSiteName: 300,
  maxByline: 500,
  maxExcerpt: 2_000,
  maxGenerator: 200,
  maxQuestion: 1_000,
  maxQuestions: 200,
  maxSupport: 50,
} as const;

const text = (max: number) => z.string().max(max);
const shortText = text(FILE_LIMITS.maxShortText);
const longText = text(FILE_LIMITS.maxText);

/** A moment in ISO 8601 with its offset ("2026-11-24T10:00:00.000Z"). */
const dateTime = z.iso.datetime({ offset: true });
/** A page's own date: a calendar day or a moment, ISO 8601. */
const pageDate = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/, {
    error: 'should be a date like 2026-11-24 or 2026-11-24T10:00:00Z',
    abort: true,
  })
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date');

function isOpenableUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** An http(s) address; never javascript:, data: or file:. */
const webAddress = z
  .string()
  .max(FILE_LIMITS.maxUrl)
  .regex(/^https?:\/\/\S+$/i, { error: 'should be a web address starting with http:// or https://', abort: true })
  // \S lets control characters through (NUL, ESC, DEL, C1): the URL parser would keep or encode them, and no page address has them.
  .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), { error: 'contains control characters, so it is not a web address', abort: true })
  .refine(isOpenableUrl, 'is not a web address that can be opened');

/** A highlighted passage: what it means to the curator, their note on it, and where it is (W3C selectors, one TextQuoteSelector). */
export const fileHighlightSchema = z.object({
  meaning: z.enum(HIGHLIGHT_MEANINGS),
  note: text(FILE_LIMITS.maxHighlightNote).optional(),
  selectors: selectorsSchema,
});
export type FileHighlight = z.infer<typeof fileHighlightSchema>;

/** One page (or one highlight on a page) with the curator's note. */
export const fileItemSchema = z.object({
  url: webAddress,
  /** The page's address with tracking parameters and fragment removed: what duplicates are matched on. */
  canonicalUrl: webAddress,
  title: text(FILE_LIMITS.maxPageTitle),
  siteName: text(FILE_LIMITS.maxSiteName).optional(),
  /** The page's author as it names itself; never written for forum posts and personal stories unless the exporter chose to quote them. */
  byline: text(FILE_LIMITS.maxByline).optional(),
  /** Who is speaking, as the curator's copy shows it. Informative: an importer classifies the page itself. */
  sourceType: z.enum(SOURCE_TYPES),
  publishedAt: pageDate.optional(),
  lastReviewed: pageDate.optional(),
  /** The curator's note on the item (plain text). */
  note: longText.default(''),
  /** The page's own summary (plain text). */
  excerpt: text(FILE_LIMITS.maxExcerpt).optional(),
  /** Present (true) only when the exporter chose to include items they marked private. */
  private: z.boolean().optional(),
  highlight: fileHighlightSchema.optional(),
});
export type FileItem = z.infer<typeof fileItemSchema>;
export type FileItemInput = z.input<typeof fileItemSchema>;

/** A question on a reading list. */
const fileQuestionSchema = z.object({
  text: z.string().trim().min(1).max(FILE_LIMITS.maxQuestion),
  origin: z.enum(QUESTION_ORIGINS).optional(),
  answered: z.boolean().optional(),
  answer: longText.optional(),
});

/** A "where to get support" entry on a prescription. */
const fileSupportSchema = z.object({
  name: z.string().trim().min(1).max(FILE_LIMITS.maxShortText),
  contact: shortText.optional(),
  note: longText.optional(),
});

/**
 * The collection. Reading-list and prescription fields are optional and
 * read only for their own kind; a prescription's patient name is never
 * written.
 */
export const fileCollectionSchema = z.object({
  kind: z.enum(COLLECTION_KINDS),
  title: z.string().trim().min(1).max(FILE_LIMITS.maxCollectionTitle),
  description: longText.default(''),
  /** Who curated it: a person, a practice or a group, in their own words. */
  curator: shortText.optional(),
  createdAt: dateTime,
  updatedAt: dateTime,
  // Reading lists
  questions: z.array(fileQuestionSchema).max(FILE_LIMITS.maxQuestions).optional(),
  whatMatters: longText.optional(),
  appointment: z
    .object({ date: calendarDateSchema.optional(), with: shortText.optional(), medicines: longText.optional() })
    .optional(),
  // Information prescriptions
  condition: shortText.optional(),
  prescriber: z.object({ service: shortText.optional(), clinician: shortText.optional(), contact: shortText.optional() }).optional(),
  support: z.array(fileSupportSchema).max(FILE_LIMITS.maxSupport).optional(),
  issuedAt: dateTime.optional(),
  items: z.array(fileItemSchema).max(FILE_LIMITS.maxItems),
});
export type FileCollection = z.infer<typeof fileCollectionSchema>;

/** A whole collection file, version 1. Unknown fields are ignored (dropped), so later versions may add optional ones. */
export const collectionFileSchema = z.object({
  format: z.literal(COLLECTION_FORMAT),
  formatVersion: z.literal(COLLECTION_FORMAT_VERSION),
  /** When the file was made. */
  exportedAt: dateTime,
  /** What made it: "Health Clipper 0.1.0", or another tool. */
  generator: text(FILE_LIMITS.maxGenerator),
  collection: fileCollectionSchema,
});
/** A collection file as read (defaults filled in). */
export type CollectionFile = z.infer<typeof collectionFileSchema>;
/** A collection file as it may be written (defaults may be left out). */
export type CollectionFileInput = z.input<typeof collectionFileSchema>;

/** The JSON Schema of the file (draft 2020-12), as published in docs/collection-format.schema.json. */
export function collectionFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(collectionFileSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://health-clipper.invalid/schemas/collection-format-v1.schema.json',
    title: 'Health Clipper collection file, format version 1', // i18n-ignore: the published file format's own description
    description: 'One collection of web pages and highlights with curator notes. See docs/collection-format.md.', // i18n-ignore: the published file format's own description
  };
}

/** A step from one format version to the next: `migrations[n]` reads a version-n file and returns a version n + 1 file. */
export type FileMigration = (older: Record<string, unknown>) => Record<string, unknown>;

/** Every migration ever needed. Version 1 is the first, so there are none yet. */
export const migrations: Readonly<Record<number, FileMigration>> = {};

/** Options for tests: another migration registry and current version (a synthetic older format). */
export interface CheckOptions {
  migrations?: Readonly<Record<number, FileMigration>>;
  currentVersion?: number;
}

/** A file's data brought up to `current`, one registered step at a time, or why it cannot be. */
export function migrateCollectionData(
  data: Record<string, unknown>,
  fromVersion: number,
  registry: Readonly<Record<number, FileMigration>> = migrations,
  current: number = COLLECTION_FORMAT_VERSION,
): Result<Record<string, unknown>> {
  let out = data;
  for (let version = fromVersion; version < current; version++) {
    const step = registry[version];
    if (!step) {
      return fail('invalid-input', t('exchange.file.unreadableVersion', { version: String(fromVersion) }));
    }
    try {
      out = { ...step(out), formatVersion: version + 1 };
    } catch {
      return fail('invalid-input', t('exchange.file.migrationFailed', { version: String(fromVersion) }));
    }
  }
  return ok(out);
}

/** What checking a file found: the file, or the problems (each with where it is) and one message for the user. */
export type FileCheck =
  | { ok: true; file: CollectionFile; migratedFrom?: number }
  | { ok: false; message: string; problems: FileProblem[] };

const refused = (message: string, path = '$'): FileCheck => ({ ok: false, message, problems: [{ path, message }] });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks untrusted text as a collection file: size, JSON, nesting,
 * forbidden keys, format, version (older ones migrated), then every field
 * against the schema. Never throws. Everything in an accepted file is plain
 * text; showing it is the caller's job, always as text.
 */
export function checkCollectionFile(input: unknown, options: CheckOptions = {}): FileCheck {
  const current = options.currentVersion ?? COLLECTION_FORMAT_VERSION;
  const read = readJsonSafely(input, { maxChars: FILE_LIMITS.maxFileChars, maxDepth: FILE_LIMITS.maxDepth });
  if (!read.ok) return refused(read.message);
  const data = read.value;
  if (!isRecord(data)) {
    return refused(t('exchange.file.notObject'));
  }
  if (!('format' in data)) return refused(t('exchange.file.noFormat'), '$.format');
  if (data.format !== COLLECTION_FORMAT) {
    const named = typeof data.format === 'string' ? `“${data.format.slice(0, 60)}${data.format.length > 60 ? '…' : ''}”` : t('exchange.file.somethingElse');
    return refused(t('exchange.file.otherFormat', { named, expected: COLLECTION_FORMAT }), '$.format');
  }
  const version = data.formatVersion;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return refused(t('exchange.file.noVersion'), '$.formatVersion');
  }
  if (version > current) {
    return refused(
      t('exchange.file.newer', { version: String(version), current: String(current) }),
      '$.formatVersion',
    );
  }
  const migrated = migrateCollectionData(data, version, options.migrations ?? migrations, current);
  if (!migrated.ok) return refused(migrated.error.message, '$.formatVersion');
  const parsed = safeParseUntrusted(collectionFileSchema, migrated.value, { reportInput: true });
  if (!parsed.success) {
    const problems = problemsFromIssues(parsed.error.issues);
    return { ok: false, message: summariseProblems(problems), problems };
  }
  return version < current ? { ok: true, file: parsed.data, migratedFrom: version } : { ok: true, file: parsed.data };
}

/**
 * Reads a collection file from untrusted text, or says in plain English why
 * not (empty, over 50 MB, not JSON, cut short, nested too deeply, a
 * prototype-polluting key, another format, a newer version, or fields that
 * are wrong, with where they are).
 */
export function parseCollectionFile(text: string): Result<CollectionFile> {
  const checked = checkCollectionFile(text);
  return checked.ok ? ok(checked.file) : fail('invalid-input', checked.message);
}
