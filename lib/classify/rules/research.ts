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
        `${ctx.host} is ${entry.name}, which publishes research (${entry.subtype ?? 'scholarly records'}).`,
        `${entry.name}: ${entry.note}.`,
      ],
      supporting: citation ? ['The page carries journal citation details (citation_* tags).'] : [],
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
          ? `The page carries journal citation details${strong ? ' (journal title or DOI)' : ''}, as scholarly articles do.`
          : 'The page describes itself as a scholarly article (ScholarlyArticle citation markup).',
      ],
      subtype: 'journal article',
    };
  }
  return undefined;
}
