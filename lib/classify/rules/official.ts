import { t } from '../../i18n';
import { builtInLists, listLabel, type ListEntry } from '../lists/index';
import { hasSignal, signalsWith, type Finding, type RuleContext } from './context';
import { findEntry } from './lookup';

/** National NHS sites (as opposed to trusts, boards and practices). */
const NHS_NATIONAL = new Set(['nhs.uk', 'england.nhs.uk', '111.nhs.uk', 'digital.nhs.uk', 'transform.england.nhs.uk', 'healthcareers.nhs.uk', 'nhs.scot', 'nhs.wales', '111.wales.nhs.uk']);

/** A GP practice's own site: "thecornersurgery.nhs.uk", "parkmedicalcentre.nhs.uk". */
const GP_PRACTICE = /(surgery|medical-?cent(re|er)|health-?cent(re|er)|practice|medical-?group|family-?doctors?)/;

/** What kind of NHS or government body a host is, as far as the address tells. */
function officialSubtype(ctx: RuleContext, suffix: ListEntry | undefined, allow: ListEntry | undefined): string | undefined {
  const govukFormat = signalsWith(ctx, 'govuk:format:')[0]?.slice('govuk:format:'.length);
  if (govukFormat && /press_release|news_story|news_article|speech|world_news_story/.test(govukFormat)) return 'news release';
  if (/\/(government\/news|news-releases?|press-releases?|media-centre\/press|newsroom\/releases?|press-office)\b/.test(ctx.path)) return 'news release';
  if (hasSignal(ctx, 'jsonld:NewsArticle')) return 'news release';
  if (allow?.subtype) return allow.subtype === 'nhs-national' ? 'NHS (national)' : allow.subtype === 'nhs-local' ? 'NHS (local)' : allow.subtype;
  if (suffix?.subtype === 'nhs-local') {
    if (NHS_NATIONAL.has(ctx.host)) return 'NHS (national)';
    const first = ctx.host.split('.')[0] ?? '';
    if (GP_PRACTICE.test(first)) return 'GP practice';
    if (/ccg$|icb$|^icb|integratedcare/.test(first)) return 'NHS (integrated care board)';
    return 'NHS (local)';
  }
  if (suffix?.subtype === 'government' && /(^|\.)(council|[a-z]+council|[a-z-]+-?shire)\./.test(`${ctx.host}.`)) return 'local authority';
  return suffix?.subtype;
}

/** "an NHS website", "a government website"…: what kind of official site a suffix list's subtype means. */
function kindWords(subtype: string | undefined): string {
  switch (subtype) {
    case 'nhs-local': return t('classify.official.kindNhs');
    case 'government':
    case 'foreign-government': return t('classify.official.kindGovernment');
    case 'parliament': return t('classify.official.kindParliament');
    case 'intergovernmental': return t('classify.official.kindIntergovernmental');
    default: return t('classify.official.kindOther');
  }
}

/**
 * Official domain rules and the allowlist (SOURCE-TYPES.md §2.5). Only the
 * address decides: a page's claims ("official website", NHS styling,
 * MedicalWebPage) never make it official.
 */
export function officialRule(ctx: RuleContext): Finding | undefined {
  const lists = builtInLists();
  const allow = findEntry(lists.official, ctx.host, ctx.address.path);
  const suffix = findEntry(lists.officialSuffixes, ctx.host);
  if (!allow && !suffix) return undefined;
  const subtype = officialSubtype(ctx, suffix, allow);
  const supporting: string[] = [];
  if (hasSignal(ctx, 'jsonld:MedicalWebPage')) supporting.push(t('classify.official.medicalPage'));
  if (hasSignal(ctx, 'copyright:crown')) supporting.push(t('classify.official.crownCopyright'));
  if (hasSignal(ctx, 'design:nhsuk')) supporting.push(t('classify.official.nhsDesign'));
  const reasons: string[] = [];
  if (allow) {
    reasons.push(t('classify.official.allowlisted', { host: ctx.host, name: allow.name, note: allow.note }));
    if (suffix) reasons.push(t('classify.official.suffixOnly', { domain: suffix.domain, name: suffix.name }));
  } else if (suffix) {
    reasons.push(t('classify.official.suffixKind', { host: ctx.host, kind: kindWords(suffix.subtype), name: suffix.name, domain: suffix.domain }));
  }
  if (subtype === 'news release') reasons.push(t('classify.official.newsRelease'));
  if (subtype === 'GP practice') reasons.push(t('classify.official.gpPractice'));
  return {
    type: 'official',
    confidence: allow ? 0.9 : 0.95,
    rule: allow ? 'official:allowlist' : 'official:suffix',
    list: listLabel(allow ? lists.official : lists.officialSuffixes),
    reasons,
    supporting,
    subtype,
  };
}
