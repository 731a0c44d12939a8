import { useEffect, useRef, useState } from 'preact/hooks';
import { listProblem } from '../../../lib/consult/list-edits';
import type { LibraryRepository } from '../../../lib/db/repository';
import type { Collection } from '../../../lib/model/collection';
import { fail } from '../../../lib/model/result';
import { t } from '../../../lib/i18n';

/** How long typing may pause before the list is saved. */
const SAVE_AFTER_MS = 600;

/** A list being edited: the draft shown, how to change it, and what went wrong saving it. */
export interface ListDraft<C extends Collection> {
  draft: C;
  /** Changes the draft; saved after a pause in typing, or at once for a click (`immediate`). */
  edit(change: (current: C) => C, immediate?: boolean): void;
  /** Saves what is pending now; true when everything is saved. Call before printing, copying or downloading. */
  flush(): Promise<boolean>;
  /** Why the draft cannot be saved yet (an empty title, an empty question), in plain words. */
  problem?: string;
  /** Why saving failed, in plain words. */
  error?: string;
}

/**
 * Keeps a local draft of a stored list and saves it as the user edits
 * (whole list at a time, through CollectionStore.save). The stored copy
 * replaces the draft only when nothing is waiting to be saved, so a change
 * made elsewhere (the popup's "Add to my next appointment") shows up
 * without overwriting what the user is typing.
 */
export function useListDraft<C extends Collection>(repo: LibraryRepository, stored: C): ListDraft<C> {
  const [draft, setDraft] = useState(stored);
  const [problem, setProblem] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const current = useRef(stored);
  const pending = useRef(false);
  const inFlight = useRef(0);
  /** When our own last save was stored: an older stored copy arriving late must not replace the draft. */
  const savedAt = useRef(stored.updatedAt);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const sameKind = (c: Collection): c is C => c.kind === current.current.kind;

  const show = (c: C) => {
    current.current = c;
    setDraft(c);
  };

  useEffect(() => {
    if (!pending.current && inFlight.current === 0 && stored.updatedAt >= savedAt.current) show(stored);
  }, [stored]);

  const flush = (): Promise<boolean> => {
    clearTimeout(timer.current);
    queue.current = queue.current.then(async () => {
      if (!pending.current) return true;
      const wanted = current.current;
      const why = listProblem(wanted);
      setProblem(why);
      if (why) return false;
      pending.current = false;
      inFlight.current += 1;
      const result = await repo.collections.save(wanted).catch(() => fail('storage-failed', t('lists.editor.saveFailed')));
      inFlight.current -= 1;
      if (!result.ok) {
        pending.current = true;
        setError(result.error.message);
        return false;
      }
      setError(undefined);
      if (result.value.updatedAt > savedAt.current) savedAt.current = result.value.updatedAt;
      if (!pending.current && inFlight.current === 0 && sameKind(result.value)) show(result.value);
      return true;
    });
    return queue.current;
  };

  const edit = (change: (c: C) => C, immediate = false) => {
    show(change(current.current));
    pending.current = true;
    clearTimeout(timer.current);
    if (immediate) void flush();
    else timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
  };

  // Leaving the editor (another route, closing the tab) saves what was typed.
  useEffect(() => {
    const beforeUnload = () => void flush();
    addEventListener('pagehide', beforeUnload);
    return () => {
      removeEventListener('pagehide', beforeUnload);
      void flush();
    };
  }, []);

  return { draft, edit, flush, problem, error };
}
