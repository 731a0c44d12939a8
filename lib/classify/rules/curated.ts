import { listLabel } from '../lists/index';
import type { Finding, RuleContext } from './context';
import { findEntry, organisationLists } from './lookup';

const SUMMARY: Record<string, (host: string, name: string) => string> = {
  charity: (h, n) => `${h} is the website of ${n}, a charity or patient organisation.`,
  commercial: (h, n) => `${h} is run by ${n}, a company.`,
  news: (h, n) => `${h} is ${n}, a news publisher.`,
  other: (h, n) => `${h} is ${n}, an organisation that is not a charity, company or public body.`,
};

/** Curated lists of charities, companies, news publishers and other organisations (§5.2 step 6). */
export function curatedRule(ctx: RuleContext): Finding | undefined {
  let best: Finding | undefined;
  let bestLength = 0;
  for (const { list, type } of organisationLists()) {
    const summary = SUMMARY[type];
    if (!summary) continue;
    const entry = findEntry(list, ctx.host, ctx.address.path);
    if (!entry || entry.domain.length <= bestLength) continue;
    bestLength = entry.domain.length;
    best = {
      type,
      confidence: 0.85,
      rule: `list:${type}`,
      list: listLabel(list),
      reasons: [summary(ctx.host, entry.name), `${entry.name}: ${entry.note}.`],
      subtype: entry.subtype,
    };
  }
  return best;
}
