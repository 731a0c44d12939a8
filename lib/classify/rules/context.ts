import type { QualityFacts } from '../../model/quality-facts';
import type { SourceType } from '../../model/source-type';
import type { NormalisedAddress } from '../normalise-address';

/** What every rule reads: the normalised address and what the page said about itself. */
export interface RuleContext {
  address: NormalisedAddress;
  /** Bare host of the page. */
  host: string;
  /** Path and query, lower-cased, for matching. */
  path: string;
  signals: ReadonlySet<string>;
  /** True when only the address is known (no page was read). */
  urlOnly: boolean;
  siteName?: string;
  quality?: QualityFacts;
  /** The page's canonical address when it points to another site. */
  canonical?: NormalisedAddress;
}

/** What a rule concluded; the orchestrator turns it into a SourceVerdict. */
export interface Finding {
  type: SourceType;
  confidence: number;
  /** Rule id, e.g. "official:suffix". */
  rule: string;
  /** The list that decided, e.g. "charities v1". */
  list?: string;
  /** First: the one-line summary. */
  reasons: string[];
  supporting?: string[];
  subtype?: string;
  /** Who runs the site, when not the speaker. */
  hostFacet?: string;
}

/** True when any signal starts with one of the prefixes. */
export function hasSignal(ctx: Pick<RuleContext, 'signals'>, ...prefixes: string[]): boolean {
  for (const s of ctx.signals) if (prefixes.some((p) => s === p || s.startsWith(p))) return true;
  return false;
}

/** The signals that start with a prefix. */
export function signalsWith(ctx: Pick<RuleContext, 'signals'>, prefix: string): string[] {
  return [...ctx.signals].filter((s) => s.startsWith(prefix));
}
