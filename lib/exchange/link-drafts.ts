import * as z from 'zod';
import { classifySource } from '../classify/classify-source';
import type { RulePack } from '../classify/rule-pack';
import { canonicalizeUrl } from '../clip/canonical-url';
import { CLIP_LIMITS, normaliseTags, type Clip } from '../model/clip';
import type { Result } from '../model/result';
import { t } from '../i18n';

/**
 * The common ground of the importers for other tools (browser bookmarks,
 * Pocket and Raindrop exports, Zotero's CSL-JSON and RIS): each parser turns
 * its file into a list of link drafts, and this module turns drafts into
 * 'link' clips the library can store. Pure: no DOM, storage or browser APIs.
 */

/** Bounds that keep a hostile or absurd file from freezing the page or filling the disk. */
export const LINK_IMPORT_LIMITS = {
  /** Largest file read (characters); a browser's bookmarks of 20 years are a few megabytes. */
  maxFileChars: 50_000_000,
  /** Most links taken from one file; the rest are counted as left out. */
  maxLinks: 50_000,
  maxUrlChars: 8_000,
  maxTitleChars: 1_000,
  maxSiteNameChars: 300,
  maxNoteChars: CLIP_LIMITS.maxNoteChars,
} as const;

/** Which importer read the file. */
export const LINK_FILE_KINDS = ['bookmarks', 'csl-json', 'ris'] as const;
export type LinkFileKind = (typeof LINK_FILE_KINDS)[number];

/** Words for each kind, for the preview ("a bookmarks file"). */
export const LINK_FILE_KIND_LABELS: Record<LinkFileKind, string> = {
  bookmarks: 'a bookmarks file (from a browser, Pocket or Raindrop)',
  'csl-json': 'a CSL-JSON file (from Zotero or another reference manager)',
  ris: 'a RIS file (from Zotero, EndNote, Mendeley or a journal’s website)',
};

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

/** One page another tool knew about: where it is, what it is called, and what the user said about it. */
export const linkDraftSchema = z.object({
  url: z.string().min(1).max(LINK_IMPORT_LIMITS.maxUrlChars),
  title: z.string().max(LINK_IMPORT_LIMITS.maxTitleChars),
  tags: z.array(z.string()).max(CLIP_LIMITS.maxTags),
  note: z.string().max(LINK_IMPORT_LIMITS.maxNoteChars),
  savedAt: isoDate.optional(),
  publishedAt: isoDate.optional(),
  siteName: z.string().max(LINK_IMPORT_LIMITS.maxSiteNameChars).optional(),
});
export type LinkDraft = z.infer<typeof linkDraftSchema>;

/** Why an entry of the file did not become a draft, in words for the preview. */
export type SkipReason = 'notWeb' | 'noAddress' | 'overLimit';
/** Why links were left out, counted (plural forms in the catalogue). */
const skipReason = (reason: SkipReason, n: number): string =>
  reason === 'notWeb'
    ? t('exchange.links.skipped.notWeb', n)
    : reason === 'noAddress'
      ? t('exchange.links.skipped.noAddress', n)
      : t('exchange.links.skipped.overLimit', { count: n.toLocaleString('en-GB'), limit: LINK_IMPORT_LIMITS.maxLinks.toLocaleString('en-GB') });
const SKIP_ORDER: readonly SkipReason[] = ['notWeb', 'noAddress', 'overLimit'];

/** What a parser found in a file. */
export interface ParsedLinks {
  kind: LinkFileKind;
  drafts: LinkDraft[];
  /** Entries left out, by reason (only reasons that happened). */
  skipped: Partial<Record<SkipReason, number>>;
}

/** The outcome of a parser: links, or a plain message naming what is wrong with the file. */
export type LinkParseResult = Result<ParsedLinks>;

/** What a parser gathered about one entry before it is checked. */
export interface RawLink {
  url: string | undefined;
  title?: string;
  tags?: readonly string[];
  note?: string;
  savedAt?: Date;
  publishedAt?: string;
  siteName?: string;
}

const EARLIEST_SANE = Date.parse('1990-01-01T00:00:00Z');

/** A date another tool wrote, kept only when it is plausible: after 1990 and not in the future. */
export function saneDate(date: Date | undefined, now: Date): string | undefined {
  if (!date) return undefined;
  const t = date.getTime();
  if (Number.isNaN(t) || t < EARLIEST_SANE || t > now.getTime() + 24 * 3600_000) return undefined;
  return date.toISOString();
}

/**
 * A Unix time another tool wrote (ADD_DATE, time_added): seconds in
 * Netscape files, but some tools write milliseconds or microseconds
 * (Firefox's own JSON), so the size of the number decides.
 */
export function dateFromUnixTime(value: string | null | undefined): Date | undefined {
  if (!value || !/^\d{1,20}$/.test(value.trim())) return undefined;
  const n = Number(value.trim());
  const ms = n > 1e14 ? n / 1000 : n > 1e11 ? n : n * 1000;
  return new Date(ms);
}

/** Whitespace and control characters (C0, DEL, C1) inside an address. */
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f-\u009f]/;

/**
 * The address as the URL parser writes it when it holds whitespace or
 * control characters (a line break in an HREF, a NUL from a damaged file):
 * browsers drop tabs and line breaks and percent-encode the rest, so the
 * stored address is the one a click would open, never raw control
 * characters. Found by the importers' fuzz test (tests/unit/lib/exchange/
 * fuzz-link-files.test.ts). Addresses without any are kept as written.
 */
