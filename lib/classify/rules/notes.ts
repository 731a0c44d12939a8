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
      conflicting.push('The address contains \u201cnhs\u201d but is not an NHS address (those end in .nhs.uk, .nhs.scot or .nhs.wales).');
    } else if (labels.slice(0, -1).some((l) => /gov/.test(l))) {
      conflicting.push('The address contains \u201cgov\u201d but is not a government address.');
    }
    if (hasSignal(ctx, 'claim:official-website')) conflicting.push('The page says it is an official website, but its address is not an official one.');
    if (hasSignal(ctx, 'design:nhsuk')) conflicting.push('The page uses the NHS design system, which anyone can use; the address is not an NHS one.');
    if (hasSignal(ctx, 'jsonld:GovernmentOrganization')) conflicting.push('The page describes its publisher as a government body, but the address is not a government one.');
    if (ctx.siteName && /\b(nhs|gov(ernment)?)\b/i.test(ctx.siteName) && type !== 'official') {
      conflicting.push(`The page calls its site \u201c${ctx.siteName.slice(0, 60)}\u201d, but the address is not an official one.`);
    }
  }
  if (type !== 'peer' && hasSignal(ctx, 'voice:first-person') && (type === 'charity' || type === 'official')) {
    conflicting.push('Parts are written in the first person: this may be a personal story told on the site.');
  }
  if (type === 'peer' && hasSignal(ctx, 'charity:number')) supporting.push('The site that hosts it states a registered charity number.');
  if (type === 'charity' && hasSignal(ctx, 'charity:number')) supporting.push('The page states a registered charity number.');
  if (type === 'charity' && hasSignal(ctx, 'shop:', 'jsonld:Product')) conflicting.push('The page sells things (a charity shop or fundraising product).');
  if (type !== 'commercial' && type !== 'news' && hasSignal(ctx, 'ads:')) conflicting.push('The page carries adverts.');
  if ((type === 'commercial' || type === 'news') && hasSignal(ctx, 'ads:')) supporting.push('The page carries adverts.');
  if (type === 'commercial' && hasSignal(ctx, 'jsonld:Product', 'shop:')) supporting.push('The page sells products.');
  if (type === 'news' && hasSignal(ctx, 'jsonld:NewsArticle')) supporting.push('The page describes itself as a news article.');
  if (type === 'research' && hasSignal(ctx, 'meta:citation')) supporting.push('The page carries journal citation details.');
  if (type !== 'research' && hasSignal(ctx, 'meta:citation-journal')) conflicting.push('The page carries journal citation details.');
  if (type === 'peer' && hasSignal(ctx, 'voice:first-person')) supporting.push('Written in the first person.');
  if (type !== 'news' && type !== 'official' && hasSignal(ctx, 'jsonld:NewsArticle') && type !== 'unknown') conflicting.push('The page is marked up as a news article.');
  return { supporting, conflicting };
}
