import './storage.css';
import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../../../components/format-date';
import { describePersistence, type PersistenceAnswer } from '../../../lib/db/persistence';
import { persistentStorageSetting } from '../../../lib/settings/settings';

/**
 * "Keeping your library": whether the browser agreed to keep the library's
 * storage (asked when the library opens), with plain advice when it did not.
 * Shows what the browser says now (persisted()), not only what it said then.
 */
export function PersistenceSection() {
  const [answer, setAnswer] = useState<Pick<PersistenceAnswer, 'supported' | 'granted'> | undefined>();
  const [askedAt, setAskedAt] = useState<string | undefined>();
  useEffect(() => {
    const load = async () => {
      const recorded = await persistentStorageSetting.getValue();
      setAskedAt(recorded?.askedAt);
      const api = navigator.storage;
      if (api?.persisted) setAnswer({ supported: true, granted: await api.persisted().catch(() => recorded?.granted ?? false) });
      else setAnswer({ supported: false, granted: false });
    };
    void load();
    return persistentStorageSetting.watch(() => void load());
  }, []);
  const described = answer ? describePersistence(answer) : undefined;
  return (
    <section class="hc-panel" aria-labelledby="hc-persistence-heading" data-section="persistence">
      <h2 id="hc-persistence-heading">Keeping your library</h2>
      <p>
        Your browser has agreed to keep your library: <strong data-persisted={answer?.granted ? 'yes' : 'no'}>{described?.answer ?? '…'}</strong>
        {answer?.granted ? '. It will not clear your saved pages to free up disk space.' : ''}
      </p>
      {described?.advice ? <p>{described.advice}</p> : null}
      {askedAt ? <p class="hc-hint">Health Clipper asked on {formatDate(askedAt)}.</p> : null}
    </section>
  );
}
