import './storage.css';
import { formatDate } from '../../../components/format-date';
import type { WipeNotice } from '../../../lib/db/eviction-canary';
import { t } from '../../../lib/i18n';

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
  const pages = notice.clipCount >= 1_000 ? t('storage.wiped.manyPages') : t('storage.wiped.pages', notice.clipCount);
  return (
    <section class="hc-wiped" role="alert" aria-labelledby="hc-wiped-heading">
      <h2 id="hc-wiped-heading">{t('storage.wiped.heading')}</h2>
      <p>
        {t('storage.wiped.what', { date: formatDate(notice.lastSeenAt), pages })}
      </p>
      <p>
        {lastBackup
          ? t('storage.wiped.restoreLatest', { date: formatDate(lastBackup) })
          : t('storage.wiped.restoreAny')}
      </p>
      <button type="button" class="hc-primary" onClick={onRestore}>
        {t('storage.wiped.restore')}
      </button>
      <button type="button" class="hc-link-button" onClick={onDismiss}>
        {t('storage.wiped.dismiss')}
      </button>
    </section>
  );
}
