import { t } from '../../i18n';
import { registrableDomain } from '../host';
import type { Finding, RuleContext } from './context';
import { findOrganisation, ownerWords } from './lookup';
import { builtInLists, listLabel } from '../lists/index';
import { findEntry } from './lookup';

/** True when the canonical address is on another registered domain than the page. */
export function isCopyOfAnotherSite(ctx: RuleContext): boolean {
  return Boolean(ctx.canonical) && registrableDomain(ctx.canonical?.host ?? '') !== registrableDomain(ctx.host);
}

/**
 * An unknown host whose page says its original is on a known site
 * (SOURCE-TYPES.md §5.2 step 1): a copy takes the original's type with low
 * confidence, except that a copy of an official page is never official.
 */
export function copyRule(ctx: RuleContext): Finding | undefined {
  const canonical = ctx.canonical;
  if (!canonical || !isCopyOfAnotherSite(ctx)) return undefined;
  const lists = builtInLists();
  const official = findEntry(lists.official, canonical.host) ?? findEntry(lists.officialSuffixes, canonical.host);
  if (official) {
    return {
      type: 'other',
      confidence: 0.5,
      rule: 'copy:of-official',
      reasons: [
        t('classify.copy.ofOfficial', { original: canonical.host, host: ctx.host }),
        t('classify.copy.anyoneCanCopy'),
      ],
      subtype: 'copy of another site',
    };
  }
  const org = findOrganisation(canonical.host);
  if (!org || org.type === 'official') return undefined;
  return {
    type: org.type,
    confidence: 0.45,
    rule: 'copy:of-listed-site',
    list: listLabel(org.list),
    reasons: [
      t('classify.copy.ofListed', { original: canonical.host, name: org.entry.name, owner: ownerWords(org.type) }),
      t('classify.copy.servedFrom', { host: ctx.host }),
    ],
    subtype: 'copy of another site',
  };
}
