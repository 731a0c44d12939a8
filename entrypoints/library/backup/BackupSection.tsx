import './backup.css';
import { useState } from 'preact/hooks';
import { formatDate } from '../../../components/format-date';
import { LiveStatus } from '../../../components/LiveStatus';
import { ProgressStatus } from '../../../components/ProgressStatus';
import { useCancellableWork } from '../../../components/hooks/use-cancellable-work';
import type { LibraryRepository } from '../../../lib/db/repository';
import { t } from '../../../lib/i18n';
import { backUpNow } from './backup-actions';
import { describeCounts } from './describe-counts';
import type { Status } from './status';
import { useLastBackup } from './use-last-backup';

export interface BackupSectionProps {
  repo: LibraryRepository;
}

const nf = (n: number) => n.toLocaleString('en-GB');

/** "Back up your library": one button, the date of the last backup, and what the file is. */
export function BackupSection({ repo }: BackupSectionProps) {
  const last = useLastBackup();
  const [status, setStatus] = useState<Status>();
  const work = useCancellableWork();

  const handleBackUp = async () => {
    setStatus(undefined);
    const result = await work.run((signal, onProgress) => backUpNow(repo, { signal, onProgress }));
    setStatus(
      result.ok
        ? { tone: 'success', text: t('backup.saved', { file: result.value.fileName, counts: describeCounts(result.value.counts) }) }
        : result.error.code === 'cancelled'
          ? { tone: 'info', text: t('backup.cancelled') }
          : { tone: 'error', text: result.error.message },
    );
  };

  const progress = work.progress;
  return (
    <section class="hc-panel hc-backup" id="backup" aria-labelledby="hc-backup-heading">
      <h2 id="hc-backup-heading">{t('backup.heading')}</h2>
      <p>{t('backup.intro')}</p>
      <p class="hc-hint">{t('backup.notLocked')}</p>
      <p data-last-backup>
        {last === undefined ? '…' : last ? <>{t('backup.lastBackup')} <strong>{formatDate(last)}</strong></> : t('backup.never')}
      </p>
      {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page body while the backup is made. */}
      <button type="button" class="hc-primary" aria-disabled={work.running} onClick={() => work.running || void handleBackUp()}>
        {t('backup.backUpNow')}
      </button>
      {work.running ? (
        <ProgressStatus
          label={t('backup.label')}
          done={progress?.done}
          total={progress?.total}
          text={progress ? t('backup.makingProgress', { done: nf(progress.done), total: nf(progress.total) }) : t('backup.making')}
          onCancel={work.cancel}
          cancelling={work.cancelling}
        />
      ) : null}
      <LiveStatus status={status} />
    </section>
  );
}
