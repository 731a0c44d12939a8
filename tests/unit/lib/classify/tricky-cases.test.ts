import { describe, expect, it } from 'vitest';
import { classifySource, type ClassifyInput } from '../../../../lib/classify/classify-source';
import { describeVerdict, publicType } from '../../../../lib/classify/describe-verdict';
import { parseRulePack } from '../../../../lib/classify/rule-pack';
import { sourceVerdictSchema, type SourceType } from '../../../../lib/model/source-type';

/** [what, input, expected type, expected rule, a check on the verdict] */
type Case = [string, ClassifyInput, SourceType, string, (v: ReturnType<typeof classifySource>) => void];

const none = () => undefined;

const CASES: Case[] = [
  // UGC beats the host's type, and the host is named with respect.
  ['charity forum (XenForo on a charity subdomain)', { url: 'https://forum.alzheimers.org.uk/threads/update-on-mum.10871/', signals: ['forum:xenforo'] }, 'peer', 'peer:ugc-host',
    (v) => { expect(v.reasons[0]).toContain("run by Alzheimer's Society (a charity)"); expect(v.facets?.host).toContain("Alzheimer's Society"); expect(v.reasons.join(' ')).not.toMatch(/warn|beware|unreliable/i); }],
  ['Macmillan community forum thread', { url: 'https://community.macmillan.org.uk/cancer_experiences/the-room-forum/f/the_room-forum/284926/my-beautiful-mum-was-let-down', signals: [] }, 'peer', 'peer:ugc-host', (v) => expect(v.facets?.subtype).toBe('forum thread')],
  ['Macmillan staff blog on the community host stays charity', { url: 'https://community.macmillan.org.uk/cancer-blogs/b/community_news?pifragment-13130=2', signals: [] }, 'charity', 'list:charity', none],
  ['patient.info forum is peer, leaflet is commercial', { url: 'https://patient.info/forums/discuss/reducing-pred-531439', signals: [] }, 'peer', 'peer:ugc-host', (v) => expect(v.facets?.host).toContain('Patient')],
  ['patient.info leaflet', { url: 'https://patient.info/health/asthma-leaflet', signals: ['jsonld:MedicalWebPage'] }, 'commercial', 'list:commercial', none],
  ['forum software on an unknown host', { url: 'https://www.katzen-forum.net/threads/pepe.230143/', signals: ['forum:xenforo'] }, 'peer', 'peer:forum-software', none],
  ['SMF board on an unknown host', { url: 'https://support.example.com/message_board/index.php?topic=343886.0', signals: [] }, 'peer', 'peer:forum-path', none],
  ["a carer's story on a charity blog", { url: 'https://www.alzheimers.org.uk/blog/neils-story-part-two-i-fought-keep-mum-home-long-i-could', signals: [] }, 'peer', 'peer:story-path', (v) => expect(v.reasons[0]).toContain("Alzheimer's Society")],

  // Official: suffixes and the allowlist; claims never make a page official.
  ['NHS trust on nhs.uk', { url: 'https://www.midyorks.nhs.uk/managing-effects-of-cancer-treatment', signals: [] }, 'official', 'official:suffix', (v) => expect(v.facets?.subtype).toBe('NHS (local)')],
  ['GP practice on nhs.uk', { url: 'https://thecornersurgery.nhs.uk/Home/Arthritis', signals: [] }, 'official', 'official:suffix', (v) => expect(v.facets?.subtype).toBe('GP practice')],
  ['NHS board on a non-NHS domain (allowlist)', { url: 'https://www.nhsggc.org.uk/your-health/', signals: [] }, 'official', 'official:allowlist', (v) => expect(v.list).toBe('official allowlist v1')],
  ['nhs.uk summary line', { url: 'https://www.nhs.uk/conditions/acne/', signals: [] }, 'official', 'official:suffix', (v) => expect(v.reasons[0]).toMatch(/^nhs\.uk is an NHS website/)],
  ['gov.uk press release is official (news release)', { url: 'https://www.gov.uk/government/news/national-nhs-diabetes-initiative-launched', signals: ['jsonld:NewsArticle', 'govuk:format:press_release'] }, 'official', 'official:suffix', (v) => expect(v.facets?.subtype).toBe('news release')],
  ['lookalike nhs-uk.co', { url: 'https://www.nhs-uk.co/conditions/acne/', signals: ['design:nhsuk', 'jsonld:MedicalWebPage', 'claim:official-website'] }, 'unknown', 'fallback',
    (v) => { expect(v.conflicting?.join(' ')).toContain('not an NHS address'); expect(v.conflicting?.join(' ')).toContain('NHS design system'); }],
  ['nhsconfed.org is a membership body', { url: 'https://www.nhsconfed.org/publications', signals: [] }, 'other', 'list:other', none],
  ['NHS text copied onto a commercial site', { url: 'https://www.onlinepharmacy-example.co.uk/conditions/acne', canonicalUrl: 'https://www.nhs.uk/conditions/acne/', signals: ['design:nhsuk', 'jsonld:MedicalWebPage', 'shop:cart'] }, 'other', 'copy:of-official',
    (v) => { expect(v.facets?.copyOf).toBe('https://www.nhs.uk/conditions/acne/'); expect(v.facets?.subtype).toBe('copy of another site'); }],
  ['NHS markup on a listed retailer stays commercial', { url: 'https://www.boots.com/health/acne', canonicalUrl: 'https://www.nhs.uk/conditions/acne/', signals: ['design:nhsuk'] }, 'commercial', 'list:commercial', (v) => expect(v.facets?.copyOf).toContain('nhs.uk')],
  ['US banner on a bare IP address is not official', { url: 'http://203.0.113.7/pubmed/12345', signals: ['claim:official-website', 'meta:citation', 'meta:citation-journal'] }, 'research', 'research:citation-meta', (v) => expect(v.conflicting?.join(' ')).toContain('official website')],

  // Research beats .gov.
  ['PubMed', { url: 'https://pubmed.ncbi.nlm.nih.gov/38123456/', signals: ['claim:official-website'] }, 'research', 'research:host', none],
  ['PMC', { url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC9202990', signals: [] }, 'research', 'research:host', none],
  ['PMC on the legacy NCBI path', { url: 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC9202990/', signals: [] }, 'research', 'research:host', none],
  ['other NCBI pages are official', { url: 'https://www.ncbi.nlm.nih.gov/home/about/', signals: [] }, 'official', 'official:suffix', none],
  ['ClinicalTrials.gov', { url: 'https://clinicaltrials.gov/ct2/show/NCT03746262', signals: [] }, 'research', 'research:host', none],

  // Commercial shapes.
  ['Shopify blog is commercial (URL only)', { url: 'https://type1tribe.com/blogs/news/navigating-life-with-type-1', signals: [] }, 'commercial', 'evidence:commercial', none],
  ['Shopify blog is commercial (page read)', { url: 'https://shop.example.com/blogs/news/my-story-with-t1d', signals: ['shop:shopify', 'jsonld:BlogPosting', 'voice:first-person'] }, 'commercial', 'evidence:commercial', none],
  ['pharma job code', { url: 'https://www.brand-example.com/about-your-treatment', signals: ['pharma:job-code'] }, 'commercial', 'evidence:commercial', none],

  // Page evidence.
  ['charity number on an unknown site', { url: 'https://www.smallcharity-example.org.uk/about', signals: ['charity:number', 'charity:donate'] }, 'charity', 'evidence:charity', (v) => expect(v.confidence).toBeGreaterThanOrEqual(0.5)],
  ['personal blog with first-person voice', { url: 'https://myasthmalife.example/2023/03/21/lung-health/', signals: ['platform:wordpress', 'jsonld:BlogPosting', 'voice:first-person', 'author:person'] }, 'peer', 'evidence:peer', (v) => expect(v.facets?.subtype).toBe('blog post')],
  ['unknown news site with NewsArticle and news publisher', { url: 'https://www.localpaper.example/news/clinic-opens', signals: ['jsonld:NewsArticle', 'publisher:news'] }, 'news', 'evidence:news', (v) => expect(v.confidence).toBeGreaterThanOrEqual(0.5)],
  ['MedicalWebPage alone changes nothing', { url: 'https://www.clinic-example.co.uk/acne', signals: ['jsonld:MedicalWebPage'] }, 'unknown', 'fallback', (v) => expect(v.confidence).toBeLessThan(0.5)],

  // Wrappers: archives, AMP, proxies, tracking.
  ['Wayback Machine copy of an NHS page', { url: 'https://web.archive.org/web/20150301000000/http://www.nhs.uk/Conditions/diabetes-type2/Pages/Introduction.aspx', signals: [] }, 'official', 'official:suffix',
    (v) => { expect(v.facets?.archivedFrom).toBe('http://www.nhs.uk/Conditions/diabetes-type2/Pages/Introduction.aspx'); expect(v.facets?.archivedAt).toBe('2015-03-01T00:00:00.000Z'); expect(describeVerdict(v)).toContain('archived copy'); }],
  ['National Archives copy of a charity page is not official', { url: 'https://webarchive.nationalarchives.gov.uk/ukgwa/20130107105354/http:/www.diabetes.org.uk/Guide-to-diabetes/', signals: [] }, 'charity', 'list:charity',
    (v) => { expect(v.facets?.archivedFrom).toContain('diabetes.org.uk'); expect(v.reasons.join(' ')).toContain('National Archives'); }],
  ['UNT archive of CDC', { url: 'https://webarchive.library.unt.edu/eot2008/20090115000000/http://www.cdc.gov/diabetes/', signals: [] }, 'official', 'official:suffix', (v) => expect(v.facets?.archivedFrom).toContain('cdc.gov')],
  ['AMP cache', { url: 'https://www-theguardian-com.cdn.ampproject.org/c/s/www.theguardian.com/society/2016/jan/28/diabetes', signals: [] }, 'news', 'list:news', (v) => expect(v.facets?.archivedFrom).toBeUndefined()],
  ['EZproxy host', { url: 'https://bmjopen-bmj-com.ezproxy.example.ac.uk/content/9/1/e1', signals: [] }, 'research', 'research:host', none],
  ['tracking parameters do not matter', { url: 'https://www.tommys.org/pregnancy-information/miscarriage?gclid=abc&utm_source=x', signals: [] }, 'charity', 'list:charity', none],
];

describe('classifySource: tricky cases from SOURCE-TYPES.md', () => {
  it.each(CASES)('%s', (_what, input, type, rule, check) => {
    const v = classifySource(input);
    expect(v.type).toBe(type);
    expect(v.rule).toBe(rule);
    expect(sourceVerdictSchema.safeParse(v).success).toBe(true);
    check(v);
  });

  it('never calls a page official on a lookalike or by its claims alone', () => {
    for (const url of ['https://nhs-uk.co/x', 'https://www.nhsconfed.org/x', 'https://nhs.uk.example.com/x', 'https://www.gov-uk.org/x', 'https://mynhs.uk/x', 'https://nhscharitiestogether.co.uk/x']) {
      expect(classifySource({ url, signals: ['claim:official-website', 'design:nhsuk', 'jsonld:GovernmentOrganization', 'copyright:crown'], siteName: 'NHS' }).type).not.toBe('official');
    }
  });
});

const PACK = {
  format: 'health-clipper-rule-pack',
  formatVersion: 1,
  name: 'Leeds moderators',
  version: '2025-01',
  rules: [
    { host: 'www.example-surgery.co.uk', type: 'official', note: 'GP practice on a supplier domain', subtype: 'GP practice' },
    { host: 'healthline.com', type: 'other', note: 'test override of a built-in list' },
  ],
};

describe('rule packs and user site rules', () => {
  it('parses a valid pack and normalises hosts', () => {
    const parsed = parseRulePack(PACK);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.rules[0]?.host).toBe('example-surgery.co.uk');
  });

  it.each([
    ['wrong format', { ...PACK, format: 'other' }],
    ['wrong version', { ...PACK, formatVersion: 2 }],
    ['bad type', { ...PACK, rules: [{ host: 'a.org', type: 'great', note: 'x' }] }],
    ['bad host', { ...PACK, rules: [{ host: 'not a host', type: 'charity', note: 'x' }] }],
    ['no note', { ...PACK, rules: [{ host: 'a.org', type: 'charity' }] }],
    ['not an object', 'hello'],
  ])('rejects a pack with %s, in plain words', (_what, json) => {
    const parsed = parseRulePack(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(/rule pack/);
  });

  it('a pack beats the built-in lists and names itself as the list', () => {
    const parsed = parseRulePack(PACK);
    if (!parsed.ok) throw new Error('pack did not parse');
    const gp = classifySource({ url: 'https://www.example-surgery.co.uk/appointments', signals: [] }, { rulePacks: [parsed.value] });
    expect(gp).toMatchObject({ type: 'official', rule: 'rule-pack', list: 'Leeds moderators v2025-01', facets: { subtype: 'GP practice' } });
    expect(classifySource({ url: 'https://www.healthline.com/health/x', signals: [] }, { rulePacks: [parsed.value] }).type).toBe('other');
  });

  it('reports "unknown" as "other" for lists of links, and describes verdicts', () => {
    const v = classifySource({ url: 'https://unknown-site.example/', signals: [] });
    expect(publicType(v)).toBe('other');
    expect(describeVerdict(classifySource({ url: 'https://forum.diabetes.org.uk/threads/a.1/', signals: [] }))).toBe('Personal experience (forum thread, run by Diabetes UK (a charity))');
  });
});
