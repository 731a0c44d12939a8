/** The host without a leading "www." or "m.", lower-cased. */
export function bareHost(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^(www\d*|m|mobile)\./, '');
}

/** True when `host` is `domain` or a subdomain of it (whole labels only). */
export function isHostWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The first entry of `domains` that `host` falls within. */
export function findDomain(host: string, domains: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const d of domains) {
    if (isHostWithin(host, d) && (!best || d.length > best.length)) best = d;
  }
  return best;
}
