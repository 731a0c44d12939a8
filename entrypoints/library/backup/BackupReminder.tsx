import './backup.css';
import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../../../components/format-date';
import { useObservable } from '../../../components/hooks/use-observable';
import { StatusMessage } from '../../../components/StatusMessage';
import type { LibraryRepository } from '../../../lib/db/repository';
import { BACKUP_REMINDER, isBackupDue } from '../../../lib/exchange/backup-reminder';
import { backupReminderSnoozedUntilSetting } from '../../../lib/settings/settings';
import { backUpNow } from './backup-actions';
import type { Status } from './status';
import { useLastBackup } from './use-last-backup';

export interface BackupReminderProps {
  repo: LibraryRepository;
}

/**
 * A quiet line in the library header when there is a fair amount to lose
 * (10 pages or more) and no backup for 30 days: back up now, or be reminded
 * in a week. Never a dialog, never in the way.
 */
export function BackupReminder({ repo }: BackupReminderProps) {
  const facts = useObservable(() => repo.backup.observeClipAge(), []).value;
  const lastBackup = useLastBackup();
  const [snoozedUntil, setSnoozedUntil] = useState<string | null | undefined>();
  const [status, setStatus] = useState<Status>();
  useEffect(() => {
    void backupReminderSnoozedUntilSetting.getValue().then(setSnoozedUntil);
    return backupReminderSnoozedUntilSetting.watch((value) => setSnoozedUntil(value));
  }, []);

  if (status) return <StatusMessage tone={status.tone}>{status.text}</StatusMessage>;
  if (!facts || lastBackup === undefined || snoozedUntil === undefined) return null;
  const due = isBackupDue({
    clipCount: facts.clipCount,
    oldestSavedAt: facts.oldestSavedAt,
    lastBackupAt: lastBackup ?? undefined,
    snoozedUntil: snoozedUntil ?? undefined,
    now: new Date(),
  });
  if (!due) return null;

  const handleBackUp = async () => {
    const result = await backUpNow(repo);
    setStatus(result.ok ? { tone: 'success', text: `Saved ${result.value.fileName} to your downloads. Keep it somewhere safe.` } : { tone: 'error', text: result.error.message });
  };
  const handleLater = () => {
    void backupReminderSnoozedUntilSetting.setValue(new Date(Date.now() + BACKUP_REMINDER.snoozeDays * 86_400_000).toISOString());
  };

  return (
    <aside class="hc-backup-reminder" aria-label="Backup reminder">
      <p>
        Your {facts.clipCount.toLocaleString('en-GB')}
        {facts.countedAll ? '' : ' or more'} saved pages are kept only in this browser, and{' '}
        {lastBackup ? `your last backup was on ${formatDate(lastBackup)}` : 'you have not backed them up yet'}. A backup file keeps
        them safe if this computer breaks or the browser is reset.
      </p>
      <button type="button" class="hc-primary" onClick={() => void handleBackUp()}>
        Back up now
      </button>{' '}
      <button type="button" class="hc-link-button" onClick={handleLater}>
        Remind me next week
      </button>
    </aside>
  );
}
