import { t } from '../../i18n';
import type { SourceType } from '../../model/source-type';
import { findDomain } from '../host';
import { builtInLists, listLabel, type DomainList, type ListEntry } from '../lists/index';

/** An entry found for a host, with its list and the type the list stands for. */
export interface ListMatch {
  entry: ListEntry;
  list: DomainList;
  type: SourceType;
}

/** The entry of `list` for `host` (longest domain wins); an entry with `paths` needs one of them in the path. */
export function findEntry(list: DomainList, host: string, path?: string): ListEntry | undefined {
  let best: ListEntry | undefined;
  const lowerPath = path?.toLowerCase();
  for (const entry of list.entries) {
    if (!findDomain(host, [entry.domain])) continue;
    if (entry.paths && (lowerPath === undefined || !entry.paths.some((p) => lowerPath.includes(p.toLowerCase())))) continue;
    if (!best || entry.domain.length > best.domain.length) best = entry;
  }
  return best;
}

/** The organisation lists, in the order they are consulted. */
export function organisationLists(): { list: DomainList; type: SourceType }[] {
  const l = builtInLists();
  return [
    { list: l.official, type: 'official' },
    { list: l.research, type: 'research' },
    { list: l.charities, type: 'charity' },
    { list: l.commercial, type: 'commercial' },
    { list: l.news, type: 'news' },
    { list: l.other, type: 'other' },
  ];
}

/** Who runs a host, from any organisation list (the most specific domain wins). */
export function findOrganisation(host: string, path?: string): ListMatch | undefined {
  let best: ListMatch | undefined;
  for (const { list, type } of organisationLists()) {
    const entry = findEntry(list, host, path);
    if (entry && (!best || entry.domain.length > best.entry.domain.length)) best = { entry, list, type };
  }
  return best;
}

/** "a charity", "a company"…: how a host's owner is described beside its name, in the user's language. */
export function ownerWords(type: SourceType): string {
  switch (type) {
    case 'official': return t('classify.owner.official');
    case 'charity': return t('classify.owner.charity');
    case 'peer': return t('classify.owner.peer');
    case 'commercial': return t('classify.owner.commercial');
    case 'research': return t('classify.owner.research');
    case 'news': return t('classify.owner.news');
    case 'other':
    case 'unknown': return t('classify.owner.other');
  }
}

export { listLabel };
