/** The host without a leading "www.", "m." or "mobile.", lower-cased. */
export function bareHost(url: string): string {
  return stripHostPrefix(new URL(url).hostname);
}

/** Lower-cases a host name and drops "www.", "www2.", "m." and "mobile." in front. */
export function stripHostPrefix(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '').replace(/^(www\d*|m|mobile)\./, '');
}

/** True when `host` is `domain` or a subdomain of it (whole labels only). */
export function isHostWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The longest entry of `domains` that `host` falls within. */
export function findDomain(host: string, domains: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const d of domains) {
    if (isHostWithin(host, d) && (!best || d.length > best.length)) best = d;
  }
  return best;
}

/** Second-level suffixes under which people register names (co.uk, org.au…): a small table, not the full PSL. */
const SECOND_LEVEL = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'nhs.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'net.uk', 'sch.uk', 'police.uk',
  'com.au', 'org.au', 'net.au', 'gov.au', 'edu.au', 'asn.au', 'id.au',
  'co.nz', 'org.nz', 'govt.nz', 'ac.nz', 'co.za', 'org.za', 'gov.za', 'co.in', 'gov.in', 'co.jp', 'or.jp', 'ne.jp', 'ac.jp',
  'com.br', 'gov.br', 'com.ar', 'com.mx', 'gob.mx', 'com.cn', 'gov.cn', 'com.hk', 'com.sg', 'gov.sg', 'co.kr', 'co.il',
  'gc.ca', 'gov.ie', 'gouv.fr', 'scot.nhs.uk', 'wales.nhs.uk',
]);

/** The name a site registered ("bbc.co.uk" for "feeds.bbc.co.uk"); an IP address stays as it is. */
export function registrableDomain(host: string): string {
  if (/^[\d.]+$/.test(host) || host.includes(':')) return host;
  const labels = host.split('.');
  for (let take = 3; take >= 2; take -= 1) {
    if (labels.length > take && SECOND_LEVEL.has(labels.slice(-take).join('.'))) return labels.slice(-take - 1).join('.');
  }
  return labels.slice(-2).join('.');
}

/** A bare IPv4 or IPv6 address instead of a name. */
export function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
}
