import { findCharityNumbers } from './charity-numbers';
import { jsonLdTypes, type JsonLdNode } from './json-ld';
import type { PageText } from './page-text';

/**
 * Page evidence for the classifier, as short signal strings (lib/classify
 * reads them; the two modules share only this vocabulary):
 * forum:<software>, platform:<name>, shop:<marker>, pharma:<marker>,
 * charity:number | charity:us-nonprofit | charity:registered | charity:donate,
 * ads:network, voice:first-person, voice:diary, author:person,
 * author:organization, publisher:news, claim:official-website, design:nhsuk,
 * copyright:crown, govuk:format:<format>, meta:citation-journal.
 */

const AD_HOSTS = /adsbygoogle|googlesyndication|doubleclick\.net|googletagservices|securepubads|taboola|outbrain|amazon-adsystem|adnxs\.com|criteo|pubmatic|rubiconproject|moatads|openx\.net|adform/i;

const MAX_RESOURCES = 400;

/** Script and stylesheet addresses, capped. */
function resourceUrls(doc: Document): string {
  const urls: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('script[src], link[href], img[src]')).slice(0, MAX_RESOURCES)) {
    urls.push(el.getAttribute('src') ?? el.getAttribute('href') ?? '');
  }
  return urls.join('\n');
}

/** Inline script text, capped (Shopify and ad tags are set up inline). */
function inlineScripts(doc: Document): string {
  let out = '';
  for (const el of Array.from(doc.querySelectorAll('script:not([src])')).slice(0, 100)) {
    out += `${(el.textContent ?? '').slice(0, 5_000)}\n`;
    if (out.length > 150_000) break;
  }
  return out;
}

const MAX_ELEMENTS = 20_000;

/**
 * Ad slots and basket buttons found by id and class names in one pass over
 * the elements (attribute-substring selectors are slow on big pages).
 */
function markers(doc: Document): { adSlot: boolean; cart: boolean } {
  // A static list: indexing a live HTMLCollection is slow in some DOMs (quadratic in jsdom).
  const all = (doc.body ?? doc.documentElement).querySelectorAll('[id], [class]');
  let adSlot = false;
  let cart = false;
  const count = Math.min(all.length, MAX_ELEMENTS);
  for (let i = 0; i < count && !(adSlot && cart); i += 1) {
    const el = all.item(i);
    if (!el) break;
    const names = `${el.id} ${el.getAttribute('class') ?? ''}`;
    if (names.length < 3) continue;
    if (!adSlot && /\b(div-gpt-ad|google_ads)|ad-slot|adslot/i.test(names)) adSlot = true;
    if (!cart && /add-to-(cart|basket)|add_to_cart|addtocart|addtobasket/i.test(names)) cart = true;
  }
  return { adSlot, cart };
}

/**
 * What the page's markup says about its scripts, ad slots and basket
 * buttons, read at most once per page by both the evidence signals and the
 * quality facts (each used to read it again).
 */
export interface PageMarkup {
  /** Script, stylesheet and image addresses, capped. */
  readonly resources: string;
  /** Inline script text, capped. */
  readonly inline: string;
  /** Ad slots and basket buttons by id and class (read on first use). */
  markers(): { adSlot: boolean; cart: boolean };
  /** hasAdMarkers for this page (worked out on first use). */
  hasAds(): boolean;
}

/** Reads the page's markup for the evidence readers; the slower parts wait until asked for. */
export function readPageMarkup(doc: Document): PageMarkup {
  let found: { adSlot: boolean; cart: boolean } | undefined;
  let ads: boolean | undefined;
  const markup: PageMarkup = {
    resources: resourceUrls(doc),
    inline: inlineScripts(doc),
    markers: () => (found ??= markers(doc)),
    hasAds: () => (ads ??= adMarkersIn(doc, markup)),
  };
  return markup;
}

