import './ProgressStatus.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { ProgressAnnouncer, SHOW_AFTER_MS } from '../lib/progress/progress';

export interface ProgressStatusProps {
  /** The bar's accessible name, such as "Restoring your library". */
  label: string;
  /** Units done; with `total` undefined the bar just shows that work is going on. */
  done?: number;
  total?: number;
  /** The sentence shown under the bar, such as "Added 1,200 of 5,000 pages…". */
  text: string;
  /** Offered only where stopping is safe (nothing is left half done). */
  onCancel?: () => void;
  /** The Cancel button's words; "Cancel" unless the work needs its own. */
  cancelLabel?: string;
  /** True once Cancel was pressed and the work is winding down: the sentence becomes "Stopping…". */
  cancelling?: boolean;
  /** How long to wait before showing anything (quick work never flickers a bar). */
  delayMs?: number;
}

/**
 * Progress of slow work: a native <progress> with a name, the sentence it
 * stands for, and, where safe, a Cancel button. Shown only once the work has
 * taken over half a second. A screen reader hears the sentence politely at
 * the start, every tenth of the way or five seconds, and at the end
 * (lib/progress ProgressAnnouncer), not after every batch.
 */
export function ProgressStatus({ label, done, total, text: workText, onCancel, cancelLabel, cancelling = false, delayMs = SHOW_AFTER_MS }: ProgressStatusProps) {
  const text = cancelling ? t('progress.cancelling') : workText;
  const [shown, setShown] = useState(delayMs <= 0);
  const [spoken, setSpoken] = useState('');
  const announcer = useRef(new ProgressAnnouncer());
  useEffect(() => {
    if (shown) return;
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (!shown) return;
    if (cancelling || total === undefined || done === undefined) setSpoken(text);
    else if (announcer.current.shouldAnnounce({ done, total }, Date.now())) setSpoken(text);
  }, [shown, done, total, text, cancelling]);
  if (!shown) return null;
  const known = total !== undefined && done !== undefined && total > 0;
  return (
    <div class="hc-progress" data-testid="progress">
      {known ? <progress max={total} value={Math.min(done, total)} aria-label={label} /> : <progress aria-label={label} />}
      <p class="hc-progress__text" aria-hidden="true">
        {text}
      </p>
      <p class="hc-visually-hidden" role="status" aria-live="polite">
        {spoken}
      </p>
      {onCancel ? (
        // aria-disabled, not disabled: a disabled button would drop keyboard focus to the page body.
        <button type="button" class="hc-progress__cancel" aria-disabled={cancelling} onClick={() => cancelling || onCancel()}>
          {cancelLabel ?? t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}
