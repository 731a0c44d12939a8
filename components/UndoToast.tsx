import { useEffect, useRef } from 'preact/hooks';
import { t } from '../lib/i18n';

export interface UndoToastProps {
  /** What was deleted; undefined keeps the (empty) region in the page, ready to announce the next one. */
  title: string | undefined;
  /** A highlight is named by its words ("Deleted the highlight “…”"), anything else by its title. */
  kind?: 'highlight';
  onUndo: () => void;
  onDismiss: () => void;
}

/** How long the undo offer stays, long enough for a slow reader. */
const UNDO_MS = 15_000;

/**
 * "Deleted … Undo", announced to screen readers. The live region is always
 * rendered and only its contents come and go, because a region inserted
 * together with its text is often not read out.
 */
export function UndoToast({ title, kind, onUndo, onDismiss }: UndoToastProps) {
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (title === undefined) return;
    // The Delete button went with what it deleted, leaving keyboard focus on nothing: Undo is the place to be.
    if (!document.activeElement || document.activeElement === document.body) undo.current?.focus();
    const timer = setTimeout(onDismiss, UNDO_MS);
    return () => clearTimeout(timer);
  }, [title]);
  return (
    <div class="hc-toast-region" role="status">
      {title === undefined ? null : (
        <div class="hc-toast">
          <span>{kind === 'highlight' ? t('toast.deletedHighlight', { quote: title }) : t('toast.deleted', { title })}</span>
          <button type="button" ref={undo} onClick={onUndo}>
            {t('common.undo')}
          </button>
        </div>
      )}
    </div>
  );
}
