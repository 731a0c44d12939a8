import { t } from '../i18n';
import type { QualityFacts } from '../model/quality-facts';
import { SOURCE_TYPE_LABELS } from '../model/source-labels';
import type { SourceFacets, SourceVerdict } from '../model/source-type';
import { findDomain, registrableDomain } from './host';
import { normaliseAddress } from './normalise-address';
import type { RulePack } from './rule-pack';
import type { Finding, RuleContext } from './rules/context';
import { copyRule, isCopyOfAnotherSite } from './rules/copy';
import { curatedRule } from './rules/curated';
import { evidenceRule } from './rules/evidence';
import { evidenceNotes } from './rules/notes';
import { officialRule } from './rules/official';
import { researchRule } from './rules/research';
import { ugcRule } from './rules/ugc';

/** What the classifier reads: the address and what the page said about itself. */
export interface ClassifyInput {
  url: string;
  canonicalUrl?: string;
  signals: readonly string[];
  siteName?: string;
  quality?: QualityFacts;
}

/**
 * Rules from outside the built-in lists: rule packs a moderator shared. The
 * user's own site rules are not applied here but on top of the stored
 * verdict (lib/model/site-rules.ts resolveSourceType), so what we computed
 * and what the user chose stay apart and a rule added later applies to
 * clips saved before it.
 */
export interface ClassifyOptions {
  rulePacks?: readonly RulePack[];
}

/** Below this many signals the page was not read: only the address counts (URL-only mode). */
const PAGE_READ_SIGNALS = 1;

function packRule(ctx: RuleContext, packs: readonly RulePack[]): Finding | undefined {
  for (const pack of packs) {
    const host = findDomain(ctx.host, pack.rules.map((r) => r.host));
    const rule = host ? pack.rules.find((r) => r.host === host) : undefined;
    if (!rule) continue;
    return {
      type: rule.type,
      confidence: 0.9,
      rule: 'rule-pack',
      list: `${pack.name} v${pack.version}`,
      reasons: [t('classify.rulePack', { name: pack.name, host: rule.host, type: SOURCE_TYPE_LABELS[rule.type], note: rule.note })],
      subtype: rule.subtype,
    };
  }
  return undefined;
}

function fallback(ctx: RuleContext): Finding {
  const edu = /\.(edu|ac\.[a-z]{2}|edu\.[a-z]{2})$/.test(ctx.host);
  return {
    type: 'unknown',
    confidence: 0.2,
    rule: 'fallback',
    reasons: [
      t('classify.unknownHost', { host: ctx.host }),
      ...(edu ? [t('classify.university')] : []),
    ],
  };
}

/**
 * Who is speaking on a page, with the reasons shown to the user. Pure: no
 * network, no storage. Order (SOURCE-TYPES.md §5.2): the user's site rules,
 * imported rule packs, user-generated content, research, official addresses,
 * curated lists, a copy's original, page evidence, then "not sure". It
 * describes the source and never rates whether the page is right.
 */
export function classifySource(input: ClassifyInput, options: ClassifyOptions = {}): SourceVerdict {
  const address = normaliseAddress(input.url);
  if (!address) {
    return { type: 'unknown', confidence: 0, reasons: [t('classify.badAddress')], rule: 'invalid-address' };
  }
  const canonical = input.canonicalUrl ? normaliseAddress(input.canonicalUrl) : undefined;
  const ctx: RuleContext = {
    address,
    host: address.host,
    path: address.path.toLowerCase(),
    signals: new Set(input.signals),
    urlOnly: input.signals.length < PAGE_READ_SIGNALS,
    siteName: input.siteName,
    quality: input.quality,
    canonical: canonical && registrableDomain(canonical.host) !== registrableDomain(address.host) ? canonical : undefined,
  };
  const finding =
    packRule(ctx, options.rulePacks ?? []) ??
    ugcRule(ctx) ??
    researchRule(ctx) ??
    officialRule(ctx) ??
    curatedRule(ctx) ??
    copyRule(ctx) ??
    evidenceRule(ctx) ??
    fallback(ctx);

  const notes = evidenceNotes(ctx, finding.type);
  const reasons = [...finding.reasons];
  if (address.wrapper) {
    reasons.push(
      address.archived
        ? address.archivedAt
          ? t('classify.archivedOn', { date: address.archivedAt.slice(0, 10), wrapper: address.wrapper })
          : t('classify.archived', { wrapper: address.wrapper })
        : t('classify.openedThrough', { wrapper: address.wrapper }),
    );
  }
  const facets: SourceFacets = {
    ...(finding.hostFacet ? { host: finding.hostFacet } : {}),
    ...(finding.subtype ? { subtype: finding.subtype } : {}),
    ...(address.archivedFrom ? { archivedFrom: address.archivedFrom } : {}),
    ...(address.archivedAt ? { archivedAt: address.archivedAt } : {}),
    ...(ctx.canonical && isCopyOfAnotherSite(ctx) ? { copyOf: ctx.canonical.url } : {}),
  };
  const supporting = [...(finding.supporting ?? []), ...notes.supporting];
  return {
    type: finding.type,
    confidence: finding.confidence,
    reasons,
    rule: finding.rule,
    ...(finding.list ? { list: finding.list } : {}),
    ...(supporting.length ? { supporting: [...new Set(supporting)] } : {}),
    ...(notes.conflicting.length ? { conflicting: notes.conflicting } : {}),
    ...(Object.keys(facets).length ? { facets } : {}),
  };
}
