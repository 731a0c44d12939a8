import type { LibraryCounts } from '../../../lib/db/backup-store';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "120 saved pages, 30 highlights, 4 lists and 2 sites in your list of sites", for summaries. */
export function describeCounts(counts: LibraryCounts): string {
  const parts = [
    plural(counts.clips, 'saved page', 'saved pages'),
    plural(counts.highlights, 'highlight', 'highlights'),
    plural(counts.collections, 'list (reading list, prescription or collection)', 'lists (reading lists, prescriptions and collections)'),
    plural(counts.siteRules, 'site in your list of sites', 'sites in your list of sites'),
  ];
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Whether a library holds anything at all. */
export function isEmptyLibrary(counts: LibraryCounts): boolean {
  return counts.clips + counts.highlights + counts.collections + counts.siteRules === 0;
}

/** "24 November 2026 at 14:42" in the user's time zone: two backups of one day can be told apart. */
export function formatBackupDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `${day} at ${time}`;
}
