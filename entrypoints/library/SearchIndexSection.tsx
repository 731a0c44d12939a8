import { useEffect, useState } from 'preact/hooks';
import { ProgressStatus } from '../../components/ProgressStatus';
import type { SearchProgress } from '../../lib/db/library-search';
import { t } from '../../lib/i18n';
import { getSearchClient } from './search-client';

const nf = (n: number) => n.toLocaleString('en-GB');

/**
 * Settings: how the search index is doing, and a way to build it again if
 * search ever seems wrong. A rebuild has no Cancel: it starts by putting an
 * empty index in place of the old one, so stopping halfway would leave
 * search missing pages until the next full build. It runs in the
 * background and the library stays usable, so there is nothing to wait for.
 */
export function SearchIndexSection() {
  const [progress, setProgress] = useState<SearchProgress | undefined>();
  useEffect(() => getSearchClient().onProgress(setProgress), []);
  const building = progress?.state === 'building';
  return (
    <section class="hc-panel" aria-labelledby="hc-search-index-heading">
      <h2 id="hc-search-index-heading">{t('searchIndex.heading')}</h2>
      <p>{t('searchIndex.intro')}</p>
      {building ? (
        <ProgressStatus
          label={t('searchIndex.buildingLabel')}
          done={progress.done}
          total={progress.total}
          text={t('searchIndex.building', { done: nf(progress.done), total: nf(progress.total) })}
        />
      ) : (
        <p role="status">
          {progress === undefined || progress.state === 'loading'
            ? t('searchIndex.loading')
            : progress.state === 'failed'
              ? t('searchIndex.failed')
              : progress.bytes
                ? t('searchIndex.readyMemory', { total: nf(progress.total), mb: Math.max(1, Math.round(progress.bytes / 1e6)) })
                : t('searchIndex.ready', { total: nf(progress.total) })}
        </p>
      )}
      <button type="button" disabled={building} onClick={() => getSearchClient().rebuild()}>
        {t('searchIndex.rebuild')}
      </button>
      <p class="hc-hint">{t('searchIndex.noCancel')}</p>
    </section>
  );
}
