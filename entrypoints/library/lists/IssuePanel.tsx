import { useState } from 'preact/hooks';
import { LiveStatus } from '../../../components/LiveStatus';
import type { ResolvedCollection } from '../../../lib/consult/types';
import { prescriptionWarnings, type PrescriptionWarning } from '../../../lib/consult/warnings';
import type { SiteRule } from '../../../lib/model/source-type';
import { focusSoon } from './ReorderButtons';
import { t } from '../../../lib/i18n';

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
          {state.step === 'checking' ? t('lists.issue.checking') : t('lists.issue.open')}
        </button>
      </div>
    );
  }
  const { warnings } = state;
  return (
    <div class="hc-issue" role="group" aria-labelledby="hc-issue-heading">
      <h3 id="hc-issue-heading">{t('lists.issue.heading')}</h3>
      <p class="hc-hint">{t('lists.issue.hint')}</p>
      <label for="hc-issue-name">{t('lists.issue.patientName')}</label>
      <input id="hc-issue-name" type="text" maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      {warnings.length ? (
        <div class="hc-warnings" role="alert" aria-labelledby="hc-warnings-heading">
          <h4 id="hc-warnings-heading">
            {t('lists.issue.check', warnings.length)}
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
        <p>{t('lists.issue.nothingToCheck')}</p>
      )}
      <div class="hc-actions">
        <button type="button" class="hc-primary" onClick={() => void issue()}>{warnings.length ? t('lists.issue.anyway') : t('lists.issue.issue')}</button>
        <button type="button" onClick={close}>{warnings.length ? t('lists.issue.goBack') : t('common.cancel')}</button>
      </div>
      <LiveStatus status={error ? { tone: 'error', text: error } : undefined} />
    </div>
  );
}
