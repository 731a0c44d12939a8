import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classifySource, type ClassifyInput } from '../../../lib/classify/classify-source';
import { describeSubtype } from '../../../lib/classify/describe-subtype';
import { describeVerdict } from '../../../lib/classify/describe-verdict';
import { builtInLists, type DomainList } from '../../../lib/classify/lists/index';
import { readRulePackFile, type RulePack } from '../../../lib/classify/rule-pack';
import { buildClipDraft } from '../../../lib/clip/build-clip-draft';
import { findCharityNumbers } from '../../../lib/clip/charity-numbers';
import { SOURCE_TYPE_LABELS } from '../../../lib/model/source-labels';
import { SOURCE_TYPES, type SourceVerdict } from '../../../lib/model/source-type';
import { parseHTML } from 'linkedom';

/**
 * Every word the classifier and the clipper give the user must come from the
 * catalogue, so a translation reaches all of it. Here every catalogue message
 * is fenced in ⟦ ⟧ (a pseudo-locale): a sentence without the fence was
 * written in the code, and a leftover {name} is a value nobody filled in.
 */
type I18nGlobal = { chrome: { i18n: { getMessage: (name: string, subs?: string | string[]) => string } } };
const i18n = (globalThis as unknown as I18nGlobal).chrome.i18n;
const realGetMessage = i18n.getMessage;

