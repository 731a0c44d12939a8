import { t } from '../../i18n';
import type { SourceType } from '../../model/source-type';
import { builtInLists } from '../lists/index';
import { hasSignal, type RuleContext } from './context';
import { findEntry } from './lookup';

/** Evidence that agrees with the verdict, and evidence that points elsewhere, in plain words (§5.2 conflict notes). */
export function evidenceNotes(ctx: RuleContext, type: SourceType): { supporting: string[]; conflicting: string[] } {
  const supporting: string[] = [];
  const conflicting: string[] = [];
  const lists = builtInLists();
  const officialAddress = Boolean(findEntry(lists.officialSuffixes, ctx.host) ?? findEntry(lists.official, ctx.host));

  if (!officialAddress) {
    const labels = ctx.host.split('.');
    if (labels.some((l) => /nhs/.test(l))) {
      conflicting.push(t('classify.notes.fakeNhs'));
    } else if (labels.slice(0, -1).some((l) => /gov/.test(l))) {
      conflicting.push(t('classify.notes.fakeGov'));
    }
    if (hasSignal(ctx, 'claim:official-website')) conflicting.push(t('classify.notes.claimsOfficial'));
    if (hasSignal(ctx, 'design:nhsuk')) conflicting.push(t('classify.notes.nhsDesign'));
    if (hasSignal(ctx, 'jsonld:GovernmentOrganization')) conflicting.push(t('classify.notes.claimsGovernment'));
    if (ctx.siteName && /\b(nhs|gov(ernment)?)\b/i.test(ctx.siteName) && type !== 'official') {
      conflicting.push(t('classify.notes.siteName', { name: ctx.siteName.slice(0, 60) }));
    }
  }
  if (type !== 'peer' && hasSignal(ctx, 'voice:first-person') && (type === 'charity' || type === 'official')) {
    conflicting.push(t('classify.notes.firstPersonParts'));
  }
  if (type === 'peer' && hasSignal(ctx, 'charity:number')) supporting.push(t('classify.notes.hostCharityNumber'));
  if (type === 'charity' && hasSignal(ctx, 'charity:number')) supporting.push(t('classify.evidence.charityNumber'));
  if (type === 'charity' && hasSignal(ctx, 'shop:', 'jsonld:Product')) conflicting.push(t('classify.notes.charityShop'));
  if (type !== 'commercial' && type !== 'news' && hasSignal(ctx, 'ads:')) conflicting.push(t('classify.evidence.adverts'));
  if ((type === 'commercial' || type === 'news') && hasSignal(ctx, 'ads:')) supporting.push(t('classify.evidence.adverts'));
  if (type === 'commercial' && hasSignal(ctx, 'jsonld:Product', 'shop:')) supporting.push(t('classify.notes.sellsProducts'));
  if (type === 'news' && hasSignal(ctx, 'jsonld:NewsArticle')) supporting.push(t('classify.evidence.newsArticle'));
  if (type === 'research' && hasSignal(ctx, 'meta:citation')) supporting.push(t('classify.notes.citation'));
  if (type !== 'research' && hasSignal(ctx, 'meta:citation-journal')) conflicting.push(t('classify.notes.citation'));
  if (type === 'peer' && hasSignal(ctx, 'voice:first-person')) supporting.push(t('classify.notes.firstPerson'));
  if (type !== 'news' && type !== 'official' && hasSignal(ctx, 'jsonld:NewsArticle') && type !== 'unknown') conflicting.push(t('classify.evidence.newsArticle'));
  return { supporting, conflicting };
}
