import { useRef, useState } from 'preact/hooks';
import type { Progress } from '../../lib/progress/progress';

/** Slow work the UI started: whether it runs, how far it is, and a way to cancel it. */
export interface CancellableWork {
  running: boolean;
  cancelling: boolean;
  progress: Progress | undefined;
  /** Runs `work` with a fresh AbortSignal and a progress listener; resolves with what it returned. */
  run<T>(work: (signal: AbortSignal, onProgress: (progress: Progress) => void) => Promise<T>): Promise<T>;
  cancel(): void;
}

/**
 * State for one slow job at a time (a restore, an import). The work itself
 * checks the signal between batches: cancelling only asks it to stop, and it
 * says in its result whether it did.
 */
export function useCancellableWork(): CancellableWork {
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [progress, setProgress] = useState<Progress | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);
  return {
    running,
    cancelling,
    progress,
    async run(work) {
      const current = new AbortController();
      controller.current = current;
      setRunning(true);
      setCancelling(false);
      setProgress(undefined);
      try {
        return await work(current.signal, setProgress);
      } finally {
        if (controller.current === current) controller.current = undefined;
        setRunning(false);
        setCancelling(false);
        setProgress(undefined);
      }
    },
    cancel() {
      if (!controller.current) return;
      setCancelling(true);
      controller.current.abort();
    },
  };
}
