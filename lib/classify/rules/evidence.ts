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
  if (hasSignal(ctx, 'charity:number')) add('charity', 4, 'The page states a registered charity number.');
  if (hasSignal(ctx, 'charity:us-nonprofit')) add('charity', 3, 'The page says the organisation is a 501(c)(3) non-profit.');
  if (hasSignal(ctx, 'charity:registered')) add('charity', 3, 'The page says the organisation is a registered charity.');
  if (hasSignal(ctx, 'charity:donate') && scores.has('charity')) add('charity', 1, 'The page asks for donations.');

  if (hasSignal(ctx, 'shop:')) add('commercial', 4, 'The page has shop features (basket, prices or a shop platform).');
  if (hasSignal(ctx, 'jsonld:Product', 'jsonld:Offer', 'jsonld:Store', 'og:type:product')) add('commercial', 4, 'The page describes a product for sale.');
  if (hasSignal(ctx, 'pharma:')) add('commercial', 4, 'The page carries pharmaceutical marketing details (job code or prescribing information).');
  if (SHOP_PATH.test(ctx.path)) add('commercial', ctx.urlOnly ? 3 : 1, 'The address has the shape of an online shop\u2019s page.');
  if (hasSignal(ctx, 'jsonld:MedicalClinic', 'jsonld:Physician', 'jsonld:Dentist', 'jsonld:MedicalBusiness')) add('commercial', 2, 'The page describes a clinic or practice as a business.');

  if (hasSignal(ctx, 'jsonld:NewsArticle', 'jsonld:ReportageNewsArticle', 'jsonld:AnalysisNewsArticle', 'jsonld:OpinionNewsArticle')) add('news', 3, 'The page describes itself as a news article.');
  if (hasSignal(ctx, 'publisher:news')) add('news', 3, 'The publisher describes itself as a news organisation.');

  const firstPerson = hasSignal(ctx, 'voice:first-person');
  const blogShape = hasSignal(ctx, 'jsonld:BlogPosting', ...BLOG_PLATFORMS) || DATED_POST_PATH.test(ctx.path) || /\/blog\//.test(ctx.path);
  if (firstPerson) add('peer', blogShape ? 3 : 2, 'The page is written in the first person (I, me, my).');
  if (firstPerson && hasSignal(ctx, 'author:person')) add('peer', 1, 'A named person is the author.');
  if (firstPerson && hasSignal(ctx, 'voice:diary')) add('peer', 1, 'It reads like a personal account ("my diagnosis", "my story").');
  if (ctx.urlOnly && DATED_POST_PATH.test(ctx.path)) add('peer', 2, 'The address has the shape of a post on a personal blog.');
  if (hasSignal(ctx, 'ads:')) {
    for (const t of ['commercial', 'news'] as const) if (scores.has(t)) add(t, 1, 'The page carries adverts.');
  }
  return scores;
}

const SUMMARY: Partial<Record<SourceType, string>> = {
  charity: 'The page says it is from a registered charity or non-profit.',
  commercial: 'The page looks like a company\u2019s: it sells products or carries product marketing.',
  news: 'The page describes itself as a news article.',
  peer: 'This looks like a personal blog post or story, written in the person\u2019s own voice.',
};

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
    reasons: [SUMMARY[type] ?? `The page looks like ${type}.`, ...evidence],
    subtype: type === 'peer' ? 'blog post' : undefined,
  };
}
