import { useState } from 'preact/hooks';
import { StatusMessage } from '../../../components/StatusMessage';
import type { ResolvedCollection } from '../../../lib/consult/types';
import { prescriptionWarnings, type PrescriptionWarning } from '../../../lib/consult/warnings';
import type { SiteRule } from '../../../lib/model/source-type';
import { focusSoon } from './ReorderButtons';

export interface IssuePanelProps {
  siteRules: readonly SiteRule[];
  /** Saves what is being typed and looks the template up; undefined when saving failed. */
  prepare: () => Promise<ResolvedCollection | undefined>;
  /** Makes the dated copy; resolves to an error message, or undefined when it was issued. */
  onIssue: (patientName: string) => Promise<string | undefined>;
}

type State = { step: 'closed' } | { step: 'checking' } | { step: 'ready'; warnings: PrescriptionWarning[] };

/**
 * "Issue to a patient…": an optional name, then what to check first
 * (pages of unknown or commercial type, overdue or old pages), and a
 * confirmation when there is anything to check.
 */
export function IssuePanel({ siteRules, prepare, onIssue }: IssuePanelProps) {
  const [state, setState] = useState<State>({ step: 'closed' });
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const open = async () => {
    setState({ step: 'checking' });
    const resolved = await prepare();
    if (!resolved) {
      setState({ step: 'closed' });
      return;
    }
    setState({ step: 'ready', warnings: prescriptionWarnings(resolved, siteRules, new Date()) });
    focusSoon('hc-issue-name');
  };
  const close = () => {
    setState({ step: 'closed' });
    setError(undefined);
    focusSoon('hc-issue-open');
  };
  const issue = async () => setError(await onIssue(name));

  if (state.step !== 'ready') {
    return (
      <div class="hc-actions">
        <button id="hc-issue-open" type="button" class="hc-primary" disabled={state.step === 'checking'} onClick={() => void open()}>
          {state.step === 'checking' ? 'Checking the list…' : 'Issue to a patient…'}
        </button>
      </div>
    );
  }
  const { warnings } = state;
  return (
    <div class="hc-issue" role="group" aria-labelledby="hc-issue-heading">
      <h3 id="hc-issue-heading">Make a dated copy for one patient</h3>
      <p class="hc-hint">You can personalise the copy. The template stays as it is.</p>
      <label for="hc-issue-name">Patient’s name (optional)</label>
      <input id="hc-issue-name" type="text" maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      {warnings.length ? (
        <div class="hc-warnings" role="alert" aria-labelledby="hc-warnings-heading">
          <h4 id="hc-warnings-heading">
            Check {warnings.length === 1 ? 'this' : `these ${warnings.length} things`} before you issue it
          </h4>
          <ul>
            {warnings.map((w) => (
              <li key={`${w.itemId}-${w.reason}`} data-reason={w.reason}>
                <strong>{w.title}:</strong> {w.message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>Nothing to check: every page has a known type and is not past its review date.</p>
      )}
      <div class="hc-actions">
        <button type="button" class="hc-primary" onClick={() => void issue()}>{warnings.length ? 'Issue anyway' : 'Issue'}</button>
        <button type="button" onClick={close}>{warnings.length ? 'Go back and change the list' : 'Cancel'}</button>
      </div>
      {error ? <StatusMessage tone="error">{error}</StatusMessage> : null}
    </div>
  );
}
