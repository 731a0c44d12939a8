import { describe, expect, it } from 'vitest';
import { classifySource } from '../../../../lib/classify/classify-source';
import { sourceVerdictSchema, type SourceType } from '../../../../lib/model/source-type';

/** [what, url, signals, expected type, text the first reason must contain] */
type Case = [string, string, string[], SourceType, string];

const CASES: Case[] = [
  // Official: reserved suffixes and the allowlist, matched by whole labels.
  ['nhs.uk condition page', 'https://www.nhs.uk/conditions/type-2-diabetes/', ['jsonld:MedicalWebPage'], 'official', '.nhs.uk'],
  ['NHS 111 subdomain', 'https://111.nhs.uk/emergency-prescription', [], 'official', '.nhs.uk'],
  ['NHS trust subdomain', 'https://www.christie.nhs.uk/patients-and-visitors/services/', [], 'official', '.nhs.uk'],
  ['legacy Scottish health board', 'https://www.nhsggc.scot.nhs.uk/your-health/', [], 'official', '.nhs.uk'],
  ['NHS Wales body', 'https://phw.nhs.wales/topics/', [], 'official', '.nhs.wales'],
  ['NHS Scotland body', 'https://www.nhs.scot/', [], 'official', '.nhs.scot'],
  ['NHS inform on an open domain', 'https://www.nhsinform.scot/illnesses-and-conditions/', [], 'official', 'nhsinform.scot'],
  ['gov.uk guidance', 'https://www.gov.uk/government/publications/type-2-diabetes-prevention', [], 'official', '.gov.uk'],
  ['gov.uk news story is still official', 'https://www.gov.uk/government/news/new-diabetes-programme', ['jsonld:NewsArticle'], 'official', '.gov.uk'],
  ['local council on gov.uk', 'https://www.birmingham.gov.uk/info/50115/adult_social_care', [], 'official', '.gov.uk'],
  ['MHRA Yellow Card', 'https://yellowcard.mhra.gov.uk/', [], 'official', 'mhra.gov.uk'],
  ['NICE guidance on .org.uk', 'https://www.nice.org.uk/guidance/ng28', [], 'official', 'nice.org.uk'],
  ['CDC on .gov', 'https://www.cdc.gov/diabetes/basics/type2.html', [], 'official', '.gov'],
  ['WHO on .int', 'https://www.who.int/news-room/fact-sheets/detail/diabetes', [], 'official', '.int'],
  ['EMA on europa.eu', 'https://www.ema.europa.eu/en/medicines', [], 'official', '.europa.eu'],
  ['HSE Ireland', 'https://www2.hse.ie/conditions/type-2-diabetes/', [], 'official', 'hse.ie'],
  ['upper-case host', 'https://WWW.NHS.UK/conditions/acne/', [], 'official', '.nhs.uk'],

  // Not official, whatever the name says.
  // A membership body for NHS organisations: on the "other organisations" list, never official.
  ['nhsconfed.org is a membership body', 'https://www.nhsconfed.org/articles/nhs-workforce', [], 'other', 'nhsconfed.org'],
  ['a lookalike that contains nhs.uk', 'https://nhs.uk.health-advice.example.com/conditions/acne', [], 'unknown', 'nhs.uk.health-advice.example.com'],
  ['a host that ends in "nhs.uk" without the dot', 'https://www.mynhs.uk/conditions/acne', ['jsonld:MedicalWebPage'], 'unknown', 'mynhs.uk'],

  // Research beats the .gov suffix.
  ['PubMed abstract', 'https://pubmed.ncbi.nlm.nih.gov/38123456/', ['meta:citation'], 'research', 'pubmed.ncbi.nlm.nih.gov'],
  ['PMC full text', 'https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/', [], 'research', 'pmc.ncbi.nlm.nih.gov'],
  ['ClinicalTrials.gov record', 'https://clinicaltrials.gov/ct2/show/NCT03746262?term=Guardant+Health', [], 'research', 'clinicaltrials.gov'],
  ['BMJ article', 'https://www.bmj.com/content/384/bmj-2023-076000', ['meta:citation'], 'research', 'bmj.com'],
  ['unknown journal host with citation tags', 'https://journal.example.org/article/42', ['meta:citation'], 'research', 'citation'],
  ['unknown host declaring a ScholarlyArticle', 'https://papers.example.org/x', ['jsonld:ScholarlyArticle'], 'research', 'scholarly article'],

  // Charities.
  ['Diabetes UK guide', 'https://www.diabetes.org.uk/about-diabetes/looking-after-diabetes/hypos', ['og:type:article'], 'charity', 'Diabetes UK'],
  ['Mind information page', 'https://www.mind.org.uk/information-support/types-of-mental-health-problems/depression/', [], 'charity', 'Mind'],
  ['Macmillan on its main site', 'https://www.macmillan.org.uk/cancer-information-and-support', [], 'charity', 'Macmillan'],
  ['American Diabetes Association (diabetes.org, not diabetes.org.uk)', 'https://diabetes.org/about-diabetes/type-2', [], 'charity', 'American Diabetes Association'],

  // Peer: forums and personal posts, even on a charity's host.
  ['forum path on a charity host', 'https://www.mssociety.org.uk/forum/t/fatigue-and-work/12345', [], 'peer', 'MS Society'],
  ['forums path on a charity host', 'https://www.bhf.org.uk/forums/heart-conditions/threads/123', [], 'peer', 'British Heart Foundation'],
  ['personal story on a charity host', 'https://www.tommys.org/pregnancy-information/your-stories/our-rainbow-baby', [], 'peer', "Tommy's"],
  ["Alzheimer's Society forum subdomain", 'https://forum.alzheimers.org.uk/threads/mum-wont-accept-help-with-personal-care.145623/', ['jsonld:DiscussionForumPosting'], 'peer', "Alzheimer's Society"],
  ['Diabetes UK forum subdomain', 'https://forum.diabetes.org.uk/threads/newly-diagnosed.98765/', [], 'peer', 'Diabetes UK'],
  ['Macmillan community', 'https://community.macmillan.org.uk/cancer_types/bowel-cancer/f/bowel-cancer-forum/12345/first-chemo', [], 'peer', 'Macmillan'],
  ['HealthUnlocked post', 'https://healthunlocked.com/parkinsonsmovement/posts/142058845/artane-anyone', [], 'peer', 'HealthUnlocked'],
  ['Reddit thread', 'https://www.reddit.com/r/diabetes_t2/comments/abc123/one_year_in/', [], 'peer', 'Reddit'],
  ['old.reddit thread', 'https://old.reddit.com/r/diabetes_t2/comments/abc123/one_year_in/', [], 'peer', 'Reddit'],
  ['Mumsnet Talk', 'https://www.mumsnet.com/talk/pregnancy/4901234-gestational-diabetes', [], 'peer', 'Mumsnet'],
  ['wordpress.com blog', 'https://sugarstepsandme.wordpress.com/2024/03/12/one-year-with-type-2-diabetes/', ['jsonld:BlogPosting', 'generator:wordpress.com'], 'peer', 'WordPress.com'],
  ['Blogger blog', 'https://livingwithlupus.blogspot.com/2023/05/flare.html', [], 'peer', 'Blogger'],
  ['Medium post', 'https://medium.com/@someone/my-long-covid-year-1a2b3c', [], 'peer', 'Medium'],
  ['Discourse forum on an unknown host', 'https://forum.tudiabetes.org/t/pump-problems/98765', ['generator:discourse'], 'peer', 'Beyond Type 1'],
  ['XenForo thread on an unknown host', 'https://www.diabetes.co.uk/forum/threads/newly-diagnosed.12345/', [], 'peer', 'forum thread'],
  ['phpBB topic on an unknown host', 'https://www.example-support.org/viewtopic.php?t=555', [], 'peer', 'forum thread'],
  ['a forum post with no forum path', 'https://support.example.org/q/123', ['jsonld:DiscussionForumPosting'], 'peer', 'forum or social post'],
  ['a social post', 'https://social.example/@carer/1100', ['jsonld:SocialMediaPosting'], 'peer', 'forum'],

  // News.
  ['BBC News health story', 'https://www.bbc.co.uk/news/health-68412345', ['jsonld:NewsArticle'], 'news', 'bbc.co.uk'],
  ['BBC on .com', 'https://www.bbc.com/news/articles/c0000000000o', [], 'news', 'bbc.com'],
  ['Guardian', 'https://www.theguardian.com/society/2024/feb/27/diabetes', [], 'news', 'theguardian.com'],
  ['unknown host declaring a NewsArticle', 'https://www.localpaper.example/news/clinic-opens', ['jsonld:NewsArticle'], 'news', 'news article'],

  // Commercial.
  ['WebMD', 'https://www.webmd.com/diabetes/type-2-diabetes', [], 'commercial', 'webmd.com'],
  ['WebMD mobile host', 'https://m.webmd.com/diabetes/type-2-diabetes', [], 'commercial', 'webmd.com'],
  ['Healthline', 'https://www.healthline.com/nutrition/ways-to-measure-body-fat', [], 'commercial', 'healthline.com'],
  ['patient.info health leaflet', 'https://patient.info/diabetes/type-2-diabetes', [], 'commercial', 'patient.info'],
  ['supplement shop with Product JSON-LD', 'https://www.purevitalityhealth.co.uk/products/vitamin-d3-4000iu-softgels', ['jsonld:Product', 'og:type:product'], 'commercial', 'product'],
  ['shop declaring only og:type product', 'https://shop.example.co.uk/p/123', ['og:type:product'], 'commercial', 'product'],

  // Unknown, with a reason that names the host and says what to do.
  ['a private clinic', 'https://www.example-clinic.co.uk/treatments/acne', [], 'unknown', 'example-clinic.co.uk'],
  ['a private clinic declaring MedicalWebPage', 'https://www.example-clinic.co.uk/treatments/acne', ['jsonld:MedicalWebPage'], 'unknown', 'set the type yourself'],
  // Platform is not peer (SOURCE-TYPES §4.1): a self-hosted WordPress blog stays unknown.
  ['a self-hosted WordPress blog', 'https://www.mytype2life.co.uk/2024/03/12/first-year/', ['jsonld:BlogPosting', 'generator:wordpress'], 'unknown', 'mytype2life.co.uk'],
  ['not an address', 'not a url', [], 'unknown', 'could not be read'],
];

