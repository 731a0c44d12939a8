/**
 * Hosts that serve the same pages as the bare host: "www." and the mobile
 * editions many health sites still run ("m.", "mobile."). A highlight saved
 * on m.example.org must show on www.example.org and the other way round.
 */
const HOST_VARIANT_PREFIXES = ['www.', 'm.', 'mobile.'];

/** The host without a www./m./mobile. prefix (never strips down to a bare public suffix like "co.uk"). */
export function bareHost(host: string): string {
  const lower = host.toLowerCase();
  for (const prefix of HOST_VARIANT_PREFIXES) {
    const rest = lower.slice(prefix.length);
    if (lower.startsWith(prefix) && rest.includes('.')) return rest;
  }
  return lower;
}

/**
 * Every address under which a canonical page address may have been saved:
 * the same path and query on http or https, with and without www./m./mobile.
 * Input must already be canonical (no fragment, no tracking parameters).
 */
export function pageAddressVariants(canonicalUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(canonicalUrl);
  } catch {
    return [canonicalUrl];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [canonicalUrl];
  const bare = bareHost(url.hostname);
  const hosts = [bare, ...HOST_VARIANT_PREFIXES.map((p) => p + bare)];
  const variants = new Set<string>([canonicalUrl]);
  for (const protocol of ['https:', 'http:']) {
    for (const host of hosts) {
      const v = new URL(url.href);
      v.protocol = protocol;
      v.hostname = host;
      variants.add(v.href);
    }
  }
  return [...variants];
}
