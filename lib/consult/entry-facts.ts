import type { HighlightMeaning } from '../model/highlight-meanings';
import { isReviewOverdue } from '../model/quality-facts';
import { bareHostOf, resolveSourceType } from '../model/site-rules';
import { SOURCE_TYPE_LABELS } from '../model/source-labels';
import type { SiteRule, SourceType } from '../model/source-type';
import { t } from '../i18n';
import { cleanText, formatDay, oneLine, shortAddress } from './format';
import type { ClipSummary, ResolvedItem } from './types';

/** What every output shows about one item, so a clinician can judge it at a glance. */
export interface EntryFacts {
  /** The collection item this describes. */
  itemId: string;
  title: string;
  /** The page's canonical address (http or https). */
  url: string;
  /** The address as people write it, for print and QR labels: "nhs.uk/conditions/asthma". */
  shortUrl: string;
  /** The bare host the page is on: "nhs.uk". */
  site: string;
  /** The type the user sees: their choice for the page, their rule for the site, else the classifier's. */
  type: SourceType;
  typeLabel: string;
  /** "Last reviewed 18 August 2023", "Updated 2 May 2024", "Published 27 February 2024", or "Saved 24 November 2026" when the page gives no date. */
  dateLabel: string;
  /** The page's own next-review date has passed. */
  reviewOverdue: boolean;
  /** The item's note: why it matters to me (reading list) or the patient-facing note (prescription). */
  note: string;
  /** The highlighted passage, when the item is a highlight that still exists. */
  quote?: string;
  /** What the highlight means to the user. */
  meaning?: HighlightMeaning;
}

const time = (iso: string | undefined) => (iso ? Date.parse(iso) : NaN);

/**
 * The date to show for a page. The most recent of "last reviewed" and
 * "updated" wins (a clinician cares how current it is; on a tie, reviewed),
 * then "published", then the day it was saved when the page states no date.
 */
export function pageDateLabel(clip: ClipSummary): string {
  const reviewed = clip.quality?.lastReviewed?.date;
  const updated = clip.quality?.updated?.date ?? clip.modifiedAt;
  const published = clip.quality?.published?.date ?? clip.publishedAt;
  const candidates: ['reviewed' | 'updated', string | undefined][] = [
    ['reviewed', reviewed],
    ['updated', updated],
  ];
  let best: ['reviewed' | 'updated', string] | undefined;
  for (const [which, iso] of candidates) {
    if (!iso || Number.isNaN(time(iso)) || !formatDay(iso)) continue;
    if (!best || time(iso) > time(best[1])) best = [which, iso];
  }
  if (best) {
    const date = formatDay(best[1]);
    return best[0] === 'reviewed' ? t('consult.date.lastReviewed', { date }) : t('consult.date.updated', { date });
  }
  if (published && formatDay(published)) return t('consult.date.published', { date: formatDay(published) });
  return t('consult.date.saved', { date: formatDay(clip.savedAt) });
}

/**
 * The facts to print for one item, or undefined when its page has been
 * deleted from the library (there is then no title or address to show).
 * A highlight that was deleted leaves the item as the whole page.
 */
export function entryFacts(entry: ResolvedItem, siteRules: readonly SiteRule[], now: Date): EntryFacts | undefined {
  const { clip, highlight, item } = entry;
  if (!clip) return undefined;
  const url = clip.canonicalUrl || clip.url;
  const site = bareHostOf(url) ?? shortAddress(url);
  const type = resolveSourceType(clip, siteRules).type;
  const facts: EntryFacts = {
    itemId: item.id,
    title: oneLine(cleanText(clip.title)) || site,
    url,
    shortUrl: shortAddress(url),
    site,
    type,
    typeLabel: SOURCE_TYPE_LABELS[type],
    dateLabel: pageDateLabel(clip),
    reviewOverdue: isReviewOverdue(clip.quality, now),
    note: cleanText(item.note),
  };
  const quote = highlight ? oneLine(cleanText(highlight.quote.exact)) : '';
  if (highlight && quote) {
    facts.quote = quote;
    facts.meaning = highlight.meaning;
  }
  return facts;
}

/** The type as words that stand alone in a line of text ("Official", "Source type not sure"). */
export function typePhrase(facts: Pick<EntryFacts, 'type' | 'typeLabel'>): string {
  return facts.type === 'unknown' ? t('consult.typeNotSure') : facts.typeLabel;
}
