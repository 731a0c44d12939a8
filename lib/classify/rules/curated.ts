import { t } from '../../i18n';
import type { SourceType } from '../../model/source-type';
import { listLabel } from '../lists/index';
import type { Finding, RuleContext } from './context';
import { findEntry, organisationLists } from './lookup';

/** The one-line summary for a host on a curated list, or undefined for lists this rule does not decide. */
function summary(type: SourceType, host: string, name: string): string | undefined {
  switch (type) {
    case 'charity': return t('classify.curated.charity', { host, name });
    case 'commercial': return t('classify.curated.commercial', { host, name });
    case 'news': return t('classify.curated.news', { host, name });
    case 'other': return t('classify.curated.other', { host, name });
    default: return undefined;
  }
}

/** Curated lists of charities, companies, news publishers and other organisations (§5.2 step 6). */
export function curatedRule(ctx: RuleContext): Finding | undefined {
  let best: Finding | undefined;
  let bestLength = 0;
  for (const { list, type } of organisationLists()) {
    if (type !== 'charity' && type !== 'commercial' && type !== 'news' && type !== 'other') continue;
    const entry = findEntry(list, ctx.host, ctx.address.path);
    if (!entry || entry.domain.length <= bestLength) continue;
    const reason = summary(type, ctx.host, entry.name);
    if (!reason) continue;
    bestLength = entry.domain.length;
    best = {
      type,
      confidence: 0.85,
      rule: `list:${type}`,
      list: listLabel(list),
      reasons: [reason, t('classify.listNote', { name: entry.name, note: entry.note })],
      subtype: entry.subtype,
    };
  }
  return best;
}