function adMarkersIn(doc: Document, markup: PageMarkup): boolean {
  return (
    AD_HOSTS.test(markup.resources) ||
    /adsbygoogle|googletag\.(cmd|defineSlot)|taboola|outbrain/i.test(markup.inline) ||
    Boolean(doc.querySelector('ins.adsbygoogle, [data-ad-slot]')) ||
    markup.markers().adSlot
  );
}

/** True when the page carries ad slots or ad-network scripts (SOURCE-TYPES.md §1.8). */
export function hasAdMarkers(doc: Document, markup: PageMarkup = readPageMarkup(doc)): boolean {
  return markup.hasAds();
}

function forumSoftware(doc: Document, footer: string, resources: string): string | undefined {
  const html = doc.documentElement;
  const id = html.getAttribute('id') ?? '';
  if (id === 'XF' || id === 'XenForo' || /Forum software by XenForo/i.test(footer)) return 'xenforo';
  if (id === 'vbulletin_html' || /Powered by vBulletin/i.test(footer)) return 'vbulletin';
  if (/Powered by phpBB/i.test(footer) || doc.body?.id === 'phpbb') return 'phpbb';
  if (/Powered by Invision Community|Invision Power Services/i.test(footer) || doc.querySelector('.ipsLayout, #ipsLayout_header')) return 'invision';
  if (/Powered by SMF|Simple Machines/i.test(footer) || /smf_(scripturl|theme_url)/.test(resources)) return 'smf';
  if (/Powered By MyBB/i.test(footer)) return 'mybb';
  if (/Powered by Vanilla/i.test(footer)) return 'vanilla';
  if (/lithium|khoros/i.test(resources)) return 'khoros';
  if (/\/cfs-file\/|telligent/i.test(resources)) return 'telligent';
  if (doc.querySelector('shreddit-post, shreddit-comment') || doc.querySelector('div.thing[data-fullname]')) return 'reddit';
  return undefined;
}

function platforms(doc: Document, resources: string, generator: string): string[] {
  const out: string[] = [];
  if (/wordpress/i.test(generator) || /\/wp-content\/|\/wp-includes\/|s0\.wp\.com/.test(resources) || doc.querySelector('link[rel="https://api.w.org/"]')) out.push('wordpress');
  if (/blogger/i.test(generator) || /blogger\.com\/(static|feeds|dyn-css)|blogblog\.com/.test(resources)) out.push('blogger');
  if (/ghost/i.test(generator)) out.push('ghost');
  if (/squarespace/i.test(resources) || /squarespace/i.test(generator)) out.push('squarespace');
  if (/wix\.com/i.test(generator) || /static\.wixstatic\.com|parastorage\.com/.test(resources)) out.push('wix');
  if (/substackcdn\.com/.test(resources)) out.push('substack');
  if (/miro\.medium\.com|cdn-client\.medium\.com/.test(resources)) out.push('medium');
  if (/assets\.tumblr\.com/.test(resources)) out.push('tumblr');
  if (/drupal/i.test(generator)) out.push('drupal');
  return out;
}

/** Singular first-person words in English, German, French, Spanish and Dutch. */
const FIRST_PERSON = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'mine', 'myself', 'ich', 'mich', 'mir', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'je', "j'ai", 'moi', 'mon', 'ma', 'mes', 'yo', 'mis', 'ik', 'mijn']);
const DIARY = /\b(i was diagnosed|my diagnosis|my journey|my story|since my|my (mum|mom|dad|husband|wife|son|daughter|partner)|has anyone else|does anyone know|thank you all|update:)/i;

/** The share of first-person words in the main text (SOURCE-TYPES.md §4.4). */
function firstPersonShare(doc: Document, fallback: string): { share: number; count: number } {
  const main = doc.querySelector('article, main, [role="main"], .post, .entry-content, #content');
  const text = (main?.textContent ?? fallback).slice(0, 40_000).replace(/[\u2018\u2019]/g, "'");
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let count = 0;
  for (const w of words) if (FIRST_PERSON.has(w)) count += 1;
  return { share: words.length ? count / words.length : 0, count };
}

