import * as z from 'zod';
import { t } from '../i18n';
import type { Clip } from './clip';
import type { Highlight } from './highlight';

/**
 * A collection is an ordered list of clips and highlights with notes. Reading
 * lists for an appointment and information prescriptions are collections
 * too, with a few extra fields each, so they share one table, one editor for
 * items, and (later) one file format.
 */
export const COLLECTION_KINDS = ['collection', 'reading-list', 'prescription'] as const;
export const collectionKindSchema = z.enum(COLLECTION_KINDS);
export type CollectionKind = z.infer<typeof collectionKindSchema>;

export const COLLECTION_LIMITS = {
  maxTitle: 200,
  maxText: 4_000,
  /** As many as a shared collection file may carry (lib/exchange/collection-file.ts). */
  maxItems: 20_000,
  maxQuestions: 200,
  maxSupport: 50,
} as const;

const id = z.string().min(1).max(100);
const shortText = z.string().trim().max(COLLECTION_LIMITS.maxTitle);
const longText = z.string().max(COLLECTION_LIMITS.maxText);
const isoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: () => t('messages.value.notADate') });
/** A calendar date the user picked (YYYY-MM-DD), no time zone games. */
export const calendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => t('messages.value.notADate') });

/**
 * Where an item came from when it was imported from someone else's
 * collection file: its note is then the curator's, not the user's, and the
 * editor says "From <collection> by <curator>, <date>".
 */
export const itemProvenanceSchema = z.object({
  /** The title of the collection it was imported from. */
  collection: shortText,
  /** Who curated it, as the file names them (a person or a group). */
  curator: shortText.optional(),
  /** When the file was exported (ISO 8601). */
  exportedAt: isoDateTime,
});
export type ItemProvenance = z.infer<typeof itemProvenanceSchema>;

/** One entry: a clip, or one highlight on it, with the user's one-line note (why it matters / a patient-facing note / a curator's note). */
export const collectionItemSchema = z.object({
  id,
  clipId: id,
  highlightId: id.optional(),
  note: longText.default(''),
  /** Left out of shared exports unless the user includes private items on purpose. */
  private: z.boolean().default(false),
  /** Set on items imported from a collection file (their note is the curator's). */
  provenance: itemProvenanceSchema.optional(),
});
export type CollectionItem = z.infer<typeof collectionItemSchema>;
export type CollectionItemInput = z.input<typeof collectionItemSchema>;

/** Where a question came from: typed by the user, picked from a starter prompt, or a "question to ask" highlight. */
export const QUESTION_ORIGINS = ['own', 'starter', 'highlight'] as const;

/** A question to ask at the appointment, and afterwards whether it was answered, with a note. */
export const questionSchema = z.object({
  id,
  text: z.string().trim().min(1).max(1_000),
  origin: z.enum(QUESTION_ORIGINS).default('own'),
  highlightId: id.optional(),
  answered: z.boolean().default(false),
  answer: longText.default(''),
});
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;

