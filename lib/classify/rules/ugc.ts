import { t } from '../../i18n';
import { builtInLists, listLabel } from '../lists/index';
import { hasSignal, signalsWith, type Finding, type RuleContext } from './context';
import { findEntry, findOrganisation, ownerWords } from './lookup';

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

/** Product names, the same in every language. */
const FORUM_SOFTWARE: Record<string, string> = {
  xenforo: 'XenForo',
  vbulletin: 'vBulletin',
  phpbb: 'phpBB',
  invision: 'Invision Community', // i18n-ignore: product name
  smf: 'Simple Machines Forum', // i18n-ignore: product name
  mybb: 'MyBB',
  vanilla: 'Vanilla',
  discourse: 'Discourse',
  khoros: 'Khoros',
  telligent: 'Verint (Telligent) community', // i18n-ignore: product name
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
  const owner = `${org.entry.name} (${ownerWords(org.type)})`;
  return { text: t('classify.ugc.runBy', { owner }), facet: owner };
}


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
    const who = { name: entry.name, runBy: by.text };
    const summary = isBlog
      ? t('classify.ugc.blogPost', who)
      : entry.subtype === 'story collection'
        ? t('classify.ugc.storyCollection', who)
        : entry.subtype === 'social post' ? t('classify.ugc.socialPost', who) : t('classify.ugc.memberPost', who);
    return {
      type: 'peer',
      confidence: 0.9,
      rule: 'peer:ugc-host',
      list: listLabel(list),
      reasons: [
        summary,
        t('classify.listNote', { name: entry.name, note: entry.note }),
        isBlog ? t('classify.ugc.blogsThere') : t('classify.ugc.respect'),
      ],
      supporting: software ? [t('classify.ugc.builtWith', { software })] : [],
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
      software ? t('classify.ugc.pageBuiltWith', { software }) : '',
      shape ? t(shape[1] === 'social post' ? 'classify.ugc.shapeSocial' : 'classify.ugc.shapeThread') : '',
      markup ? t(markup === 'jsonld:SocialMediaPosting' ? 'classify.ugc.markupSocial' : 'classify.ugc.markupForum') : '',
    ].filter(Boolean);
    const strong = Boolean(software) || (Boolean(shape) && Boolean(markup));
    const summary = shape || software
      ? t(subtype === 'social post' ? 'classify.ugc.postInSocial' : 'classify.ugc.postInThread', { host: ctx.host, runBy: by.text })
      : t('classify.ugc.postByMarkup', { runBy: by.text });
    return {
      type: 'peer',
      confidence: strong ? 0.85 : shape && by.facet ? 0.8 : 0.7,
      rule: software ? 'peer:forum-software' : shape ? 'peer:forum-path' : 'peer:forum-markup',
      reasons: [summary, ...evidence, t('classify.ugc.respect')],
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
        org
          ? t('classify.ugc.storyOnOrg', { host: ctx.host, name: org.entry.name, owner: ownerWords(org.type) })
          : t('classify.ugc.storyOn', { host: ctx.host }),
        t('classify.ugc.storyPath'),
      ],
      subtype: 'personal story',
      hostFacet: by.facet,
    };
  }
  return undefined;
}