function jsonLdTypeOf(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const t: unknown = Object.getOwnPropertyDescriptor(value, '@type')?.value;
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

function jsonLdRoles(nodes: readonly JsonLdNode[]): string[] {
  const out = new Set<string>();
  for (const node of nodes) {
    const authors = Array.isArray(node['author']) ? node['author'] : [node['author']];
    for (const a of authors) {
      const types = jsonLdTypeOf(a);
      if (types.includes('Person')) out.add('author:person');
      if (types.some((t) => /Organization$/.test(t))) out.add('author:organization');
    }
    if (jsonLdTypeOf(node['publisher']).includes('NewsMediaOrganization') || jsonLdTypes(node).includes('NewsMediaOrganization')) out.add('publisher:news');
  }
  return [...out];
}

/** Evidence signals about who runs the page, read from markup and text without layout. */
export function collectEvidenceSignals(doc: Document, nodes: readonly JsonLdNode[], text: PageText, generator: string, markup: PageMarkup = readPageMarkup(doc)): string[] {
  const out: string[] = [];
  const { resources, inline } = markup;
  const software = forumSoftware(doc, text.footer, resources);
  if (software) out.push(`forum:${software}`);
  for (const p of platforms(doc, resources, generator)) out.push(`platform:${p}`);

  if (/cdn\.shopify\.com|shopifycdn/.test(resources) || /Shopify\.shop\s*=/.test(inline)) out.push('shop:shopify');
  if (doc.querySelector('.woocommerce, body.woocommerce-page, .add_to_cart_button')) out.push('shop:woocommerce');
  if (doc.querySelector('form[action*="/cart/add"], button[name="add-to-cart"], [data-action="add-to-cart"]') || markup.markers().cart) out.push('shop:cart');
  if (/\bjob (code|bag|number|no\.?)\s*:?\s*[A-Z0-9][A-Z0-9/-]{3,}|\bdate of preparation\b/i.test(text.footer) || /\bprescribing information\b/i.test(text.footer)) out.push('pharma:job-code');

  const charity = findCharityNumbers(text.footer);
  if (charity.some((c) => c.kind === 'number')) out.push('charity:number');
  if (charity.some((c) => c.kind === 'us-nonprofit')) out.push('charity:us-nonprofit');
  if (charity.some((c) => c.kind === 'registered')) out.push('charity:registered');
  if (doc.querySelector('a[href*="donate"], a[href*="Donate"]')) out.push('charity:donate');

  if (markup.hasAds()) out.push('ads:network');

  const voice = firstPersonShare(doc, text.text);
  if (voice.count >= 8 && voice.share >= 0.018) out.push('voice:first-person');
  if (DIARY.test(text.text.slice(0, 60_000))) out.push('voice:diary');
  out.push(...jsonLdRoles(nodes));

  if (/an official website of the united states government|\.gov means it['\u2019]s official|this is an official (website|site) of/i.test(text.text.slice(0, 20_000))) {
    out.push('claim:official-website');
  }
  if (doc.querySelector('.nhsuk-header, .nhsuk-footer, .nhsuk-width-container, .hse-header')) out.push('design:nhsuk');
  if (/\bcrown copyright\b/i.test(text.footer)) out.push('copyright:crown');
  const govukFormat = doc.querySelector('meta[name="govuk:format"]')?.getAttribute('content');
  if (govukFormat) out.push(`govuk:format:${govukFormat.toLowerCase().slice(0, 60)}`);
  const journalMeta = Array.from(doc.getElementsByTagName('meta')).some((m) => /^citation_(journal_title|doi)$/i.test(m.getAttribute('name') ?? ''));
  if (journalMeta) out.push('meta:citation-journal');
  return out;
}
