import type { SiteRule, SourceType } from './source-type';

/** The host of an address without "www.", lower case; undefined if it is not an address. */
export function bareHostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\d*\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the user typed for a site ("https://www.mysurgery.co.uk/contact",
 * "mysurgery.co.uk") as the bare host a rule is stored under, or undefined
 * when it is not a host name.
 */
export function normaliseSiteInput(text: string): string | undefined {
  const trimmed = text.trim().toLowerCase();
  if (!trimmed) return undefined;
  const host = bareHostOf(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`);
  return host && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : undefined;
}

/** The user's rule for the site an address is on (subdomains included; the most specific wins). */
export function siteRuleFor(url: string, rules: readonly SiteRule[]): SiteRule | undefined {
  const host = bareHostOf(url);
  if (!host) return undefined;
  let best: SiteRule | undefined;
  for (const rule of rules) {
    if ((host === rule.host || host.endsWith(`.${rule.host}`)) && (!best || rule.host.length > best.host.length)) best = rule;
  }
  return best;
}

/** Whether the type shown comes from the user (this page, or their rule for the site) or from us. */
export type TypeDecider = 'page' | 'site' | 'classifier';

/**
 * The type the user sees and filters by: their choice for this page, else
 * their rule for the site, else what the classifier said.
 */
export function resolveSourceType(
  clip: { url: string; sourceOverride?: SourceType; sourceVerdict: { type: SourceType } },
  rules: readonly SiteRule[],
): { type: SourceType; decidedBy: TypeDecider; rule?: SiteRule } {
  if (clip.sourceOverride) return { type: clip.sourceOverride, decidedBy: 'page' };
  const rule = siteRuleFor(clip.url, rules);
  if (rule) return { type: rule.type, decidedBy: 'site', rule };
  return { type: clip.sourceVerdict.type, decidedBy: 'classifier' };
}
