/**
 * Query parameters that only track where a visitor came from. Two addresses
 * that differ only in these are the same page, so "already saved" must match
 * them (a newsletter link with utm_* must find the clip saved from search).
 */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid',
  'igshid', 'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id',
  'oly_enc_id', 'vero_id', 'wickedid', 'rb_clickid', 's_cid', 'ito', 'ncid', 'cmpid', 'sr_share',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** True for addresses a clip may point at: http and https only. */
export function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The one form of a page's address used to tell whether it is already in the
 * library: lower-case host, no default port, no fragment, no tracking
 * parameters, no empty query. Path and the remaining query are kept as they
 * are, because many health sites (forums, PubMed searches) use them to name
 * the page. Returns undefined for anything that is not an http(s) address.
 */
export function canonicalizeUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  url.username = '';
  url.password = '';
  // Filter the raw query so what is kept stays byte for byte as the site wrote it
  // (re-serialising would turn %20 into + and ?print into ?print=).
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((part) => part && !isTrackingParam(safeDecode(part.split('=')[0] ?? '')));
  url.search = kept.length ? `?${kept.join('&')}` : '';
  // URL already lower-cases the host and drops default ports.
  return url.href;
}

/**
 * The page's own canonical address (`<link rel=canonical>`) when it is a
 * sound one, else the address it was loaded from; canonicalised either way.
 * A canonical link that points at another site's root, or at the home page
 * from a deeper page, is a common CMS mistake and is ignored: trusting it
 * would make every page of that site look "already saved".
 */
export function resolveCanonicalUrl(pageUrl: string, declared: string | undefined): string | undefined {
  const fromPage = canonicalizeUrl(pageUrl);
  if (!declared) return fromPage;
  let absolute: string;
  try {
    absolute = new URL(declared.trim(), pageUrl).href;
  } catch {
    return fromPage;
  }
  const fromLink = canonicalizeUrl(absolute);
  if (!fromLink || !fromPage) return fromPage ?? fromLink;
  const link = new URL(fromLink);
  const page = new URL(fromPage);
  const linkIsRoot = link.pathname === '/' && !link.search;
  const pageIsRoot = page.pathname === '/' && !page.search;
  if (linkIsRoot && !pageIsRoot) return fromPage;
  return fromLink;
}
