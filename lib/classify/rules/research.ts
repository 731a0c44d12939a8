import { t } from '../../i18n';
import { describeSubtype } from '../describe-subtype';
import { builtInLists, listLabel } from '../lists/index';
import { hasSignal, type Finding, type RuleContext } from './context';
import { findEntry } from './lookup';

/**
 * Research hosts and journal metadata beat a government address
 * (SOURCE-TYPES.md §0.4): PubMed, PMC and ClinicalTrials.gov are on .gov.
 */
export function researchRule(ctx: RuleContext): Finding | undefined {
  const list = builtInLists().research;
  const entry = findEntry(list, ctx.host, ctx.address.path);
  const citation = hasSignal(ctx, 'meta:citation');
  const scholarly = hasSignal(ctx, 'jsonld:ScholarlyArticle', 'jsonld:MedicalScholarlyArticle');
  if (entry) {
    return {
      type: 'research',
      confidence: 0.95,
      rule: 'research:host',
      list: listLabel(list),
      reasons: [
        t('classify.research.host', { host: ctx.host, name: entry.name, what: entry.subtype ? describeSubtype(entry.subtype) : t('classify.research.scholarlyRecords') }),
        t('classify.listNote', { name: entry.name, note: entry.note }),
      ],
      supporting: citation ? [t('classify.research.citationTags')] : [],
      subtype: entry.subtype,
    };
  }
  if (citation || scholarly) {
    const strong = hasSignal(ctx, 'meta:citation-journal');
    return {
      type: 'research',
      confidence: strong ? 0.8 : 0.7,
      rule: 'research:citation-meta',
      reasons: [
        citation
          ? t(strong ? 'classify.research.citationStrong' : 'classify.research.citation')
          : t('classify.research.scholarly'),
      ],
      subtype: 'journal article',
    };
  }
  return undefined;
}
