import { useEffect } from 'preact/hooks';

export interface UndoToastProps {
  title: string;
  onUndo: () => void;
  onDismiss: () => void;
}

/** How long the undo offer stays, long enough for a slow reader. */
const UNDO_MS = 15_000;

/** "Deleted … Undo", announced to screen readers. */
export function UndoToast({ title, onUndo, onDismiss }: UndoToastProps) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, UNDO_MS);
    return () => clearTimeout(timer);
  }, [title]);
  return (
    <div class="hc-toast" role="status">
      <span>Deleted “{title}”.</span>
      <button type="button" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
