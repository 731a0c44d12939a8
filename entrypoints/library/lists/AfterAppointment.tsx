import { useState } from 'preact/hooks';
import { formatDay } from '../../../lib/consult/format';
import type { ReadingList } from '../../../lib/model/collection';
import { focusSoon } from './ReorderButtons';

export interface AfterAppointmentProps {
  list: ReadingList;
  onKeep: () => void;
  onStartNext: () => void;
}

/** After the appointment: keep the list as a dated record (asked twice: it cannot be undone), then start the next one. */
export function AfterAppointment({ list, onKeep, onStartNext }: AfterAppointmentProps) {
  const [confirming, setConfirming] = useState(false);
  const open = list.questions.filter((q) => !q.answered).length;
  const carried = `${open} unanswered question${open === 1 ? '' : 's'}`;
  return (
    <section class="hc-panel hc-section" aria-labelledby="hc-after-heading">
      <h2 id="hc-after-heading">After the appointment</h2>
      {list.recordedAt ? (
        <>
          <p>You kept this list as a record on {formatDay(list.recordedAt)}.</p>
          <p class="hc-hint">Your next list starts with the same reading, what matters to you, your medicines and the {carried}.</p>
          <button type="button" class="hc-primary" onClick={onStartNext}>Start my next list</button>
        </>
      ) : confirming ? (
        <div role="group" aria-labelledby="hc-keep-question">
          <p id="hc-keep-question">
            <strong>Keep this list as it is now?</strong> After this it cannot be changed. The {carried} can go on to your next list.
          </p>
          <div class="hc-actions">
            <button id="hc-keep-yes" type="button" class="hc-primary" onClick={onKeep}>Yes, keep it as a record</button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                focusSoon('hc-keep');
              }}
            >
              Not yet
            </button>
          </div>
        </div>
      ) : (
        <>
          <p class="hc-hint">Tick the questions that were answered and note what you were told. Then keep the list as a dated record of the appointment.</p>
          <button
            id="hc-keep"
            type="button"
            onClick={() => {
              setConfirming(true);
              focusSoon('hc-keep-yes');
            }}
          >
            Keep as a dated record
          </button>
        </>
      )}
    </section>
  );
}
