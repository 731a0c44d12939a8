import { bareHost } from '../model/page-address';

/**
 * What changed in a followed collection between the copy in the library and
 * the file now at its address. Items are matched by page address and
 * highlighted passage, so a moderator re-exporting the same list (new ids,
 * new export date) shows no changes.
 */

/** One item of a collection as the diff sees it: what identifies it and what a member would notice changing. */
export interface SubscriptionEntry {
  /** The page's canonical address. */
  url: string;
  /** The highlighted passage, when the item is one highlight on the page. */
  quote?: string;
  /** The page title. */
  title: string;
  /** The curator's note on the item. */
  note: string;
  /** The highlight's meaning and note, when the item is a highlight. */
  highlight?: { meaning: string; note: string };
}

/** Which parts of a matched item differ. */
export type EntryChange = 'title' | 'note' | 'highlight';

/** An item in both copies whose title, note or highlight changed. */
export interface EditedEntry {
  before: SubscriptionEntry;
  after: SubscriptionEntry;
  changed: EntryChange[];
}

/** Added, removed and edited items, in the order of the new file (removed: in the old order). */
export interface SubscriptionDiff {
  added: SubscriptionEntry[];
  removed: SubscriptionEntry[];
  edited: EditedEntry[];
  /** Items in both copies and unchanged. */
  unchanged: number;
  /** True when the items both copies share are in a different order. */
  reordered: boolean;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The identity of an item: its page (scheme, www./m. prefix and trailing
 * fragment ignored, as the library's own page matching does) and its
 * passage with white space squashed.
 */
export function entryKey(entry: Pick<SubscriptionEntry, 'url' | 'quote'>): string {
  let page = entry.url.trim();
  try {
    const u = new URL(page);
    page = `${bareHost(u.hostname)}${u.port ? `:${u.port}` : ''}${u.pathname}${u.search}`;
  } catch {
    // Not an address we can read: compare it as written.
  }
  return `${page}\n${entry.quote ? squash(entry.quote) : ''}`;
}

function changesBetween(before: SubscriptionEntry, after: SubscriptionEntry): EntryChange[] {
  const changed: EntryChange[] = [];
  if (squash(before.title) !== squash(after.title)) changed.push('title');
  if (before.note.trim() !== after.note.trim()) changed.push('note');
  const h = (e: SubscriptionEntry) => (e.highlight ? `${e.highlight.meaning}\n${e.highlight.note.trim()}` : '');
  if (h(before) !== h(after)) changed.push('highlight');
  return changed;
}

/** Compares the library's copy of a followed collection with the published one. */
export function diffSubscription(current: readonly SubscriptionEntry[], incoming: readonly SubscriptionEntry[]): SubscriptionDiff {
  // Queues per key, so a page listed twice pairs up in order instead of vanishing.
  const waiting = new Map<string, SubscriptionEntry[]>();
  for (const entry of current) {
    const key = entryKey(entry);
    waiting.set(key, [...(waiting.get(key) ?? []), entry]);
  }
  const diff: SubscriptionDiff = { added: [], removed: [], edited: [], unchanged: 0, reordered: false };
  const sharedNewOrder: SubscriptionEntry[] = [];
  for (const after of incoming) {
    const before = waiting.get(entryKey(after))?.shift();
    if (!before) {
      diff.added.push(after);
      continue;
    }
    sharedNewOrder.push(before);
    const changed = changesBetween(before, after);
    if (changed.length) diff.edited.push({ before, after, changed });
    else diff.unchanged++;
  }
  const matched = new Set(sharedNewOrder);
  diff.removed = current.filter((e) => !matched.has(e));
  const sharedOldOrder = current.filter((e) => matched.has(e));
  diff.reordered = sharedOldOrder.some((e, i) => e !== sharedNewOrder[i]);
  return diff;
}

/** True when applying the diff would change the collection. */
export function hasChanges(diff: SubscriptionDiff): boolean {
  return diff.added.length > 0 || diff.removed.length > 0 || diff.edited.length > 0 || diff.reordered;
}

/**
 * A short fingerprint of a collection's items (SHA-256, hex), so a scheduled
 * check can tell "something changed" without keeping the whole file: equal
 * for the same items in the same order, whatever the ids or export date.
 */
export async function hashEntries(entries: readonly SubscriptionEntry[]): Promise<string> {
  const canonical = JSON.stringify(
    entries.map((e) => [entryKey(e), squash(e.title), e.note.trim(), e.highlight ? [e.highlight.meaning, e.highlight.note.trim()] : null]),
  );
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
