import type { LibraryCounts } from '../../../lib/db/backup-store';
import { t } from '../../../lib/i18n';

const nf = (n: number) => n.toLocaleString('en-GB');

/** "120 saved pages, 30 highlights, 4 lists and 2 sites in your list of sites", for summaries. */
export function describeCounts(counts: LibraryCounts): string {
  return t('backup.counts.all', {
    pages: t('backup.counts.pages', counts.clips, { n: nf(counts.clips) }),
    highlights: t('backup.counts.highlights', counts.highlights, { n: nf(counts.highlights) }),
    lists: t('backup.counts.lists', counts.collections, { n: nf(counts.collections) }),
    sites: t('backup.counts.sites', counts.siteRules, { n: nf(counts.siteRules) }),
  });
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
  return t('backup.dateAt', { day, time });
}
