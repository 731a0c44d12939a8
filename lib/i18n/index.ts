import { createI18n } from '@wxt-dev/i18n';
import type { GeneratedI18nStructure } from '../../.wxt/i18n/structure';

/**
 * Every user-facing string goes through `t`, so the extension can be
 * translated: the words live in locales/<locale>.yml and reach the browser as
 * _locales/<locale>/messages.json, read with the browser's own i18n API (no
 * bundled copies, no fetches). Keys are typed from locales/en-GB.yml by
 * `wxt prepare`, so a misspelt key or a missing substitution fails `tsc`.
 *
 * Plurals: pass a count as the second argument to pick "1 page | $1 pages"
 * style forms. Named values: pass `{ title }` to fill `{title}`.
 */
export const i18n = createI18n<GeneratedI18nStructure>();
export const t = i18n.t;
export type MessageKey = keyof GeneratedI18nStructure;
