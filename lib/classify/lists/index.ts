import * as z from 'zod';
import charitiesJson from './charities.json';
import commercialJson from './commercial.json';
import newsJson from './news.json';
import officialSuffixesJson from './official-suffixes.json';
import officialJson from './official.json';
import otherJson from './other.json';
import researchJson from './research.json';
import ugcHostsJson from './ugc-hosts.json';

/** One entry of a bundled list: a domain (matches its subdomains) and what it is. */
export const listEntrySchema = z.object({
  domain: z.string().min(1).regex(/^[a-z0-9.-]+$/),
  name: z.string().min(1),
  /** What the organisation is, and where that is known from. */
  note: z.string().min(1),
  subtype: z.string().optional(),
  /** Limits the entry to paths containing one of these (case-insensitive); absent means the whole host. */
  paths: z.array(z.string().startsWith('/')).optional(),
});
export type ListEntry = z.infer<typeof listEntrySchema>;

/** A versioned data file in lib/classify/lists/. */
export const domainListSchema = z.object({
  name: z.string().min(1),
  version: z.number().int().min(1),
  description: z.string(),
  entries: z.array(listEntrySchema),
});
export type DomainList = z.infer<typeof domainListSchema>;

/** The bundled lists, by role. */
export interface BuiltInLists {
  officialSuffixes: DomainList;
  official: DomainList;
  research: DomainList;
  charities: DomainList;
  commercial: DomainList;
  news: DomainList;
  other: DomainList;
  ugcHosts: DomainList;
}

let cached: BuiltInLists | undefined;

/** The bundled lists, checked against the schema once, on first use (no work at import time). */
export function builtInLists(): BuiltInLists {
  cached ??= {
    officialSuffixes: domainListSchema.parse(officialSuffixesJson),
    official: domainListSchema.parse(officialJson),
    research: domainListSchema.parse(researchJson),
    charities: domainListSchema.parse(charitiesJson),
    commercial: domainListSchema.parse(commercialJson),
    news: domainListSchema.parse(newsJson),
    other: domainListSchema.parse(otherJson),
    ugcHosts: domainListSchema.parse(ugcHostsJson),
  };
  return cached;
}

/** "charities v1": how a verdict names the list that decided it. */
export function listLabel(list: Pick<DomainList, 'name' | 'version'>): string {
  return `${list.name} v${list.version}`;
}
