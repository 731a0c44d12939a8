import './backup.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { StatusMessage } from '../../../components/StatusMessage';
import type { LibraryCounts } from '../../../lib/db/backup-store';
import type { LibraryRepository } from '../../../lib/db/repository';
import type { Backup } from '../../../lib/exchange/backup';
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

/** "Restore from a backup": choose the file, see what it holds, confirm, see the result. */
export function RestoreSection({ repo }: RestoreSectionProps) {
  const [candidate, setCandidate] = useState<Candidate | undefined>();
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => summaryRef.current?.focus(), [candidate]);

  const handleFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setCandidate(undefined);
    setStatus(undefined);
    if (!file) return;
    setStatus({ tone: 'info', text: `Reading ${file.name}…` });
    const read = await readBackupFile(file);
    input.value = '';
    if (!read.ok) {
      setStatus({ tone: 'error', text: read.error.message });
      return;
    }
    setStatus(undefined);
    setCandidate({ fileName: file.name, backup: read.value, current: await repo.backup.counts() });
  };

  const handleRestore = async () => {
    if (!candidate) return;
    setBusy(true);
    setStatus({ tone: 'info', text: 'Restoring your library…' });
    const result = await restoreBackup(repo, candidate.backup);
    setBusy(false);
    if (!result.ok) {
      setStatus({ tone: 'error', text: result.error.message });
      return;
    }
    // The library is back: a "your pages were cleared" notice has done its job, and the canary counts the pages now
    // (not at the next opening), so a wipe before then is still noticed.
    await dismissLibraryWipeNotice();
    await checkLibraryStorage(repo.meta).catch(() => undefined);
    const date = formatBackupDate(candidate.backup.exportedAt);
    const access = result.value.needsAccess
      ? ' Badges or automatic highlights were on in the backup: turn them on again above, because each browser asks for its own permission.'
      : '';
    setCandidate(undefined);
    setStatus({ tone: 'success', text: `Done. Your library now holds what the backup of ${date} held: ${describeCounts(result.value.counts)}. Your settings were restored too.${access}` });
  };

  const replacing = candidate && !isEmptyLibrary(candidate.current);
  return (
    <section class="hc-panel hc-backup" id="restore" aria-labelledby="hc-restore-heading">
      <h2 id="hc-restore-heading">Restore from a backup</h2>
      <p>Choose a backup file made with “Back up now”. You will see what it holds before anything changes.</p>
      <label for="hc-restore-file">Choose a backup file (.json)</label>
      <input id="hc-restore-file" type="file" accept=".json,application/json" onChange={(e) => void handleFile(e.currentTarget)} />
      {candidate ? (
        <div class="hc-backup__summary" ref={summaryRef} tabIndex={-1} aria-labelledby="hc-restore-summary-heading" role="region">
          <h3 id="hc-restore-summary-heading">What this backup holds</h3>
          <p>
            <strong>{candidate.fileName}</strong> was made on <strong>{formatBackupDate(candidate.backup.exportedAt)}</strong>. It holds{' '}
            {describeCounts(candidate.backup.counts)}, and your settings.
          </p>
          {replacing ? (
            <p class="hc-backup__warning">
              <strong>Restoring replaces everything in your library now</strong> ({describeCounts(candidate.current)}) with
              this backup. Pages, highlights and lists you saved since the backup was made will be gone. To keep them,
              use “Back up now” above first.
            </p>
          ) : (
            <p>Your library here is empty, so nothing will be lost.</p>
          )}
          <div class="hc-actions">
            <button type="button" class={replacing ? 'hc-danger' : 'hc-primary'} disabled={busy} onClick={() => void handleRestore()}>
              Replace my library with this backup
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => setCandidate(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {status ? <StatusMessage tone={status.tone}>{status.text}</StatusMessage> : null}
    </section>
  );
}
