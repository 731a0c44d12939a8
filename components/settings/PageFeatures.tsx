import { useEffect, useState } from 'preact/hooks';
import { LiveStatus } from '../LiveStatus';
import { t } from '../../lib/i18n';
import { annotateHiddenHostsSetting, annotatePagesSetting, autoHighlightsSetting } from '../../lib/settings/settings';
import { PageFeatureSection, type WatchedPermissions } from './PageFeatureSection';

export interface PageFeaturesProps {
  /** browser.permissions, passed in so components stay free of extension APIs. */
  permissions: WatchedPermissions;
}

/** The sites where the user hid the badge, each with "Show again". */
function HiddenSites() {
  const [hidden, setHidden] = useState<string[]>([]);
  const [said, setSaid] = useState<string>();
  useEffect(() => {
    void annotateHiddenHostsSetting.getValue().then(setHidden);
    return annotateHiddenHostsSetting.watch((hosts) => setHidden(hosts));
  }, []);
  const showAgain = async (host: string) => {
    await annotateHiddenHostsSetting.setValue(hidden.filter((h) => h !== host));
    setSaid(t('settings.annotate.shownAgain', { host }));
  };
  return (
    <>
      <h3>{t('settings.annotate.hiddenHeading')}</h3>
      {hidden.length === 0 ? (
        <p class="hc-muted">{t('settings.annotate.hiddenNone')}</p>
      ) : (
        <ul>
          {hidden.map((host) => (
            <li key={host}>
              {host}{' '}
              <button type="button" class="hc-link-button" onClick={() => void showAgain(host)}>{t('settings.annotate.showAgain')}</button>
            </li>
          ))}
        </ul>
      )}
      <LiveStatus status={said ? { tone: 'success', text: said } : undefined} />
    </>
  );
}

/**
 * Badges and automatic highlights, each with the access it needs explained:
 * the same sections in the library's Settings and on the options page.
 */
export function PageFeatures({ permissions }: PageFeaturesProps) {
  return (
    <>
      <PageFeatureSection
        id="hc-annotate-heading"
        title={t('settings.annotate.title')}
        feature={annotatePagesSetting}
        others={[autoHighlightsSetting]}
        permissions={permissions}
        turnedOn={t('settings.annotate.turnedOn')}
      >
        <p>{t('settings.annotate.what')}</p>
        <p>{t('settings.annotate.access')}</p>
        <HiddenSites />
      </PageFeatureSection>
      <PageFeatureSection
        id="hc-auto-highlights-heading"
        title={t('settings.auto.title')}
        feature={autoHighlightsSetting}
        others={[annotatePagesSetting]}
        permissions={permissions}
        turnedOn={t('settings.auto.turnedOn')}
      >
        <p>{t('settings.auto.what')}</p>
        <p>{t('settings.auto.access')}</p>
      </PageFeatureSection>
    </>
  );
}
