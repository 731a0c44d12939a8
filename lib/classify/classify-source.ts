import type { PageFacts } from '../model/clip';
import type { SourceVerdict } from '../model/source-type';
import {
  CHARITY_DOMAINS, COMMERCIAL_DOMAINS, NEWS_DOMAINS, OFFICIAL_DOMAINS, OFFICIAL_SUFFIXES,
  PEER_HOSTS, RESEARCH_DOMAINS,
} from './domain-lists';
import { bareHost, findDomain } from './host';

/** What the classifier reads: the address and what the page said about itself. */
export type ClassifyInput = Pick<PageFacts, 'url' | 'signals'> & { siteName?: string };

/** Path shapes of forum threads and personal posts on any host. */
const PEER_PATH = /\/(forums?|community|boards|threads|discussion|talk|t)\/|viewtopic\.php|showthread\.php|\/r\/[^/]+\/comments\/|\/@[^/]+\/|\/(my-story|personal-stories|your-stories)\b/i;
const PEER_SIGNALS = /^(jsonld:(DiscussionForumPosting|SocialMediaPosting|Comment)|generator:(discourse|vbulletin|phpbb|xenforo|mybb|smf))$/i;
const RESEARCH_SIGNALS = /^(meta:citation|jsonld:(ScholarlyArticle|MedicalScholarlyArticle))$/;
const NEWS_SIGNALS = /^jsonld:(NewsArticle|ReportageNewsArticle)$/;
const PRODUCT_SIGNALS = /^(jsonld:(Product|Offer|Store)|og:type:product)$/;

const verdict = (type: SourceVerdict['type'], confidence: number, ...reasons: string[]): SourceVerdict => ({
  type,
  confidence,
  reasons,
});

/**
 * A first, simple verdict on who is speaking: domain lists and suffixes
 * first, then forum and blog shapes, then what the page declares about
 * itself. Describes the source; never rates whether it is right. Every
 * verdict carries the reasons shown to the user.
 */
export function classifySource(input: ClassifyInput): SourceVerdict {
  let host: string;
  try {
    host = bareHost(input.url);
  } catch {
    return verdict('unknown', 0, 'The address could not be read.');
  }
  const path = new URL(input.url).pathname + new URL(input.url).search;
  const signals = input.signals;
  const has = (re: RegExp) => signals.find((s) => re.test(s));

  const research = findDomain(host, RESEARCH_DOMAINS);
  if (research) return verdict('research', 0.9, `${research} publishes research and scholarly records.`);

  const peerHost = findDomain(host, Object.keys(PEER_HOSTS));
  if (peerHost) {
    return verdict('peer', 0.85, `This is a post on ${PEER_HOSTS[peerHost] ?? peerHost}, where members share their own experience.`);
  }
  const peerSignal = has(PEER_SIGNALS);
  const peerPath = PEER_PATH.test(path);
  const charity = findDomain(host, Object.keys(CHARITY_DOMAINS));
  const commercial = findDomain(host, COMMERCIAL_DOMAINS);
  // Members speak for themselves even on a charity's or a company's site
  // (patient.info forums, a charity's community): the voice is peer.
  if (peerPath && (peerSignal || charity || commercial)) {
    const hostName = charity ? ` run by ${CHARITY_DOMAINS[charity] ?? charity}` : commercial ? ` on ${commercial}` : '';
    return verdict('peer', 0.8, `This looks like a members' discussion${hostName}: the address has a forum path.`);
  }
  if (peerSignal) return verdict('peer', 0.7, 'The page describes itself as a forum or social post.');

  const officialDomain = findDomain(host, OFFICIAL_DOMAINS);
  if (officialDomain) return verdict('official', 0.9, `${officialDomain} is a public body.`);
  const officialSuffix = findDomain(host, Object.keys(OFFICIAL_SUFFIXES));
  if (officialSuffix) {
    const owners = OFFICIAL_SUFFIXES[officialSuffix] ?? 'public bodies';
    return verdict('official', 0.9, `The address ends in .${officialSuffix}, which only ${owners} can use.`);
  }

  if (charity) return verdict('charity', 0.85, `${charity} is the website of ${CHARITY_DOMAINS[charity] ?? 'a registered charity'}.`);

  const news = findDomain(host, NEWS_DOMAINS);
  if (news) return verdict('news', 0.85, `${news} is a news organisation.`);
  if (commercial) return verdict('commercial', 0.8, `${commercial} is run by a company.`);

  if (has(RESEARCH_SIGNALS)) return verdict('research', 0.7, 'The page carries scholarly citation details.');
  if (has(PRODUCT_SIGNALS)) return verdict('commercial', 0.6, 'The page describes a product for sale.');
  if (has(NEWS_SIGNALS)) return verdict('news', 0.5, 'The page describes itself as a news article.');
  if (peerPath) return verdict('peer', 0.5, 'The address looks like a forum thread or personal story.');

  return verdict('unknown', 0.2, `We do not know ${host} yet. You can set the type yourself.`);
}