/** Optional details of the appointment a reading list is for. */
export const appointmentSchema = z.object({
  date: calendarDateSchema.optional(),
  /** Who it is with: "Dr Patel, GP", "diabetes nurse". */
  with: shortText.optional(),
  /** Current medicines, in the user's own words. */
  medicines: longText.optional(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

/** The header a professional sets once: who is issuing the prescription and how to reach them. */
export const prescriberSchema = z.object({
  service: shortText.default(''),
  clinician: shortText.default(''),
  contact: shortText.default(''),
});
export type Prescriber = z.infer<typeof prescriberSchema>;

/** A "where to get support" entry: a helpline, a charity, a peer group. */
export const supportEntrySchema = z.object({
  id,
  name: z.string().trim().min(1).max(COLLECTION_LIMITS.maxTitle),
  /** A phone number, web address or opening hours, as the professional wants it printed. */
  contact: shortText.default(''),
  note: longText.default(''),
});
export type SupportEntry = z.infer<typeof supportEntrySchema>;


/** How often a followed collection is checked for changes in the background (off unless the user turns it on). */
export const SUBSCRIPTION_SCHEDULES = ['off', 'daily', 'weekly'] as const;
export type SubscriptionSchedule = (typeof SUBSCRIPTION_SCHEDULES)[number];

/**
 * Where a followed collection is published, and what we saw there last. Kept
 * on the collection itself (optional, not indexed), so following one needs no
 * new table and no database migration: a user has a handful at most and they
 * are found by reading the collections list.
 */
export const subscriptionSchema = z.object({
  /** The https address of the published file. */
  url: z.string().max(2_000).refine((s) => /^https:\/\//i.test(s), { error: () => t('messages.value.notASecureWebAddress') }),
  /** Validators from the last applied download, sent back as If-None-Match / If-Modified-Since. */
  etag: z.string().max(500).optional(),
  lastModified: z.string().max(100).optional(),
  /** When the address was last checked (by the user or the schedule). */
  checkedAt: isoDateTime,
  /** When the published list was last brought into the library (followed, or changes applied). */
  appliedAt: isoDateTime.optional(),
  /** Fingerprint of the items as last applied (lib/exchange/subscription-diff.ts hashEntries). */
  lastItemsHash: z.string().max(200).optional(),
  schedule: z.enum(SUBSCRIPTION_SCHEDULES).default('off'),
  /** Set by a scheduled check that found changes; cleared when they are applied. Nothing is applied by itself. */
  changesWaitingAt: isoDateTime.optional(),
  /** What went wrong at the last scheduled check, in words for the user. */
  lastProblem: z.string().max(500).optional(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/** Fields every collection has. */
const baseFields = {
  id,
  title: z.string().trim().min(1).max(COLLECTION_LIMITS.maxTitle),
  description: longText.default(''),
  items: z.array(collectionItemSchema).max(COLLECTION_LIMITS.maxItems).default([]),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Present when the collection follows a list published at a web address. */
  subscription: subscriptionSchema.optional(),
};

/** A plain collection (moderators' curated lists). */
export const plainCollectionSchema = z.object({ kind: z.literal('collection'), ...baseFields });

/** A patient's reading list for the next appointment. */
export const readingListSchema = z.object({
  kind: z.literal('reading-list'),
  ...baseFields,
  questions: z.array(questionSchema).max(COLLECTION_LIMITS.maxQuestions).default([]),
  /** "What matters to me": goals in the user's own words. */
  whatMatters: longText.default(''),
  appointment: appointmentSchema.default({}),
  /** Set when the user keeps the list as a dated record after the appointment; it is then read-only. */
  recordedAt: isoDateTime.optional(),
  /** The earlier list this one was started from (its open questions and items). */
  followsId: id.optional(),
});
export type ReadingList = z.infer<typeof readingListSchema>;

/** An information prescription: a template per condition, or a dated copy issued to one patient. */
export const prescriptionSchema = z.object({
  kind: z.literal('prescription'),
  ...baseFields,
  condition: shortText.default(''),
  prescriber: prescriberSchema.default({ service: '', clinician: '', contact: '' }),
  support: z.array(supportEntrySchema).max(COLLECTION_LIMITS.maxSupport).default([]),
  /** Templates are kept per condition; issuing makes a dated copy. */
  isTemplate: z.boolean().default(true),
  /** On an issued copy: the template it came from, when, and (optionally) for whom. */
  templateId: id.optional(),
  issuedAt: isoDateTime.optional(),
  patientName: shortText.optional(),
});
export type Prescription = z.infer<typeof prescriptionSchema>;

export const collectionSchema = z.discriminatedUnion('kind', [plainCollectionSchema, readingListSchema, prescriptionSchema]);
export type Collection = z.infer<typeof collectionSchema>;
export type CollectionInput = z.input<typeof collectionSchema>;

/** What the repository stores: the collection and, for the multi-entry index, the clips it names. */
export type StoredCollection = Collection & { clipIds: string[] };

/** The clips a collection refers to, once each (for "which lists is this page in?"). */
export function clipIdsOf(collection: Pick<Collection, 'items'>): string[] {
  return [...new Set(collection.items.map((i) => i.clipId))];
}

/** A clip without its stored content, as lists and printouts use it. */
export type ClipSummary = Omit<Clip, 'contentHtml' | 'contentText'>;

/** One item of a collection with what it points at (absent when that was deleted from the library). */
export interface ResolvedItem {
  item: CollectionItem;
  clip?: ClipSummary;
  highlight?: Highlight;
}

/** A collection with its items resolved, ready to show, print or export. */
export interface ResolvedCollection<C extends Collection = Collection> {
  collection: C;
  entries: ResolvedItem[];
}
