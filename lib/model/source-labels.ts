import { t } from '../i18n';
import type { SourceType } from './source-type';

// Kept apart from the schemas so the in-page badge can show labels without bundling zod.
/**
 * Short labels for the UI, in the user's language. Peer experience is
 * valued, not warned against. Getters, so each label is looked up when
 * read, never at import time (the browser's i18n API may not exist yet).
 */
export const SOURCE_TYPE_LABELS: Readonly<Record<SourceType, string>> = {
  get official() { return t('sourceLabels.official'); },
  get charity() { return t('sourceLabels.charity'); },
  get peer() { return t('sourceLabels.peer'); },
  get commercial() { return t('sourceLabels.commercial'); },
  get research() { return t('sourceLabels.research'); },
  get news() { return t('sourceLabels.news'); },
  get other() { return t('sourceLabels.other'); },
  get unknown() { return t('sourceLabels.unknown'); },
};
