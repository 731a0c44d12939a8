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

const KIND_WORD: Record<string, string> = {
  'nhs-local': 'an NHS website',
  government: 'a government website',
  'foreign-government': 'a government website',
  parliament: 'a parliament website',
  intergovernmental: 'an intergovernmental organisation\u2019s website',
};

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
  if (hasSignal(ctx, 'jsonld:MedicalWebPage')) supporting.push('The page declares itself a medical web page (MedicalWebPage).');
  if (hasSignal(ctx, 'copyright:crown')) supporting.push('The page states Crown copyright.');
  if (hasSignal(ctx, 'design:nhsuk')) supporting.push('The page uses the NHS design system.');
  const reasons: string[] = [];
  if (allow) {
    reasons.push(`${ctx.host} is the website of ${allow.name} (${allow.note}).`);
    if (suffix) reasons.push(`Addresses ending in .${suffix.domain} are only given to ${suffix.name}.`);
  } else if (suffix) {
    const kind = KIND_WORD[suffix.subtype ?? ''] ?? 'an official website';
    reasons.push(`${ctx.host} is ${kind}: only ${suffix.name} can use addresses ending in .${suffix.domain}.`);
  }
  if (subtype === 'news release') reasons.push('This is a news release from an official body: it stays official rather than news.');
  if (subtype === 'GP practice') reasons.push('The address names a GP practice.');
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
