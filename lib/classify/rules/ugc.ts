import { builtInLists, listLabel } from '../lists/index';
import { hasSignal, signalsWith, type Finding, type RuleContext } from './context';
import { findEntry, findOrganisation, OWNER_WORDS } from './lookup';

/** Forum-thread and personal-post shapes that mean members' posts on any host (SOURCE-TYPES.md §4.1, §4.3). */
const THREAD_PATHS: [RegExp, string][] = [
  [/\/threads\/[^/]+\.\d+/, 'forum thread'],
  [/\/(forums?|community|communities|boards?|message_board|messageboard)\/.*(\/t\/|\/threads?\/|\/topics?\/|\/discussions?\/|\/posts?\/|viewtopic|showthread|[?&]topic=|\/\d+)/, 'forum thread'],
  [/\/t\/[^/]+\/\d+/, 'forum thread'],
  [/(viewtopic|showthread|showpost)\.php/, 'forum thread'],
  [/[?&]topic=\d+/, 'forum thread'],
  [/\/topic\/\d+-/, 'forum thread'],
  [/\/discussions?\/\d+/, 'forum thread'],
  [/\/t5\/[^/]+\/[^/]+\/(td-p|m-p)\/\d+/, 'forum thread'],
  [/\/f\/[^/]+\/\d+\//, 'forum thread'],
  [/\/talk\/[^/]+\/\d+/, 'forum thread'],
  [/\/r\/[^/]+\/comments\//, 'forum thread'],
  [/^\/@[^/]+\/\d{6,}/, 'social post'],
  [/\/profile\/[^/]+\/post\//, 'social post'],
  [/\/[^/]+\/status\/\d+/, 'social post'],
  [/\/post\/\d+$/, 'forum thread'],
  [/\/forums?\/\d+\.php$/, 'forum thread'],
  [/\/forums?\/[^/]+\/[^/]*-\d{3,}\/?$/, 'forum thread'],
];

/** Personal-story pages on any host: "my story", "your stories", "Neil's story". */
const STORY_PATH = /\/(my-story|your-stories|personal-stories|real-stories|patient-stories|member-stories|share-your-story|stories-of-hope)(\/|$)|\/[^/]*\b(my-story|[a-z]+s-story)\b[^/]*\/?$/;

const FORUM_SOFTWARE: Record<string, string> = {
  xenforo: 'XenForo',
  vbulletin: 'vBulletin',
  phpbb: 'phpBB',
  invision: 'Invision Community',
  smf: 'Simple Machines Forum',
  mybb: 'MyBB',
  vanilla: 'Vanilla',
  discourse: 'Discourse',
  khoros: 'Khoros',
  telligent: 'Verint (Telligent) community',
  reddit: 'Reddit',
  lemmy: 'Lemmy',
};

/** "forum:xenforo" or "generator:discourse": forum software the page is built with. */
function forumSoftware(ctx: RuleContext): string | undefined {
  for (const s of [...signalsWith(ctx, 'forum:'), ...signalsWith(ctx, 'generator:')]) {
    const key = s.slice(s.indexOf(':') + 1);
    // Own keys only: a page's <meta name="generator" content="constructor"> must not find Object.prototype's function.
    const name = Object.hasOwn(FORUM_SOFTWARE, key) ? FORUM_SOFTWARE[key] : undefined;
    if (name) return name;
  }
  return undefined;
}

/** ", run by Alzheimer's Society (a charity)" for a host that a list names. */
function runBy(ctx: RuleContext, speakerName?: string): { text: string; facet?: string } {
  const org = findOrganisation(ctx.host);
  if (!org || org.entry.name === speakerName) return { text: '' };
  const owner = `${org.entry.name} (${OWNER_WORDS[org.type]})`;
  return { text: `, run by ${owner}`, facet: owner };
}

const RESPECT = 'The words are members\u2019 own, shared from their experience, not the site\u2019s own advice.';

/**
 * User-generated content beats the host's type (SOURCE-TYPES.md §5.2 step 3):
 * known community hosts and paths, forum software, forum and story paths,
 * and forum or social-post markup.
 */
export function ugcRule(ctx: RuleContext): Finding | undefined {
  const list = builtInLists().ugcHosts;
  const entry = findEntry(list, ctx.host, ctx.address.path);
  const software = forumSoftware(ctx);
  if (entry) {
    const by = runBy(ctx, entry.name);
    const isBlog = entry.subtype === 'blog post';
    const what = isBlog ? 'A post on a blog hosted by' : entry.subtype === 'story collection' ? 'A personal account on' : entry.subtype === 'social post' ? 'A post on' : 'A member\u2019s post on';
    return {
      type: 'peer',
      confidence: 0.9,
      rule: 'peer:ugc-host',
      list: listLabel(list),
      reasons: [
        `${what} ${entry.name}${by.text}.`,
        `${entry.name}: ${entry.note}.`,
        isBlog ? 'Blogs there are mostly written by people about their own lives.' : RESPECT,
      ],
      supporting: software ? [`Built with ${software} forum software.`] : [],
      subtype: entry.subtype,
      hostFacet: by.facet ?? (isBlog ? undefined : entry.name),
    };
  }
  const lowerPath = ctx.path;
  const shape = THREAD_PATHS.find(([re]) => re.test(lowerPath));
  const markup = signalsWith(ctx, 'jsonld:').find((s) => /^jsonld:(DiscussionForumPosting|SocialMediaPosting)$/.test(s));
  if (software || shape || markup) {
    const by = runBy(ctx);
    const subtype = shape?.[1] ?? (markup === 'jsonld:SocialMediaPosting' ? 'social post' : 'forum thread');
    const evidence = [
      software ? `The page is built with ${software} forum software.` : '',
      shape ? `The address has the shape of a ${shape[1]}.` : '',
      markup ? `The page marks itself up as a ${markup === 'jsonld:SocialMediaPosting' ? 'social media post' : 'forum post'}.` : '',
    ].filter(Boolean);
    const strong = Boolean(software) || (Boolean(shape) && Boolean(markup));
    const summary = shape || software
      ? `A member\u2019s post in a ${subtype} on ${ctx.host}${by.text}.`
      : `A member\u2019s post: the page marks itself up as a forum or social post${by.text}.`;
    return {
      type: 'peer',
      confidence: strong ? 0.85 : shape && by.facet ? 0.8 : 0.7,
      rule: software ? 'peer:forum-software' : shape ? 'peer:forum-path' : 'peer:forum-markup',
      reasons: [summary, ...evidence, RESPECT],
      subtype,
      hostFacet: by.facet,
    };
  }
  // Shopify blogs are a shop's marketing, however personal the title (SOURCE-TYPES.md §4.1).
  if (STORY_PATH.test(lowerPath) && !hasSignal(ctx, 'jsonld:NewsArticle', 'shop:') && !/\/blogs\/[^/]+\//.test(lowerPath)) {
    const by = runBy(ctx);
    const org = findOrganisation(ctx.host);
    return {
      type: 'peer',
      confidence: org ? 0.7 : 0.55,
      rule: 'peer:story-path',
      reasons: [
        org ? `A personal story on ${ctx.host}, the website of ${org.entry.name} (${OWNER_WORDS[org.type]}).` : `A personal story on ${ctx.host}.`,
        'The address marks it as someone\u2019s own story of their experience.',
      ],
      subtype: 'personal story',
      hostFacet: by.facet,
    };
  }
  return undefined;
}