function withoutControlCharacters(url: string): string {
  if (!CONTROL_OR_SPACE.test(url)) return url;
  try {
    const href = new URL(url).href;
    return CONTROL_OR_SPACE.test(href) ? '' : href;
  } catch {
    return '';
  }
}

/** Text squeezed to one line and cut to a length, for titles and site names. */
export function oneLine(text: string | undefined, max: number): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}

/**
 * Collects checked drafts: http(s) addresses only, titles and notes
 * trimmed and bounded, tags normalised, dates only when sane.
 */
export class DraftCollector {
  readonly drafts: LinkDraft[] = [];
  readonly skipped: Partial<Record<SkipReason, number>> = {};

  constructor(
    private readonly kind: LinkFileKind,
    private readonly now: Date,
  ) {}

  /** Whether more links may still be added. */
  get full(): boolean {
    return this.drafts.length >= LINK_IMPORT_LIMITS.maxLinks;
  }

  add(raw: RawLink): void {
    const written = raw.url?.trim() ?? '';
    if (!written) return this.skip('noAddress');
    const url = withoutControlCharacters(written);
    if (!url || url.length > LINK_IMPORT_LIMITS.maxUrlChars || !/^https?:\/\//i.test(url) || !canonicalizeUrl(url)) return this.skip('notWeb');
    if (this.full) return this.skip('overLimit');
    const draft: LinkDraft = {
      url,
      title: oneLine(raw.title, LINK_IMPORT_LIMITS.maxTitleChars),
      tags: normaliseTags(raw.tags ?? []),
      note: (raw.note ?? '').trim().slice(0, LINK_IMPORT_LIMITS.maxNoteChars),
    };
    const savedAt = saneDate(raw.savedAt, this.now);
    if (savedAt) draft.savedAt = savedAt;
    if (raw.publishedAt && !Number.isNaN(Date.parse(raw.publishedAt))) draft.publishedAt = raw.publishedAt;
    const siteName = oneLine(raw.siteName, LINK_IMPORT_LIMITS.maxSiteNameChars);
    if (siteName) draft.siteName = siteName;
    this.drafts.push(draft);
  }

  skip(reason: SkipReason): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + 1;
  }

  result(): ParsedLinks {
    return { kind: this.kind, drafts: this.drafts, skipped: this.skipped };
  }
}

/**
 * Which importer a file needs, from its name and its first characters:
 * HTML for bookmarks, a JSON array or object for CSL-JSON, "TY  - " for RIS.
 */
export function detectLinkFileKind(fileName: string, text: string): LinkFileKind | undefined {
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 2_000);
  if (/^TY {2}- /m.test(head.slice(0, 500))) return 'ris';
  if (head.startsWith('[') || head.startsWith('{')) return 'csl-json';
  if (head.startsWith('<')) return 'bookmarks';
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'ris') return 'ris';
  if (ext === 'json') return 'csl-json';
  if (ext === 'html' || ext === 'htm') return 'bookmarks';
  return undefined;
}

/** A link clip ready to store: everything but the id and the dates the library assigns. */
export type NewLinkClip = Omit<Clip, 'id' | 'savedAt' | 'updatedAt' | 'kind'> & { kind: 'link'; savedAt?: string };

/**
 * Turns drafts into link clips: canonical address (the one "already
 * saved?" uses), the source type from the address like any clip, and
 * drafts of the same page merged (a page bookmarked in two folders gets
 * both folders' tags and the earliest date).
 */
export function draftsToLinkClips(drafts: readonly LinkDraft[], options: { rulePacks?: readonly RulePack[] } = {}): NewLinkClip[] {
  const byUrl = new Map<string, NewLinkClip>();
  for (const draft of drafts) {
    const canonicalUrl = canonicalizeUrl(draft.url);
    if (!canonicalUrl) continue;
    const same = byUrl.get(canonicalUrl);
    if (same) {
      same.tags = normaliseTags([...same.tags, ...draft.tags]);
      if (draft.note && !same.note.includes(draft.note)) same.note = `${same.note}\n\n${draft.note}`.trim().slice(0, LINK_IMPORT_LIMITS.maxNoteChars);
      if (draft.savedAt && (!same.savedAt || draft.savedAt < same.savedAt)) same.savedAt = draft.savedAt;
      continue;
    }
    const clip: NewLinkClip = {
      kind: 'link',
      url: draft.url,
      canonicalUrl,
      title: draft.title || canonicalUrl,
      tags: normaliseTags(draft.tags),
      note: draft.note,
      signals: [],
      sourceVerdict: classifySource({ url: draft.url, signals: [] }, { rulePacks: options.rulePacks ?? [] }),
    };
    if (draft.savedAt) clip.savedAt = draft.savedAt;
    if (draft.publishedAt) clip.publishedAt = draft.publishedAt;
    if (draft.siteName) clip.siteName = draft.siteName;
    byUrl.set(canonicalUrl, clip);
  }
  return [...byUrl.values()];
}

/** "3 links were left out: 2 not a web page address …", or '' when none were. */
export function describeSkipped(skipped: ParsedLinks['skipped']): string {
  const parts = SKIP_ORDER.flatMap((reason) => {
    const n = skipped[reason] ?? 0;
    return n ? [skipReason(reason, n)] : [];
  });
  return parts.length ? t('exchange.links.skipped.summary', { reasons: parts.join('; ') }) : '';
}
