import { useState } from 'preact/hooks';
import { formatDay } from '../../../lib/consult/format';
import type { ReadingList } from '../../../lib/model/collection';
import { focusSoon } from './ReorderButtons';
import { t } from '../../../lib/i18n';

export interface AfterAppointmentProps {
  list: ReadingList;
  onKeep: () => void;
  onStartNext: () => void;
}

/** After the appointment: keep the list as a dated record (asked twice: it cannot be undone), then start the next one. */
export function AfterAppointment({ list, onKeep, onStartNext }: AfterAppointmentProps) {
  const [confirming, setConfirming] = useState(false);
  const open = list.questions.filter((q) => !q.answered).length;
  const carried = t('lists.after.carried', open);
  return (
    <section class="hc-panel hc-section" aria-labelledby="hc-after-heading">
      <h2 id="hc-after-heading">{t('lists.after.heading')}</h2>
      {list.recordedAt ? (
        <>
          <p>{t('lists.after.keptOn', { date: formatDay(list.recordedAt) })}</p>
          <p class="hc-hint">{t('lists.after.nextHint', { carried })}</p>
          <button type="button" class="hc-primary" onClick={onStartNext}>{t('lists.after.startNext')}</button>
        </>
      ) : confirming ? (
        <div role="group" aria-labelledby="hc-keep-question">
          <p id="hc-keep-question">
            <strong>{t('lists.after.confirmQuestion')}</strong> {t('lists.after.confirmDetail', { carried })}
          </p>
          <div class="hc-actions">
            <button id="hc-keep-yes" type="button" class="hc-primary" onClick={onKeep}>{t('lists.after.confirmYes')}</button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                focusSoon('hc-keep');
              }}
            >
              {t('lists.after.notYet')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p class="hc-hint">{t('lists.after.hint')}</p>
          <button
            id="hc-keep"
            type="button"
            onClick={() => {
              setConfirming(true);
              focusSoon('hc-keep-yes');
            }}
          >
            {t('lists.after.keep')}
          </button>
        </>
      )}
    </section>
  );
}
