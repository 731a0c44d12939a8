import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../../../lib/i18n';

export interface ReorderButtonsProps {
  /** Prefix for the buttons' ids, unique on the page, so focus can follow a moved entry. */
  idPrefix: string;
  /** What the entry is called, for screen readers ("Move up: What are my options?"). */
  label: string;
  index: number;
  total: number;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** Move up, Move down and Remove for one entry of an ordered list. */
export function ReorderButtons({ idPrefix, label, index, total, onMove, onRemove }: ReorderButtonsProps) {
  return (
    <div class="hc-actions hc-reorder">
      <button id={`${idPrefix}-up`} type="button" disabled={index === 0} aria-label={t('lists.reorder.upLabel', { label })} onClick={() => onMove(-1)}>
        {t('lists.reorder.up')}
      </button>
      <button id={`${idPrefix}-down`} type="button" disabled={index >= total - 1} aria-label={t('lists.reorder.downLabel', { label })} onClick={() => onMove(1)}>
        {t('lists.reorder.down')}
      </button>
      <button type="button" class="hc-danger" aria-label={t('lists.reorder.removeLabel', { label })} onClick={onRemove}>
        {t('lists.reorder.remove')}
      </button>
    </div>
  );
}

/**
 * Keeps keyboard focus on a moved entry's button after the list re-renders
 * (or on its other move button when that end is reached), so pressing
 * Move up again keeps moving the same entry.
 */
export function useFocusAfterMove(): (idPrefix: string, delta: -1 | 1) => void {
  const wanted = useRef<{ idPrefix: string; delta: -1 | 1 } | undefined>(undefined);
  // Before paint, so focus is never left on the body while the list moves.
  useLayoutEffect(() => {
    const w = wanted.current;
    if (!w) return;
    wanted.current = undefined;
    const [first, second] = w.delta < 0 ? ['up', 'down'] : ['down', 'up'];
    for (const which of [first, second]) {
      const button = document.getElementById(`${w.idPrefix}-${which}`);
      if (button instanceof HTMLButtonElement && !button.disabled) {
        button.focus();
        return;
      }
    }
  });
  return (idPrefix, delta) => {
    wanted.current = { idPrefix, delta };
  };
}

/** Moves keyboard focus to an element by id once the next render is on screen (after a removal, say). */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
