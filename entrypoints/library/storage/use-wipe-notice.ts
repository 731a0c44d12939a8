import { useEffect, useState } from 'preact/hooks';
import type { WipeNotice } from '../../../lib/db/eviction-canary';
import type { LibraryRepository } from '../../../lib/db/repository';
import { checkLibraryStorage } from '../../../lib/settings/library-canary';
import { libraryCanarySetting } from '../../../lib/settings/settings';

/**
 * Runs the eviction canary once when the library opens and returns the
 * wipe notice to show, if any; kept current, so dismissing it (or a restore)
 * in one tab hides it in the others.
 */
export function useWipeNotice(repo: LibraryRepository): WipeNotice | undefined {
  const [notice, setNotice] = useState<WipeNotice | undefined>();
  useEffect(() => {
    let live = true;
    void checkLibraryStorage(repo.meta)
      .then((check) => live && setNotice(check.record.wiped))
      .catch(() => undefined); // the check is a safety net: when it cannot run, the library still works
    const unwatch = libraryCanarySetting.watch((record) => setNotice(record?.wiped));
    return () => {
      live = false;
      unwatch();
    };
  }, [repo]);
  return notice;
}

/** Opens Settings at "Restore from a backup" and puts the focus on choosing the file. */
export function goToRestore(): void {
  location.hash = 'settings';
  const started = Date.now();
  const focus = () => {
    const input = document.getElementById('hc-restore-file');
    if (input) {
      document.getElementById('restore')?.scrollIntoView({ block: 'start' });
      input.focus();
    } else if (Date.now() - started < 3_000) requestAnimationFrame(focus);
  };
  requestAnimationFrame(focus);
}
