import * as z from 'zod';
import { clipSchema, type Clip } from '../model/clip';
import type { ClipSummary } from '../model/collection';
import { pageAddressVariants } from '../model/page-address';
import { t } from '../i18n';
import { fail, ok, type Result } from '../model/result';
import { isCancelled, throwIfCancelled } from '../progress/progress';
import type { WorkOptions } from './backup-store';
import type { LibraryDb } from './library-db';
import { storageError } from './storage-error';

/**
 * Links per write: the cancel is checked between writes. Half the 500 used
 * before progress was shown: with 500 a 3,000-link import in Chromium kept
 * the page busy until it ended, so its progress never appeared.
 */
const WRITE_BATCH = 250;

/** Most links one import may add (the importers stop at the same number). */
const MAX_LINKS = 50_000;

/**
 * A link clip from another tool, ready to store: a clip without the id and
 * dates the library assigns (its saved date may come from the other tool).
 * lib/exchange/link-drafts.ts builds these from bookmarks, CSL-JSON and RIS.
 */
export const newLinkClipSchema = clipSchema
  .omit({ id: true, kind: true, savedAt: true, updatedAt: true })
  .extend({ kind: z.literal('link'), savedAt: clipSchema.shape.savedAt.optional() });
export type NewLinkClip = z.infer<typeof newLinkClipSchema>;

/** What an import would do: pages to add, and pages already in the library (left exactly as they are). */
export interface LinkImportPlan {
  fresh: NewLinkClip[];
  existing: { link: NewLinkClip; clip: ClipSummary }[];
  /** Links left out because the same page came earlier in the file (under an http/www. variant of its address). */
  repeated: number;
}

/** What an import did. */
export interface LinkImportOutcome {
  added: number;
  alreadyThere: number;
}

interface Deps {
  now: () => Date;
  newId: () => string;
}

/** Kinds that stand for the whole page (a saved passage does not make the page "already saved"), as in saveClip. */
const WHOLE_PAGE_KINDS = new Set<Clip['kind']>(['article', 'link']);
const summary = ({ contentHtml: _h, contentText: _t, ...rest }: Clip): ClipSummary => rest;

/**
 * Adds links from other tools (bookmarks, Zotero) as 'link' clips. A page
 * already in the library, by canonical address or its www./http variants,
 * is never touched: its notes, tags and type stay as the user left them.
 */
export class LinkImportStore {
  constructor(
    private readonly db: LibraryDb,
    private readonly deps: Deps,
  ) {}

  /** Splits links into new pages and pages already saved, for the preview. */
  async plan(links: readonly NewLinkClip[]): Promise<LinkImportPlan> {
    return this.split(links);
  }

  /**
   * Adds the links that are not in the library yet, in one transaction: all
   * of them, or (on any failure) none. Checks again inside the transaction,
   * so a page saved since the preview is not added twice. `signal` is
   * checked between writes: a cancel adds nothing, up to the last write.
   */
  async apply(input: readonly unknown[], { signal, onProgress }: WorkOptions = {}): Promise<Result<LinkImportOutcome>> {
    const parsed = z.array(newLinkClipSchema).max(MAX_LINKS).safeParse(input);
    if (!parsed.success) return fail('invalid-input', t('import.links.badLinks'));
    if (signal?.aborted) return fail('cancelled', t('progress.stopped'));
    try {
      return await this.db.transaction('rw', this.db.clips, async () => {
        const { fresh, existing } = await this.split(parsed.data, signal);
        const now = this.deps.now().toISOString();
        const clips: Clip[] = fresh.map((link) => ({ ...link, id: this.deps.newId(), savedAt: link.savedAt ?? now, updatedAt: now }));
        onProgress?.({ done: 0, total: clips.length });
        for (let i = 0; i < clips.length; i += WRITE_BATCH) {
          throwIfCancelled(signal);
          await this.db.clips.bulkAdd(clips.slice(i, i + WRITE_BATCH));
          onProgress?.({ done: Math.min(clips.length, i + WRITE_BATCH), total: clips.length });
        }
        return ok({ added: clips.length, alreadyThere: existing.length });
      });
    } catch (error) {
      if (isCancelled(error)) return fail('cancelled', t('progress.stopped'));
      return storageError(error, t('import.links.noneAdded'));
    }
  }

  private async split(links: readonly NewLinkClip[], signal?: AbortSignal): Promise<LinkImportPlan> {
    const variantsOf = links.map((l) => pageAddressVariants(l.canonicalUrl));
    const wanted = [...new Set(variantsOf.flat())];
    const saved = new Map<string, Clip>();
    for (let i = 0; i < wanted.length; i += 5_000) {
      throwIfCancelled(signal);
      const found = await this.db.clips.where('canonicalUrl').anyOf(wanted.slice(i, i + 5_000)).toArray();
      for (const clip of found) if (WHOLE_PAGE_KINDS.has(clip.kind) && !saved.has(clip.canonicalUrl)) saved.set(clip.canonicalUrl, clip);
    }
    const plan: LinkImportPlan = { fresh: [], existing: [], repeated: 0 };
    const taken = new Set<string>();
    links.forEach((link, i) => {
      const variants = variantsOf[i] ?? [link.canonicalUrl];
      const clip = variants.map((v) => saved.get(v)).find(Boolean);
      if (clip) plan.existing.push({ link, clip: summary(clip) });
      // The same page twice in one file (http and https, www. and not): keep the first.
      else if (variants.some((v) => taken.has(v))) plan.repeated++;
      else {
        plan.fresh.push(link);
        taken.add(link.canonicalUrl);
      }
    });
    return plan;
  }
}
