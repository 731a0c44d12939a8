import { browser } from 'wxt/browser';
import { PageFeatures } from '../../components/settings/PageFeatures';
import { getRepository } from '../../lib/db/repository';
import { t } from '../../lib/i18n';
import { BackupSection } from './backup/BackupSection';
import { LinkImportSection } from './backup/LinkImportSection';
import { RestoreSection } from './backup/RestoreSection';
import { SearchIndexSection } from './SearchIndexSection';
import { DeleteEverythingSection } from './storage/DeleteEverythingSection';
import { PersistenceSection } from './storage/PersistenceSection';

/**
 * Settings: badges and automatic highlights (the same sections as the
 * options page, which also holds default tags, highlight colours and the
 * backup reminder: linked from here); whether the browser keeps the
 * library; backup and restore of the whole library; links brought from
 * other tools; and, set apart at the end, "Delete everything".
 */
export function SettingsView() {
  const repo = getRepository();
  return (
    <main>
      <p><a href="#">{t('settings.back')}</a></p>
      <h1>{t('settings.title')}</h1>
      <p>
        {t('settings.moreOptions')} <a href="/options.html">{t('settings.openOptions')}</a>
      </p>
      <PageFeatures permissions={browser.permissions} />
      <SearchIndexSection />
      <PersistenceSection />
      <BackupSection repo={repo} />
      <RestoreSection repo={repo} />
      <LinkImportSection repo={repo} />
      <DeleteEverythingSection repo={repo} />
    </main>
  );
}
