import { registrableDomain } from '../host';
import type { Finding, RuleContext } from './context';
import { findOrganisation, OWNER_WORDS } from './lookup';
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
        `This page is a copy of a page on ${canonical.host}, served from ${ctx.host}, which is not an official address.`,
        'Official text can be copied by anyone; only the address shows who publishes a page.',
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
      `This page says it is a copy of a page on ${canonical.host}, which is ${org.entry.name} (${OWNER_WORDS[org.type]}).`,
      `It is served from ${ctx.host}, so the copy may differ from the original.`,
    ],
    subtype: 'copy of another site',
  };
}
