import { useEffect, useRef, useState } from 'preact/hooks';
import { ProgressStatus } from '../../../components/ProgressStatus';
import { StatusMessage } from '../../../components/StatusMessage';
import { useCancellableWork } from '../../../components/hooks/use-cancellable-work';
import type { LibraryRepository } from '../../../lib/db/repository';
import { checkCollectionFile, FILE_LIMITS } from '../../../lib/exchange/collection-file';
import { PENDING_IMPORT_EVENT } from '../../../lib/exchange/import-handoff';
import { importAddresses, planImport, type ImportPlan } from '../../../lib/exchange/import-plan';
import { t } from '../../../lib/i18n';
import { listHref } from '../use-hash-route';
import { ImportPreview } from './ImportPreview';
import { takeHandedOverFile } from './open-import';
import './import.css';

export interface ImportViewProps {
  repo: LibraryRepository;
}

type State =
  | { step: 'choose'; cancelled?: boolean }
  | { step: 'reading'; from: string }
  | { step: 'problem'; message: string; fromFile: boolean }
  | { step: 'preview'; from: string; plan: ImportPlan; busy: boolean; error?: string; cancelled?: boolean };

/** User Timing marks, so a benchmark can read how long each step took (no data leaves the page). */
function measure(name: string, start: string): void {
  try {
    performance.measure(name, start);
  } catch {
    // A missing mark only loses a timing.
  }
}

const MB = 1024 * 1024;
const nf = (n: number) => n.toLocaleString('en-GB');

/**
 * `#import`: "Import a collection file". Choose a .json file (or arrive with
 * one handed over by a share link: open-import.ts), see what it would add,
 * then "Add to my library" or "Cancel". Nothing is written before the user
 * confirms, and then everything is written at once or not at all.
 */
export function ImportView({ repo }: ImportViewProps) {
  const [state, setState] = useState<State>({ step: 'choose' });
  const input = useRef<HTMLInputElement>(null);
  const work = useCancellableWork();
  // Reading only looks at the file and the library, so it can always be dropped: a newer number means "cancelled".
  const reads = useRef(0);

  const readText = async (text: string, from: string, fromFile: boolean) => {
    const mine = ++reads.current;
    setState({ step: 'reading', from });
    performance.mark('hc-import-read');
    const checked = checkCollectionFile(text);
    if (!checked.ok) {
      setState({ step: 'problem', message: checked.message, fromFile });
      return;
    }
    try {
      const library = await repo.collections.importLibraryFor(importAddresses(checked.file));
      if (reads.current !== mine) return;
      const plan = planImport(checked.file, library);
      measure('hc-import-preview', 'hc-import-read');
      setState({ step: 'preview', from, plan, busy: false });
    } catch {
      if (reads.current === mine) setState({ step: 'problem', message: t('import.libraryUnreadable'), fromFile });
    }
  };

  const takeHandedOver = () => {
    const pending = takeHandedOverFile();
    if (pending) void readText(pending.text, pending.sourceLabel ?? t('import.fromLink'), false);
  };
  useEffect(() => {
    takeHandedOver();
    addEventListener(PENDING_IMPORT_EVENT, takeHandedOver);
    return () => removeEventListener(PENDING_IMPORT_EVENT, takeHandedOver);
  }, []);
  useEffect(() => {
    if (state.step === 'preview' && !state.busy) document.getElementById('hc-import-preview-heading')?.focus();
  }, [state.step]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const from = t('import.fromFile', { name: file.name });
    // Refuse before reading: the text check repeats this on the characters.
    if (file.size > FILE_LIMITS.maxFileChars) {
      setState({ step: 'problem', message: t('import.tooLarge', { size: (file.size / MB).toFixed(0), max: FILE_LIMITS.maxFileChars / MB }), fromFile: true });
      return;
    }
    try {
      await readText(await file.text(), from, true);
    } catch {
      setState({ step: 'problem', message: t('import.unreadable'), fromFile: true });
    }
  };

  const cancelReading = () => {
    reads.current++;
    if (input.current) input.current.value = '';
    setState({ step: 'choose', cancelled: true });
    input.current?.focus();
  };

  const cancel = () => {
    if (input.current) input.current.value = '';
    setState({ step: 'choose' });
    input.current?.focus();
  };

  const confirm = async () => {
    if (state.step !== 'preview') return;
    setState({ ...state, busy: true, error: undefined, cancelled: false });
    performance.mark('hc-import-apply');
    const result = await work.run((signal, onProgress) => repo.collections.applyImport(state.plan, { signal, onProgress })).catch(() => undefined);
    measure('hc-import-applied', 'hc-import-apply');
    if (result && !result.ok && result.error.code === 'cancelled') {
      // The preview stays, so the user can still add the collection after all.
      setState({ ...state, busy: false, cancelled: true });
      return;
    }
    if (!result?.ok) {
      setState({ ...state, busy: false, error: result?.error.message ?? t('import.failed') });
      return;
    }
    location.hash = listHref(result.value.collection.id);
  };

  return (
    <main class="hc-import">
      <p><a href="#lists">{t('import.back')}</a></p>
      <h1>{t('import.heading')}</h1>
      <p>{t('import.intro')}</p>
      <label for="hc-import-file">{t('import.chooseFile')}</label>
      <input
        id="hc-import-file"
        ref={input}
        type="file"
        accept=".json,application/json"
        disabled={state.step === 'reading' || (state.step === 'preview' && state.busy)}
        onChange={(e) => void choose(e.currentTarget.files?.[0])}
      />
      {state.step === 'reading' ? (
        <ProgressStatus label={t('import.readingLabel')} text={t('import.reading', { from: state.from })} onCancel={cancelReading} />
      ) : null}
      {state.step === 'choose' && state.cancelled ? <StatusMessage tone="info">{t('import.cancelled')}</StatusMessage> : null}
      {state.step === 'problem' ? (
        <div class="hc-import__problem">
          <StatusMessage tone="error">
            <p class="hc-pre">{state.message}</p>
            <p>
              {t('import.nothingAdded')}
              {state.fromFile ? t('import.chooseAnother') : ''}
            </p>
          </StatusMessage>
        </div>
      ) : null}
      {state.step === 'preview' ? (
        <>
          {state.error ? <StatusMessage tone="error">{state.error}</StatusMessage> : null}
          {state.cancelled ? <StatusMessage tone="info">{t('import.cancelled')}</StatusMessage> : null}
          {work.running ? (
            <ProgressStatus
              label={t('import.addingLabel')}
              done={work.progress?.done}
              total={work.progress?.total}
              text={
                work.progress
                  ? t('import.addingProgress', { done: nf(work.progress.done), total: nf(work.progress.total) })
                  : t('import.adding')
              }
              onCancel={work.cancel}
              cancelling={work.cancelling}
            />
          ) : null}
          <ImportPreview plan={state.plan} from={state.from} busy={state.busy} onConfirm={() => void confirm()} onCancel={cancel} />
        </>
      ) : null}
    </main>
  );
}
