import './storage.css';
import { useState } from 'preact/hooks';
import { LiveStatus } from '../../../components/LiveStatus';
import type { LibraryRepository } from '../../../lib/db/repository';
import { backUpNow } from '../backup/backup-actions';
import type { Status } from '../backup/status';
import { DELETE_CONFIRMATION, deleteEverything } from './delete-everything';
import { t } from '../../../lib/i18n';

export interface DeleteEverythingSectionProps {
  repo: LibraryRepository;
}

/**
 * The danger zone, set apart at the end of Settings: says exactly what goes,
 * offers a backup first, and acts only after the user types DELETE.
 */
export function DeleteEverythingSection({ repo }: DeleteEverythingSectionProps) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const confirmed = typed.trim() === DELETE_CONFIRMATION;

  const handleBackUp = async () => {
    setStatus({ tone: 'info', text: t('storage.backingUp') });
    const result = await backUpNow(repo);
    setStatus(result.ok ? { tone: 'success', text: t('storage.backupSaved', { fileName: result.value.fileName }) } : { tone: 'error', text: result.error.message });
  };
  const handleDelete = async () => {
    if (!confirmed) return;
    setBusy(true);
    setStatus({ tone: 'info', text: t('storage.deleting') });
    const result = await deleteEverything(() =>
      setStatus({ tone: 'info', text: t('storage.waitingForTabs') }),
    );
    if (!result.ok) {
      setBusy(false);
      setStatus({ tone: 'error', text: result.error.message });
      return;
    }
    // A fresh page: nothing of the old library stays in memory, and it says what happened.
    location.replace(`${location.pathname}?deleted`);
  };

  return (
    <section class="hc-panel hc-danger-zone" aria-labelledby="hc-delete-heading" data-section="delete-everything">
      <h2 id="hc-delete-heading">{t('storage.deleteHeading')}</h2>
      <p>{t('storage.deletes.intro')}</p>
      <ul>
        <li>{t('storage.deletes.pages')}</li>
        <li>{t('storage.deletes.lists')}</li>
        <li>{t('storage.deletes.sites')}</li>
        <li>{t('storage.deletes.settings')}</li>
      </ul>
      <p>
        {t('storage.cannotUndo')}{' '}
        <button type="button" onClick={() => void handleBackUp()} disabled={busy}>
          {t('storage.backUpFirst')}
        </button>
      </p>
      <label for="hc-delete-confirm">{t('storage.confirmLabel', { word: DELETE_CONFIRMATION })}</label>
      <input
        id="hc-delete-confirm"
        type="text"
        autocomplete="off"
        spellcheck={false}
        value={typed}
        onInput={(e) => setTyped(e.currentTarget.value)}
        disabled={busy}
      />
      <div>
        <button type="button" class="hc-danger-solid" disabled={!confirmed || busy} onClick={() => void handleDelete()}>
          {t('storage.deleteHeading')}
        </button>
      </div>
      <LiveStatus status={status} />
    </section>
  );
}
