import { t } from '../i18n';
import { describeSubtype } from './describe-subtype';
import { SOURCE_TYPE_LABELS, LOW_CONFIDENCE, type SourceVerdict } from '../model/source-type';

/**
 * A one-line label for a verdict: "Official (GP practice)", "Personal
 * experience (forum thread, run by Alzheimer's Society (a charity))",
 * "Not sure". Peer experience is described, never warned against.
 */
export function describeVerdict(verdict: SourceVerdict): string {
  let label = SOURCE_TYPE_LABELS[verdict.type];
  const subtype = verdict.facets?.subtype;
  const details = [subtype ? describeSubtype(subtype) : undefined, verdict.facets?.host ? t('classify.verdict.runBy', { owner: verdict.facets.host }) : undefined]
    .filter((s): s is string => Boolean(s))
    .join(', ');
  if (details) label = t('classify.verdict.withDetails', { label, details });
  if (verdict.type !== 'unknown' && verdict.confidence < LOW_CONFIDENCE) label = t('classify.verdict.notSure', { label });
  if (verdict.facets?.archivedFrom) label = t('classify.verdict.archived', { label });
  return label;
}

/** The seven public types: "unknown" ("not sure") is reported as "other" with its low confidence. */
export type PublicSourceType = 'official' | 'charity' | 'peer' | 'commercial' | 'research' | 'news' | 'other';

/** The type as lists of links report it: internal "unknown" becomes "other". */
export function publicType(verdict: Pick<SourceVerdict, 'type'>): PublicSourceType {
  return verdict.type === 'unknown' ? 'other' : verdict.type;
}
