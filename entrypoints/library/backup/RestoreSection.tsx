import './backup.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ProgressStatus } from '../../../components/ProgressStatus';
import { LiveStatus } from '../../../components/LiveStatus';
import { useCancellableWork } from '../../../components/hooks/use-cancellable-work';
import type { LibraryCounts } from '../../../lib/db/backup-store';
import type { LibraryRepository } from '../../../lib/db/repository';
import type { Backup } from '../../../lib/exchange/backup';
import { t } from '../../../lib/i18n';
import { checkLibraryStorage, dismissLibraryWipeNotice } from '../../../lib/settings/library-canary';
import { readBackupFile, restoreBackup } from './backup-actions';
import { describeCounts, formatBackupDate, isEmptyLibrary } from './describe-counts';
import type { Status } from './status';

export interface RestoreSectionProps {
  repo: LibraryRepository;
}

interface Candidate {
  fileName: string;
  backup: Backup;
  /** What the library holds now, to say what would be replaced. */
  current: LibraryCounts;
}

const nf = (n: number) => n.toLocaleString('en-GB');

/** "Restore from a backup": choose the file, see what it holds, confirm, see the result. */
export function RestoreSection({ repo }: RestoreSectionProps) {
  const [candidate, setCandidate] = useState<Candidate | undefined>();
  const [status, setStatus] = useState<Status>();
  const [reading, setReading] = useState<string | undefined>();
  const work = useCancellableWork();
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => summaryRef.current?.focus(), [candidate]);

  const handleFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setCandidate(undefined);
    setStatus(undefined);
    if (!file) return;
    setReading(file.name);
    // Reading is one parse that cannot be interrupted; a cancel drops what it read, and nothing was changed anyway.
    const read = await work.run(async (signal) => ({ read: await readBackupFile(file), cancelled: () => signal.aborted }));
    setReading(undefined);
    input.value = '';
    if (read.cancelled()) {
      setStatus({ tone: 'info', text: t('restore.cancelled') });
      return;
    }
    if (!read.read.ok) {
      setStatus({ tone: 'error', text: read.read.error.message });
      return;
    }
    setCandidate({ fileName: file.name, backup: read.read.value, current: await repo.backup.counts() });
  };

  const handleRestore = async () => {
    if (!candidate) return;
    setStatus(undefined);
    const result = await work.run((signal, onProgress) => restoreBackup(repo, candidate.backup, { signal, onProgress }));
    if (!result.ok) {
      if (result.error.code === 'cancelled') setCandidate(undefined);
      setStatus(result.error.code === 'cancelled' ? { tone: 'info', text: t('restore.cancelled') } : { tone: 'error', text: result.error.message });
      return;
    }
    // The library is back: a "your pages were cleared" notice has done its job, and the canary counts the pages now
    // (not at the next opening), so a wipe before then is still noticed.
    await dismissLibraryWipeNotice();
    await checkLibraryStorage(repo.meta).catch(() => undefined);
    const date = formatBackupDate(candidate.backup.exportedAt);
    const access = result.value.needsAccess ? t('restore.needsAccess') : '';
    setCandidate(undefined);
    setStatus({ tone: 'success', text: t('restore.done', { date, counts: describeCounts(result.value.counts), access }) });
  };

  const busy = work.running;
  const replacing = candidate && !isEmptyLibrary(candidate.current);
  const progress = work.progress;
  return (
    <section class="hc-panel hc-backup" id="restore" aria-labelledby="hc-restore-heading">
      <h2 id="hc-restore-heading">{t('restore.heading')}</h2>
      <p>{t('restore.intro')}</p>
      <label for="hc-restore-file">{t('restore.chooseFile')}</label>
      <input id="hc-restore-file" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void handleFile(e.currentTarget)} />
      {candidate ? (
        <div class="hc-backup__summary" ref={summaryRef} tabIndex={-1} aria-labelledby="hc-restore-summary-heading" role="region">
          <h3 id="hc-restore-summary-heading">{t('restore.summaryHeading')}</h3>
          <p>{t('restore.summary', { file: candidate.fileName, date: formatBackupDate(candidate.backup.exportedAt), counts: describeCounts(candidate.backup.counts) })}</p>
          {replacing ? (
            <p class="hc-backup__warning">
              <strong>{t('restore.replacingStrong')}</strong> {t('restore.replacingRest', { counts: describeCounts(candidate.current) })}
            </p>
          ) : (
            <p>{t('restore.emptyLibrary')}</p>
          )}
          <div class="hc-actions">
            <button type="button" class={replacing ? 'hc-danger' : 'hc-primary'} disabled={busy} onClick={() => void handleRestore()}>
              {t('restore.replace')}
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => setCandidate(undefined)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {busy ? (
        <ProgressStatus
          label={reading ? t('restore.readingLabel') : t('restore.restoringLabel')}
          done={progress?.done}
          total={progress?.total}
          text={
            reading
              ? t('restore.reading', { file: reading })
              : progress
                ? t('restore.restoringProgress', { done: nf(progress.done), total: nf(progress.total) })
                : t('restore.restoring')
          }
          onCancel={work.cancel}
          cancelling={work.cancelling}
        />
      ) : null}
      <LiveStatus status={status} />
    </section>
  );
}
