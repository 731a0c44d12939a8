import { t } from '../lib/i18n';
import type { SourceVerdict } from '../lib/model/source-type';
import { describeSubtype } from '../lib/classify/describe-subtype';

export interface SourceVerdictDetailsProps {
  verdict: SourceVerdict;
}

/** The evidence behind a verdict, in plain words: why, what pointed elsewhere, and the facets. */
export function SourceVerdictDetails({ verdict }: SourceVerdictDetailsProps) {
  const { facets } = verdict;
  const reasons = [...verdict.reasons, ...(verdict.supporting ?? [])].filter((r, i, all) => all.indexOf(r) === i);
  return (
    <div class="hc-verdict">
      <ul class="hc-verdict__reasons">
        {reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {verdict.conflicting?.length ? (
        <>
          <p class="hc-verdict__label">{t('source.pointingElsewhere')}</p>
          <ul>
            {verdict.conflicting.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {facets?.host || facets?.subtype || facets?.archivedFrom || facets?.copyOf ? (
        <dl class="hc-facts">
          {facets.subtype ? (<><dt>{t('source.kindOfPage')}</dt><dd>{describeSubtype(facets.subtype)}</dd></>) : null}
          {facets.host ? (<><dt>{t('source.hostedBy')}</dt><dd>{facets.host}</dd></>) : null}
          {facets.archivedFrom ? (
            <><dt>{t('source.archivedCopy')}</dt><dd>{facets.archivedFrom}{facets.archivedAt ? ` (${facets.archivedAt.slice(0, 10)})` : ''}</dd></>
          ) : null}
          {facets.copyOf ? (<><dt>{t('source.copyOf')}</dt><dd>{facets.copyOf}</dd></>) : null}
        </dl>
      ) : null}
      <p class="hc-hint">
        {t('source.whoNotWhether')}
        {verdict.list ? ` ${t('source.decidedBy', { list: verdict.list })}` : ''} {t('source.howSure', { percent: String(Math.round(verdict.confidence * 100)) })}
      </p>
    </div>
  );
}
