import { useState } from 'preact/hooks';
import { SourceTypeBadge } from '../../components/SourceTypeBadge';
import { StatusMessage } from '../../components/StatusMessage';
import { formatDate } from '../../components/format-date';
import { useObservable } from '../../components/hooks/use-observable';
import type { LibraryRepository } from '../../lib/db/repository';
import { SOURCE_TYPES, SOURCE_TYPE_LABELS } from '../../lib/model/source-type';
import { RulePacksSection } from './RulePacksSection';

export interface SiteRulesViewProps {
  repo: LibraryRepository;
}

/** The user's own list of sites and their types ("my GP practice's site is official"). */
export function SiteRulesView({ repo }: SiteRulesViewProps) {
  const rules = useObservable(() => repo.observeSiteRules(), []).value;
  const [host, setHost] = useState('');
  const [type, setType] = useState('official');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();

  const add = async (event: Event) => {
    event.preventDefault();
    const result = await repo.saveSiteRule({ host, type, note });
    if (!result.ok) {
      setStatus({ tone: 'error', text: result.error.message });
      return;
    }
    setStatus({ tone: 'success', text: `Added ${result.value.host}.` });
    setHost('');
    setNote('');
  };
  const remove = async (ruleHost: string) => {
    const result = await repo.deleteSiteRule(ruleHost);
    setStatus(result.ok ? { tone: 'success', text: `Removed ${ruleHost}.` } : { tone: 'error', text: result.error.message });
  };

  return (
    <main>
      <p><a href="#">Back to your library</a></p>
      <h1>Your list of sites</h1>
      <p>
        Tell us what kind of source a whole website is, for example your GP practice’s site. Your choice always wins over
        ours, for pages you have saved and pages you save later.
      </p>
      <form class="hc-panel" onSubmit={(e) => void add(e)}>
        <h2>Add a site</h2>
        <label for="hc-site-host">Website address</label>
        <input id="hc-site-host" type="text" value={host} placeholder="mysurgery.co.uk" onInput={(e) => setHost(e.currentTarget.value)} />
        <label for="hc-site-type">Type of source</label>
        <select id="hc-site-type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
          {SOURCE_TYPES.map((item) => (
            <option key={item} value={item}>{SOURCE_TYPE_LABELS[item]}</option>
          ))}
        </select>
        <label for="hc-site-note">Note (optional)</label>
        <input id="hc-site-note" type="text" value={note} placeholder="My GP practice" onInput={(e) => setNote(e.currentTarget.value)} />
        <div class="hc-actions">
          <button type="submit" class="hc-primary">Add site</button>
        </div>
      </form>
      {status ? <StatusMessage tone={status.tone}>{status.text}</StatusMessage> : null}
      {rules === undefined ? null : rules.length === 0 ? (
        <p class="hc-muted">Your list is empty.</p>
      ) : (
        <ul class="hc-list" aria-label="Your sites">
          {rules.map((rule) => (
            <li key={rule.host} class="hc-row">
              <div>
                <span class="hc-row__title">{rule.host}</span>
                <div class="hc-row__meta">
                  <SourceTypeBadge type={rule.type} />
                  {rule.note ? <span>{rule.note}</span> : null}
                  <span>Added {formatDate(rule.createdAt)}</span>
                </div>
              </div>
              <div>
                <button type="button" class="hc-danger" aria-label={`Remove ${rule.host}`} onClick={() => void remove(rule.host)}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <RulePacksSection />
    </main>
  );
}
