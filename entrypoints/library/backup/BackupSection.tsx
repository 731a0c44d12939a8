import './backup.css';
import { useState } from 'preact/hooks';
import { formatDate } from '../../../components/format-date';
import { LiveStatus } from '../../../components/LiveStatus';
import type { LibraryRepository } from '../../../lib/db/repository';
import { backUpNow } from './backup-actions';
import { describeCounts } from './describe-counts';
import type { Status } from './status';
import { useLastBackup } from './use-last-backup';

export interface BackupSectionProps {
  repo: LibraryRepository;
}

/** "Back up your library": one button, the date of the last backup, and what the file is. */
export function BackupSection({ repo }: BackupSectionProps) {
  const last = useLastBackup();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();

  const handleBackUp = async () => {
    setBusy(true);
    setStatus({ tone: 'info', text: 'Making your backup…' });
    const result = await backUpNow(repo);
    setBusy(false);
    setStatus(
      result.ok
        ? {
            tone: 'success',
            text: `Saved ${result.value.fileName} to your downloads, with ${describeCounts(result.value.counts)}, and your settings. Keep it somewhere safe, such as a USB stick or your own cloud storage.`,
          }
        : { tone: 'error', text: result.error.message },
    );
  };

  return (
    <section class="hc-panel hc-backup" id="backup" aria-labelledby="hc-backup-heading">
      <h2 id="hc-backup-heading">Back up your library</h2>
      <p>
        Your library is kept only in this browser. A backup is one file with everything in it: your saved pages and their
        text, highlights, tags and notes, reading lists and prescriptions (with the items you marked private: a backup
        is your own copy), your list of sites, and these settings. You can restore it here or in another browser.
      </p>
      <p class="hc-hint">
        The file is not locked with a password: anyone who has it can read your notes. Keep it where you keep other
        private papers. Its format is open and documented, so other programs can read it too.
      </p>
      <p data-last-backup>
        {last === undefined ? '…' : last ? <>Last backup: <strong>{formatDate(last)}</strong></> : 'You have not made a backup yet.'}
      </p>
      {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page body while the backup is made. */}
      <button type="button" class="hc-primary" aria-disabled={busy} onClick={() => busy || void handleBackUp()}>
        Back up now
      </button>
      <LiveStatus status={status} />
    </section>
  );
}
