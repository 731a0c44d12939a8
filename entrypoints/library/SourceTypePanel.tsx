import { useState } from 'preact/hooks';
import { SourceVerdictDetails } from '../../components/SourceVerdictDetails';
import { Emphasised, EMPHASIS_MARK } from './Emphasised';
import { LiveStatus } from '../../components/LiveStatus';
import type { LibraryRepository } from '../../lib/db/repository';
import type { Clip } from '../../lib/model/clip';
import { bareHostOf, resolveSourceType } from '../../lib/model/site-rules';
import { SOURCE_TYPES, SOURCE_TYPE_LABELS, sourceTypeSchema, type SiteRule } from '../../lib/model/source-type';
import { t } from '../../lib/i18n';

export interface SourceTypePanelProps {
  repo: LibraryRepository;
  clip: Clip;
  siteRules: readonly SiteRule[];
}

type Scope = 'page' | 'site';

/** The verdict with its evidence, and the user's way to change it for this page or the whole site. */
export function SourceTypePanel({ repo, clip, siteRules }: SourceTypePanelProps) {
  const shown = resolveSourceType(clip, siteRules);
  const host = bareHostOf(clip.url) ?? '';
  const [choice, setChoice] = useState<string>(shown.decidedBy === 'classifier' ? '' : shown.type);
  const [scope, setScope] = useState<Scope>(shown.decidedBy === 'site' ? 'site' : 'page');
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();

  const save = async (event: Event) => {
    event.preventDefault();
    const type = sourceTypeSchema.safeParse(choice).data;
    let result;
    if (scope === 'page') {
      result = await repo.updateClip(clip.id, { sourceOverride: type ?? null });
    } else if (type) {
      result = await repo.saveSiteRule({ host, type });
      // The site rule should show here, so drop this page's own choice.
      if (result.ok && clip.sourceOverride) result = await repo.updateClip(clip.id, { sourceOverride: null });
    } else {
      result = shown.rule ? await repo.deleteSiteRule(shown.rule.host) : await repo.updateClip(clip.id, { sourceOverride: null });
    }
    setStatus(
      result.ok
        ? { tone: 'success', text: scope === 'site' && type ? t('reader.type.siteSaved', { host, type: SOURCE_TYPE_LABELS[type] }) : t('reader.type.saved') }
        : { tone: 'error', text: result.error.message },
    );
  };

  return (
    <section class="hc-panel" aria-labelledby="hc-type-heading">
      <h2 id="hc-type-heading">{t('reader.type.heading')}</h2>
      {shown.decidedBy === 'page' ? <p><Emphasised text={t('reader.type.youChose', { type: EMPHASIS_MARK })} value={SOURCE_TYPE_LABELS[shown.type]} /></p> : null}
      {shown.decidedBy === 'site' && shown.rule ? (
        <p>
          <Emphasised text={t('reader.type.siteRule', { host: shown.rule.host, type: EMPHASIS_MARK })} value={SOURCE_TYPE_LABELS[shown.type]} />
        </p>
      ) : null}
      <p>
        <Emphasised text={t('reader.type.weThink', { type: EMPHASIS_MARK })} value={SOURCE_TYPE_LABELS[clip.sourceVerdict.type]} />
      </p>
      <SourceVerdictDetails verdict={clip.sourceVerdict} />
      <form onSubmit={(e) => void save(e)}>
        <label for="hc-type-override">{t('reader.type.change')}</label>
        <select id="hc-type-override" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          <option value="">{t('reader.type.useSuggestion', { type: SOURCE_TYPE_LABELS[clip.sourceVerdict.type] })}</option>
          {SOURCE_TYPES.map((item) => (
            <option key={item} value={item}>{SOURCE_TYPE_LABELS[item]}</option>
          ))}
        </select>
        <fieldset class="hc-scope">
          <legend>{t('reader.type.for')}</legend>
          <label>
            <input type="radio" name="hc-scope" value="page" checked={scope === 'page'} onChange={() => setScope('page')} /> {t('reader.type.pageOnly')}
          </label>
          <label>
            <input type="radio" name="hc-scope" value="site" checked={scope === 'site'} onChange={() => setScope('site')} /> {t('reader.type.wholeSite', { host })}
          </label>
        </fieldset>
        <button type="submit">{t('reader.type.save')}</button>
      </form>
      <LiveStatus status={status} />
    </section>
  );
}
