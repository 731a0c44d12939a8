import { useState } from 'preact/hooks';
import { SourceTypeBadge } from '../../components/SourceTypeBadge';
import { LiveStatus } from '../../components/LiveStatus';
import { formatDate } from '../../components/format-date';
import { useObservable } from '../../components/hooks/use-observable';
import type { LibraryRepository } from '../../lib/db/repository';
import { SOURCE_TYPES, SOURCE_TYPE_LABELS } from '../../lib/model/source-type';
import { RulePacksSection } from './RulePacksSection';
import { t } from '../../lib/i18n';

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
    setStatus({ tone: 'success', text: t('sites.added', { host: result.value.host }) });
    setHost('');
    setNote('');
  };
  const remove = async (ruleHost: string) => {
    const result = await repo.deleteSiteRule(ruleHost);
    setStatus(result.ok ? { tone: 'success', text: t('sites.removed', { host: ruleHost }) } : { tone: 'error', text: result.error.message });
  };

  return (
    <main>
      <p><a href="#">{t('library.back')}</a></p>
      <h1>{t('library.title.sites')}</h1>
      <p>{t('sites.intro')}</p>
      <form class="hc-panel" onSubmit={(e) => void add(e)}>
        <h2>{t('sites.addHeading')}</h2>
        <label for="hc-site-host">{t('sites.host')}</label>
        <input id="hc-site-host" type="text" value={host} placeholder={t('sites.hostExample')} onInput={(e) => setHost(e.currentTarget.value)} />
        <label for="hc-site-type">{t('reader.type.heading')}</label>
        <select id="hc-site-type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
          {SOURCE_TYPES.map((item) => (
            <option key={item} value={item}>{SOURCE_TYPE_LABELS[item]}</option>
          ))}
        </select>
        <label for="hc-site-note">{t('sites.note')}</label>
        <input id="hc-site-note" type="text" value={note} placeholder={t('sites.noteExample')} onInput={(e) => setNote(e.currentTarget.value)} />
        <div class="hc-actions">
          <button type="submit" class="hc-primary">{t('sites.add')}</button>
        </div>
      </form>
      <LiveStatus status={status} />
      {rules === undefined ? null : rules.length === 0 ? (
        <p class="hc-muted">{t('sites.empty')}</p>
      ) : (
        <ul class="hc-list" aria-label={t('sites.listLabel')}>
          {rules.map((rule) => (
            <li key={rule.host} class="hc-row">
              <div>
                <span class="hc-row__title">{rule.host}</span>
                <div class="hc-row__meta">
                  <SourceTypeBadge type={rule.type} />
                  {rule.note ? <span>{rule.note}</span> : null}
                  <span>{t('sites.addedOn', { date: formatDate(rule.createdAt) })}</span>
                </div>
              </div>
              <div>
                <button type="button" class="hc-danger" aria-label={t('sites.removeNamed', { host: rule.host })} onClick={() => void remove(rule.host)}>
                  {t('sites.remove')}
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
