import './storage.css';
import { useState } from 'preact/hooks';
import { StatusMessage } from '../../../components/StatusMessage';
import type { LibraryRepository } from '../../../lib/db/repository';
import { backUpNow } from '../backup/backup-actions';
import type { Status } from '../backup/status';
import { DELETE_CONFIRMATION, deleteEverything } from './delete-everything';

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
    setStatus({ tone: 'info', text: 'Making your backup…' });
    const result = await backUpNow(repo);
    setStatus(result.ok ? { tone: 'success', text: `Saved ${result.value.fileName} to your downloads. Keep it somewhere safe.` } : { tone: 'error', text: result.error.message });
  };
  const handleDelete = async () => {
    if (!confirmed) return;
    setBusy(true);
    setStatus({ tone: 'info', text: 'Deleting everything…' });
    const result = await deleteEverything(() =>
      setStatus({ tone: 'info', text: 'Waiting for other Health Clipper tabs or windows to close. Close them to finish deleting.' }),
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
      <h2 id="hc-delete-heading">Delete everything</h2>
      <p>This deletes, from this browser, for good:</p>
      <ul>
        <li>every saved page, with its highlights and notes;</li>
        <li>your collections, reading lists and information prescriptions;</li>
        <li>your list of sites and the rule packs you added;</li>
        <li>your settings, and the search index.</li>
      </ul>
      <p>
        It cannot be undone. If you might want any of it again, make a backup first.{' '}
        <button type="button" onClick={() => void handleBackUp()} disabled={busy}>
          Make a backup first
        </button>
      </p>
      <label for="hc-delete-confirm">To confirm, type {DELETE_CONFIRMATION} in capital letters</label>
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
          Delete everything
        </button>
      </div>
      {status ? <StatusMessage tone={status.tone}>{status.text}</StatusMessage> : null}
    </section>
  );
}
