import { t } from '../../i18n';
import { SOURCE_TYPE_LABELS } from '../../model/source-labels';
import type { SourceType } from '../../model/source-type';
import { hasSignal, type Finding, type RuleContext } from './context';

/** A dated post address: /2023/03/21/slug/ (WordPress), /2011/06/slug.html (Blogger), /blog/2018/5/17/slug (Squarespace). */
export const DATED_POST_PATH = /\/(19|20)\d{2}\/\d{1,2}\/(\d{1,2}\/)?[a-z0-9][^/]*[a-z][^/]*\/?$/;
/** Shopify's fixed shapes (SOURCE-TYPES.md §4.1): /blogs/<blog>/<slug>, /products/<slug>, /collections/<slug>. */
const SHOP_PATH = /\/(blogs\/[^/]+\/[^/]+|products\/[^/]+|collections\/[^/]+|shop\/[^/]+|basket|cart)\/?$/;

interface Score {
  points: number;
  evidence: string[];
}

const BLOG_PLATFORMS = ['platform:wordpress', 'platform:blogger', 'platform:ghost', 'platform:squarespace', 'platform:wix', 'platform:medium', 'platform:substack', 'platform:tumblr', 'generator:wordpress', 'generator:blogger', 'generator:ghost'];

/** Adds up page evidence per type (SOURCE-TYPES.md §5.3 weights). */
function score(ctx: RuleContext): Map<SourceType, Score> {
  const scores = new Map<SourceType, Score>();
  const add = (type: SourceType, points: number, evidence: string) => {
    const s = scores.get(type) ?? { points: 0, evidence: [] };
    s.points += points;
    s.evidence.push(evidence);
    scores.set(type, s);
  };
  if (hasSignal(ctx, 'charity:number')) add('charity', 4, t('classify.evidence.charityNumber'));
  if (hasSignal(ctx, 'charity:us-nonprofit')) add('charity', 3, t('classify.evidence.usNonprofit'));
  if (hasSignal(ctx, 'charity:registered')) add('charity', 3, t('classify.evidence.registeredCharity'));
  if (hasSignal(ctx, 'charity:donate') && scores.has('charity')) add('charity', 1, t('classify.evidence.donations'));

  if (hasSignal(ctx, 'shop:')) add('commercial', 4, t('classify.evidence.shop'));
  if (hasSignal(ctx, 'jsonld:Product', 'jsonld:Offer', 'jsonld:Store', 'og:type:product')) add('commercial', 4, t('classify.evidence.product'));
  if (hasSignal(ctx, 'pharma:')) add('commercial', 4, t('classify.evidence.pharma'));
  if (SHOP_PATH.test(ctx.path)) add('commercial', ctx.urlOnly ? 3 : 1, t('classify.evidence.shopAddress'));
  if (hasSignal(ctx, 'jsonld:MedicalClinic', 'jsonld:Physician', 'jsonld:Dentist', 'jsonld:MedicalBusiness')) add('commercial', 2, t('classify.evidence.clinic'));

  if (hasSignal(ctx, 'jsonld:NewsArticle', 'jsonld:ReportageNewsArticle', 'jsonld:AnalysisNewsArticle', 'jsonld:OpinionNewsArticle')) add('news', 3, t('classify.evidence.newsArticle'));
  if (hasSignal(ctx, 'publisher:news')) add('news', 3, t('classify.evidence.newsPublisher'));

  const firstPerson = hasSignal(ctx, 'voice:first-person');
  const blogShape = hasSignal(ctx, 'jsonld:BlogPosting', ...BLOG_PLATFORMS) || DATED_POST_PATH.test(ctx.path) || /\/blog\//.test(ctx.path);
  if (firstPerson) add('peer', blogShape ? 3 : 2, t('classify.evidence.firstPerson'));
  if (firstPerson && hasSignal(ctx, 'author:person')) add('peer', 1, t('classify.evidence.namedAuthor'));
  if (firstPerson && hasSignal(ctx, 'voice:diary')) add('peer', 1, t('classify.evidence.diary'));
  if (ctx.urlOnly && DATED_POST_PATH.test(ctx.path)) add('peer', 2, t('classify.evidence.blogAddress'));
  if (hasSignal(ctx, 'ads:')) {
    for (const type of ['commercial', 'news'] as const) if (scores.has(type)) add(type, 1, t('classify.evidence.adverts'));
  }
  return scores;
}

/** The one-line summary for the type the evidence points to. */
function summary(type: SourceType): string {
  switch (type) {
    case 'charity': return t('classify.evidence.summaryCharity');
    case 'commercial': return t('classify.evidence.summaryCommercial');
    case 'news': return t('classify.evidence.newsArticle');
    case 'peer': return t('classify.evidence.summaryPeer');
    default: return t('classify.evidence.summaryOther', { type: SOURCE_TYPE_LABELS[type] });
  }
}

/** Page evidence when no list knows the host (§5.2 step 7); a single weak cue gives a low-confidence verdict. */
export function evidenceRule(ctx: RuleContext): Finding | undefined {
  let best: [SourceType, Score] | undefined;
  for (const entry of score(ctx)) if (!best || entry[1].points > best[1].points) best = entry;
  if (!best || best[1].points < 2) return undefined;
  const [type, { points, evidence }] = best;
  const confidence = points >= 6 ? 0.65 : points >= 4 ? 0.55 : points >= 3 ? 0.45 : 0.35;
  return {
    type,
    confidence,
    rule: `evidence:${type}`,
    reasons: [summary(type), ...evidence],
    subtype: type === 'peer' ? 'blog post' : undefined,
  };
}
