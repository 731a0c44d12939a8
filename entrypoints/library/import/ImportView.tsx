import { useEffect, useRef, useState } from 'preact/hooks';
import { StatusMessage } from '../../../components/StatusMessage';
import type { LibraryRepository } from '../../../lib/db/repository';
import { checkCollectionFile, FILE_LIMITS } from '../../../lib/exchange/collection-file';
import { PENDING_IMPORT_EVENT } from '../../../lib/exchange/import-handoff';
import { importAddresses, planImport, type ImportPlan } from '../../../lib/exchange/import-plan';
import { listHref } from '../use-hash-route';
import { ImportPreview } from './ImportPreview';
import { takeHandedOverFile } from './open-import';
import './import.css';

export interface ImportViewProps {
  repo: LibraryRepository;
}

type State =
  | { step: 'choose' }
  | { step: 'reading'; from: string }
  | { step: 'problem'; message: string; fromFile: boolean }
  | { step: 'preview'; from: string; plan: ImportPlan; busy: boolean; error?: string };

/** User Timing marks, so a benchmark can read how long each step took (no data leaves the page). */
function measure(name: string, start: string): void {
  try {
    performance.measure(name, start);
  } catch {
    // A missing mark only loses a timing.
  }
}

const MB = 1024 * 1024;

/**
 * `#import`: "Import a collection file". Choose a .json file (or arrive with
 * one handed over by a share link: open-import.ts), see what it would add,
 * then "Add to my library" or "Cancel". Nothing is written before the user
 * confirms, and then everything is written at once or not at all.
 */
export function ImportView({ repo }: ImportViewProps) {
  const [state, setState] = useState<State>({ step: 'choose' });
  const input = useRef<HTMLInputElement>(null);

  const readText = async (text: string, from: string, fromFile: boolean) => {
    setState({ step: 'reading', from });
    performance.mark('hc-import-read');
    const checked = checkCollectionFile(text);
    if (!checked.ok) {
      setState({ step: 'problem', message: checked.message, fromFile });
      return;
    }
    try {
      const library = await repo.collections.importLibraryFor(importAddresses(checked.file));
      const plan = planImport(checked.file, library);
      measure('hc-import-preview', 'hc-import-read');
      setState({ step: 'preview', from, plan, busy: false });
    } catch {
      setState({ step: 'problem', message: 'Your library could not be read to compare the file with it. Reload the page and try again.', fromFile });
    }
  };

  const takeHandedOver = () => {
    const pending = takeHandedOverFile();
    if (pending) void readText(pending.text, pending.sourceLabel ?? 'a link or page in Health Clipper', false);
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
    const from = `the file “${file.name}”`;
    // Refuse before reading: the text check repeats this on the characters.
    if (file.size > FILE_LIMITS.maxFileChars) {
      setState({ step: 'problem', message: `The file is too large (${(file.size / MB).toFixed(0)} MB). A collection file can be at most ${FILE_LIMITS.maxFileChars / MB} MB.`, fromFile: true });
      return;
    }
    try {
      await readText(await file.text(), from, true);
    } catch {
      setState({ step: 'problem', message: 'The file could not be read. Choose it again, or check it is not open in another program.', fromFile: true });
    }
  };

  const cancel = () => {
    if (input.current) input.current.value = '';
    setState({ step: 'choose' });
    input.current?.focus();
  };

  const confirm = async () => {
    if (state.step !== 'preview') return;
    setState({ ...state, busy: true, error: undefined });
    performance.mark('hc-import-apply');
    const result = await repo.collections.applyImport(state.plan).catch(() => undefined);
    measure('hc-import-applied', 'hc-import-apply');
    if (!result?.ok) {
      setState({ ...state, busy: false, error: result?.error.message ?? 'The collection could not be added. Nothing was changed. Try again.' });
      return;
    }
    location.hash = listHref(result.value.collection.id);
  };

  return (
    <main class="hc-import">
      <p><a href="#lists">Back to collections and lists</a></p>
      <h1>Import a collection file</h1>
      <p>
        A collection file (.json) holds a list of web pages with notes, shared by a support group, a clinician or a friend. You will see what it holds
        before anything is added, and pages already in your library are not saved twice.
      </p>
      <label for="hc-import-file">Choose a collection file</label>
      <input
        id="hc-import-file"
        ref={input}
        type="file"
        accept=".json,application/json"
        disabled={state.step === 'reading' || (state.step === 'preview' && state.busy)}
        onChange={(e) => void choose(e.currentTarget.files?.[0])}
      />
      {state.step === 'reading' ? <p role="status">Reading {state.from}…</p> : null}
      {state.step === 'problem' ? (
        <div class="hc-import__problem">
          <StatusMessage tone="error">
            <p class="hc-pre">{state.message}</p>
            <p>Nothing was added to your library.{state.fromFile ? ' Choose another file, or ask for it to be sent again.' : ''}</p>
          </StatusMessage>
        </div>
      ) : null}
      {state.step === 'preview' ? (
        <>
          {state.error ? <StatusMessage tone="error">{state.error}</StatusMessage> : null}
          <ImportPreview plan={state.plan} from={state.from} busy={state.busy} onConfirm={() => void confirm()} onCancel={cancel} />
        </>
      ) : null}
    </main>
  );
}