beforeEach(() => {
  vi.spyOn(i18n, 'getMessage').mockImplementation((name: string, subs?: string | string[]) => {
    const text = realGetMessage(name, subs);
    return name === '@@ui_locale' ? text : `⟦${text}⟧`;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Every sentence a verdict shows the user. */
function wordsOf(verdict: SourceVerdict): string[] {
  return [...verdict.reasons, ...(verdict.supporting ?? []), ...(verdict.conflicting ?? [])];
}

function expectTranslated(texts: readonly string[]): void {
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    expect(text, text).toMatch(/^⟦[^]*⟧$/);
    expect(text, text).not.toMatch(/\{[A-Za-z0-9_]+\}/);
  }
}

const PACK: RulePack = {
  format: 'health-clipper-rule-pack',
  formatVersion: 1,
  name: 'Surgeries we know',
  version: '1',
  rules: [{ host: 'example-surgery.co.uk', type: 'official', note: 'A GP practice in our area.' }],
};

/** [what, input, rule id the verdict must come from]: one case per rule and note that has words. */
const CASES: [string, ClassifyInput, string][] = [
  ['an address that cannot be read', { url: 'not a web address', signals: [] }, 'invalid-address'],
  ['a rule pack', { url: 'https://www.example-surgery.co.uk/appointments', signals: [] }, 'rule-pack'],
  ['an NHS suffix with page evidence', { url: 'https://www.nhs.uk/conditions/acne/', signals: ['jsonld:MedicalWebPage', 'copyright:crown', 'design:nhsuk'] }, 'official:suffix'],
  ['a GP practice', { url: 'https://www.thecornersurgery.nhs.uk/', signals: [] }, 'official:suffix'],
  ['an official news release', { url: 'https://www.gov.uk/government/news/new-programme', signals: ['jsonld:NewsArticle'] }, 'official:suffix'],
  ['the official allowlist', { url: 'https://www.nice.org.uk/guidance/ng28', signals: [] }, 'official:allowlist'],
  ['a research host', { url: 'https://pubmed.ncbi.nlm.nih.gov/38123456/', signals: ['meta:citation'] }, 'research:host'],
  ['journal citation tags', { url: 'https://journal.example.org/article/42', signals: ['meta:citation', 'meta:citation-journal'] }, 'research:citation-meta'],
  ['scholarly markup', { url: 'https://papers.example.org/x', signals: ['jsonld:ScholarlyArticle'] }, 'research:citation-meta'],
  ['a copy of an official page', { url: 'https://www.onlinepharmacy-example.co.uk/conditions/acne', canonicalUrl: 'https://www.nhs.uk/conditions/acne/', signals: ['shop:cart'] }, 'copy:of-official'],
  ['a copy of a listed charity page', { url: 'https://example.org/x', canonicalUrl: 'https://www.diabetes.org.uk/guide', signals: ['voice:first-person'] }, 'copy:of-listed-site'],
  ['a listed charity', { url: 'https://www.diabetes.org.uk/guide-to-diabetes', signals: ['charity:number', 'voice:first-person', 'shop:cart', 'ads:google'] }, 'list:charity'],
  ['a listed company', { url: 'https://www.boots.com/health/acne', signals: ['ads:google', 'jsonld:Product'] }, 'list:commercial'],
  ['a listed news publisher', { url: 'https://www.bbc.co.uk/news/health-1', signals: ['jsonld:NewsArticle', 'ads:google'] }, 'list:news'],
  ['a community host', { url: 'https://www.reddit.com/r/ChronicPain/comments/abc/my_story/', signals: ['voice:first-person', 'charity:number', 'forum:discourse'] }, 'peer:ugc-host'],
  ['forum software', { url: 'https://talk.example.org/t/my-pain/123', signals: ['forum:xenforo', 'jsonld:DiscussionForumPosting', 'meta:citation-journal', 'jsonld:NewsArticle'] }, 'peer:forum-software'],
  ['a social post address', { url: 'https://social.example.org/@someone/123456789', signals: [] }, 'peer:forum-path'],
  ['forum markup only', { url: 'https://example.org/page', signals: ['jsonld:SocialMediaPosting'] }, 'peer:forum-markup'],
  ['a story address', { url: 'https://example.org/your-stories/neils-story', signals: [] }, 'peer:story-path'],
  ['charity evidence', { url: 'https://small-charity.example/about', signals: ['charity:number', 'charity:registered', 'charity:donate', 'charity:us-nonprofit'] }, 'evidence:charity'],
  ['shop evidence', { url: 'https://shop.example/products/pills', signals: ['shop:cart', 'jsonld:Product', 'pharma:job-code', 'jsonld:MedicalClinic', 'ads:google'] }, 'evidence:commercial'],
  ['news evidence', { url: 'https://paper.example/story', signals: ['jsonld:NewsArticle', 'publisher:news', 'ads:google'] }, 'evidence:news'],
  ['blog evidence', { url: 'https://someone.example/2023/03/21/my-diagnosis/', signals: ['voice:first-person', 'author:person', 'voice:diary', 'jsonld:NewsArticle'] }, 'evidence:peer'],
  ['an address alone that looks like a blog post', { url: 'https://someone.example/2023/03/21/my-diagnosis/', signals: [] }, 'evidence:peer'],
  ['a lookalike with official claims', { url: 'https://nhs-advice.example.com/acne', signals: ['claim:official-website', 'design:nhsuk', 'jsonld:GovernmentOrganization'], siteName: 'NHS advice' }, 'fallback'],
  ['a gov lookalike at a university', { url: 'https://gov.example.ac.uk/x', signals: [] }, 'fallback'],
  ['an archived page', { url: 'https://web.archive.org/web/20200101000000/https://www.nhs.uk/conditions/asthma/', signals: [] }, 'official:suffix'],
  ['a page opened through Google Translate', { url: 'https://www-nhs-uk.translate.goog/conditions/asthma/', signals: [] }, 'official:suffix'],
];

describe('the words the classifier gives', () => {
  it.each(CASES)('%s: every reason and note comes from the catalogue', (_what, input, rule) => {
    const verdict = classifySource(input, { rulePacks: [PACK] });
    expect(verdict.rule).toBe(rule);
    expectTranslated(wordsOf(verdict));
  });

  it('has supporting and conflicting notes in the cases above, so they are checked too', () => {
    const verdicts = CASES.map(([, input]) => classifySource(input, { rulePacks: [PACK] }));
    expect(verdicts.flatMap((v) => v.supporting ?? []).length).toBeGreaterThan(10);
    expect(verdicts.flatMap((v) => v.conflicting ?? []).length).toBeGreaterThan(5);
  });

  it('labels every type, and one-line descriptions, from the catalogue', () => {
    expectTranslated(SOURCE_TYPES.map((type) => SOURCE_TYPE_LABELS[type]));
    const archived = classifySource(CASES.find(([what]) => what === 'an archived page')![1]);
    expect(describeVerdict(archived)).toMatch(/^⟦⟦[^]*⟧ — archived copy⟧$/);
    expect(describeVerdict({ type: 'peer', confidence: 0.2, reasons: [], facets: { subtype: 'forum thread', host: 'a charity' } }))
      .toBe('⟦⟦⟦Personal experience⟧ (⟦forum thread⟧, ⟦run by a charity⟧)⟧ (not sure)⟧');
  });

  it('names every kind of page the lists and rules give, and shows a rule pack’s own kind as written', () => {
    const fromLists = Object.values(builtInLists()).flatMap((list: DomainList) => list.entries.flatMap((e) => (e.subtype ? [e.subtype] : [])));
    const fromRules = CASES.flatMap(([, input]) => classifySource(input, { rulePacks: [PACK] }).facets?.subtype ?? []);
    const kinds = [...new Set([...fromLists, ...fromRules])];
    expect(kinds.length).toBeGreaterThan(30);
    expectTranslated(kinds.map(describeSubtype));
    expect(describeSubtype('walk-in centre')).toBe('walk-in centre');
  });

  it('refuses a rule-pack file in the catalogue’s words', () => {
    const refusals = [
      readRulePackFile('{"format":"health-clipper-rule-pack","formatVersion":1}'),
      readRulePackFile('[]'),
      readRulePackFile('x'.repeat(2_000_001)),
    ].map((r) => (r.ok ? 'accepted' : r.error.message));
    expect(refusals).not.toContain('accepted');
    expectTranslated(refusals);
  });
});

describe('the words the clipper keeps', () => {
  it('names charity registers from the catalogue', () => {
    const found = findCharityNumbers('Registered charity number 296645. Scottish charity SC041666. NIC100123. We are a 501(c)(3) organisation.');
    expect(found.length).toBe(4);
    expectTranslated(found.map((c) => c.label));
  });

  it('says what a fallback kept in the catalogue’s words', () => {
    const { document, window } = parseHTML('<html><head><title>Empty</title></head><body></body></html>');
    const doc = document as unknown as Document;
    const win = window as unknown as Window;
    const messages = [
      buildClipDraft({ doc, win, url: 'https://example.org/' }, 'selection').fallback?.message ?? '',
      buildClipDraft({ doc, win, url: 'https://example.org/' }, 'article').fallback?.message ?? '',
      buildClipDraft({ doc, win, url: 'https://example.org/' }, 'article', { maxElements: 1 }).fallback?.message ?? '',
    ];
    expectTranslated(messages);
  });
});
