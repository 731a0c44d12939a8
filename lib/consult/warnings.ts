import { resolveSourceType } from '../model/site-rules';
import type { SiteRule } from '../model/source-type';
import { isReviewOverdue } from '../model/quality-facts';
import { t } from '../i18n';
import { formatDay, oneLine } from './format';
import type { ClipSummary, ResolvedCollection } from './types';

/** Why an item deserves a second look before it is given to a patient. */
export type PrescriptionWarningReason = 'unknown-type' | 'commercial' | 'review-overdue' | 'not-checked-for-a-year' | 'page-gone';

/** One thing to check, in plain English. */
export interface PrescriptionWarning {
  itemId: string;
  title: string;
  reason: PrescriptionWarningReason;
  message: string;
}

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** The page's own most recent "last reviewed" or "updated" date, if it states one. */
function lastCheckedByPage(clip: ClipSummary): number | undefined {
  const dates = [clip.quality?.lastReviewed?.date, clip.quality?.updated?.date, clip.modifiedAt]
    .map((d) => (d ? Date.parse(d) : NaN))
    .filter((ms) => !Number.isNaN(ms));
  return dates.length ? Math.max(...dates) : undefined;
}

/**
 * "Not checked for over a year": the clip was saved more than 365 days
 * before `now`, and the page's own last-reviewed or updated date (the most
 * recent of them) is not within the 365 days before `now` either. Either
 * would show someone looked at the content within the year; neither did.
 */
export function isNotCheckedForAYear(clip: ClipSummary, now: Date): boolean {
  const saved = Date.parse(clip.savedAt);
  if (Number.isNaN(saved) || now.getTime() - saved <= YEAR_MS) return false;
  const checked = lastCheckedByPage(clip);
  return checked === undefined || now.getTime() - checked > YEAR_MS;
}

/**
 * What a professional should check before issuing a list: pages of unknown
 * or commercial type, pages past their own review date, pages not checked
 * for over a year, and items whose page was deleted from the library (they
 * are left out of the printed list). Each item gives at most one warning
 * about its type and one about its age; an overdue review date is the more
 * specific age warning, so it replaces "not checked for a year".
 * Classification describes who is speaking; these are prompts to look, not
 * judgements of the content.
 */
export function prescriptionWarnings(resolved: ResolvedCollection, siteRules: readonly SiteRule[], now: Date): PrescriptionWarning[] {
  const warnings: PrescriptionWarning[] = [];
  for (const { item, clip } of resolved.entries) {
    if (!clip) {
      warnings.push({
        itemId: item.id,
        title: t('consult.warning.goneTitle'),
        reason: 'page-gone',
        message: t('consult.warning.gone'),
      });
      continue;
    }
    const title = oneLine(clip.title) || clip.url;
    const add = (reason: PrescriptionWarningReason, message: string) => warnings.push({ itemId: item.id, title, reason, message });
    const type = resolveSourceType(clip, siteRules).type;
    if (type === 'unknown') add('unknown-type', t('consult.warning.unknownType'));
    if (type === 'commercial') add('commercial', t('consult.warning.commercial'));
    if (isReviewOverdue(clip.quality, now)) {
      const due = formatDay(clip.quality?.nextReview?.date);
      add('review-overdue', due ? t('consult.warning.reviewDueOn', { date: due }) : t('consult.warning.reviewDue'));
    } else if (isNotCheckedForAYear(clip, now)) {
      add('not-checked-for-a-year', t('consult.warning.notChecked', { date: formatDay(clip.savedAt) }));
    }
  }
  return warnings;
}