describe('classifySource', () => {
  it.each(CASES)('%s -> %s', (_what, url, signals, type, reason) => {
    const verdict = classifySource({ url, signals });
    expect(verdict.type).toBe(type);
    expect(verdict.reasons[0]).toContain(reason);
  });

  it.each(CASES)('%s: a valid verdict with at least one plain reason', (_what, url, signals) => {
    const verdict = classifySource({ url, signals });
    expect(sourceVerdictSchema.safeParse(verdict).success).toBe(true);
    expect(verdict.reasons.length).toBeGreaterThanOrEqual(1);
    for (const reason of verdict.reasons) expect(reason.trim().length).toBeGreaterThan(10);
    expect(verdict.confidence).toBeGreaterThanOrEqual(0);
    expect(verdict.confidence).toBeLessThanOrEqual(1);
  });

  it('is surer about a known domain than about what a page says of itself', () => {
    const byDomain = classifySource({ url: 'https://www.bbc.co.uk/news/health-1', signals: [] });
    const bySignal = classifySource({ url: 'https://www.localpaper.example/news/1', signals: ['jsonld:NewsArticle'] });
    const byNothing = classifySource({ url: 'https://www.example-clinic.co.uk/', signals: [] });
    expect(byDomain.confidence).toBeGreaterThan(bySignal.confidence);
    expect(bySignal.confidence).toBeGreaterThan(byNothing.confidence);
  });

  it('does not let a page on an official host call itself something else', () => {
    const verdict = classifySource({ url: 'https://www.nhs.uk/conditions/acne/', signals: ['jsonld:Product', 'jsonld:NewsArticle'] });
    expect(verdict.type).toBe('official');
  });

  it('does not let a page claim official status by its signals or site name', () => {
    const verdict = classifySource({ url: 'https://nhs-advice.example.com/conditions/acne/', signals: ['jsonld:MedicalWebPage'], siteName: 'NHS' });
    expect(verdict.type).toBe('unknown');
  });

  // BUG (lib/classify/classify-source.ts): the forum-path rule only counts on
  // charity hosts, so a forum thread on a commercial host takes the host's
  // type. SOURCE-TYPES.md §0.3 and §4.1: patient.info forums are peer.
  it('labels a forum thread on a commercial host as peer', () => {
    const verdict = classifySource({ url: 'https://patient.info/forums/discuss/metformin-side-effects-764512', signals: [] });
    expect(verdict.type).toBe('peer');
  });
});
