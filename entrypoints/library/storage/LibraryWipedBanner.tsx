import './storage.css';
import { formatDate } from '../../../components/format-date';
import type { WipeNotice } from '../../../lib/db/eviction-canary';

export interface LibraryWipedBannerProps {
  notice: WipeNotice;
  /** The date of the last backup made in this browser, null if none. */
  lastBackup: string | null;
  onRestore: () => void;
  onDismiss: () => void;
}

/**
 * Shown when the eviction canary found the library's database wiped: what
 * happened, in plain words, and what to do (restore the latest backup).
 * Calm, and dismissable: the user may have nothing to restore.
 */
export function LibraryWipedBanner({ notice, lastBackup, onRestore, onDismiss }: LibraryWipedBannerProps) {
  const pages = notice.clipCount >= 1_000 ? '1,000 or more saved pages' : `${notice.clipCount.toLocaleString('en-GB')} saved ${notice.clipCount === 1 ? 'page' : 'pages'}`;
  return (
    <section class="hc-wiped" role="alert" aria-labelledby="hc-wiped-heading">
      <h2 id="hc-wiped-heading">Your saved pages are no longer in this browser</h2>
      <p>
        The browser cleared Health Clipper’s storage, usually to free up disk space. When you last used it on{' '}
        {formatDate(notice.lastSeenAt)}, your library had {pages}.
      </p>
      <p>
        {lastBackup
          ? `To get them back, restore your latest backup, made on ${formatDate(lastBackup)}. Look for the file in your downloads folder.`
          : 'To get them back, restore a backup file if you have one (its name starts with “health-clipper-backup”). No backup was made in this browser.'}
      </p>
      <button type="button" class="hc-primary" onClick={onRestore}>
        Restore from a backup
      </button>
      <button type="button" class="hc-link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
