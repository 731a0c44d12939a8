import './storage.css';
import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../../../components/format-date';
import { EMPHASIS_MARK } from '../Emphasised';
import { describePersistence, type PersistenceAnswer } from '../../../lib/db/persistence';
import { persistentStorageSetting } from '../../../lib/settings/settings';
import { t } from '../../../lib/i18n';

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
  // The answer is bold and carries a test hook, so the sentence is split where it goes.
  const [before = '', after = ''] = t(answer?.granted ? 'storage.persist.granted' : 'storage.persist.answer', { answer: EMPHASIS_MARK }).split(EMPHASIS_MARK);
  return (
    <section class="hc-panel" aria-labelledby="hc-persistence-heading" data-section="persistence">
      <h2 id="hc-persistence-heading">{t('storage.persist.heading')}</h2>
      <p>
        {before}
        <strong data-persisted={answer?.granted ? 'yes' : 'no'}>{described?.answer ?? '…'}</strong>
        {after}
      </p>
      {described?.advice ? <p>{described.advice}</p> : null}
      {askedAt ? <p class="hc-hint">{t('storage.persist.askedOn', { date: formatDate(askedAt) })}</p> : null}
    </section>
  );
}
