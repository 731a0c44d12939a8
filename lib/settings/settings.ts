import { storage } from 'wxt/utils/storage';
import type { RulePack } from '../classify/rule-pack';
import type { Prescriber } from '../model/collection';
import type { CanaryRecord } from '../db/eviction-canary';
import type { PersistenceAnswer } from '../db/persistence';
import type { HighlightColour, HighlightMeaning } from '../model/highlight-meanings';

/**
 * Small preferences, kept in extension storage (not the library database).
 * Items are defined lazily-safe: defineItem touches no browser API until read.
 */

/** "Annotate pages as I browse": off until the user turns it on and grants access. */
export const annotatePagesSetting = storage.defineItem<boolean>('local:annotatePages', { fallback: false, version: 1 });

/**
 * "Show my highlights automatically": repaint saved highlights whenever a
 * page is visited, not only when the user clicks the extension. Uses the
 * same optional access as badges.
 */
export const autoHighlightsSetting = storage.defineItem<boolean>('local:autoHighlights', { fallback: false, version: 1 });

/** Sites where the user asked not to see the badge (bare hosts). */
export const annotateHiddenHostsSetting = storage.defineItem<string[]>('local:annotateHiddenHosts', { fallback: [], version: 1 });

/** The address patterns "annotate pages as I browse" needs (an optional permission). */
export { ANNOTATE_ORIGINS } from './annotate-origins';

/**
 * Rule packs a moderator shared and the user imported (checked with
 * parseRulePack before they are stored). Small, so they live here rather
 * than in the library database.
 */
export const rulePacksSetting = storage.defineItem<RulePack[]>('local:rulePacks', { fallback: [], version: 1 });

/**
 * The header a professional last used on an information prescription
 * (service or practice, clinician, contact line): new templates start
 * with it, so it is typed once.
 */
export const prescriberSetting = storage.defineItem<Prescriber>('local:prescriber', {
  fallback: { service: '', clinician: '', contact: '' },
  version: 1,
});

/**
 * When the user last made a whole-library backup (ISO date), or null if
 * never: shown as "Last backup: …" in Settings and used by the gentle
 * reminder in the library header. Set after a restore too, to the backup's
 * date. Not itself part of a backup.
 */
export const lastBackupSetting = storage.defineItem<string | null>('local:lastBackup', { fallback: null, version: 1 });

/** Until when the user put off the backup reminder ("Remind me next week"), ISO date, or null. */
export const backupReminderSnoozedUntilSetting = storage.defineItem<string | null>('local:backupReminderSnoozedUntil', {
  fallback: null,
  version: 1,
});

/**
 * The eviction canary's record of the library (lib/db/eviction-canary.ts):
 * its id, how many pages it had when last seen, and a wipe notice not yet
 * dismissed. Kept outside the database on purpose: it must outlive it.
 */
export const libraryCanarySetting = storage.defineItem<CanaryRecord | null>('local:libraryCanary', { fallback: null, version: 1 });

/** The browser's last answer to "keep the library's storage persistent" (lib/db/persistence.ts), or null before it was asked. */
export const persistentStorageSetting = storage.defineItem<PersistenceAnswer | null>('local:persistentStorage', { fallback: null, version: 1 });

/**
 * Tags every new save starts with (options page): the popup shows them
 * already filled in, to remove if they do not fit; menu and shortcut saves,
 * which have no form, get them as they are.
 */
export const defaultTagsSetting = storage.defineItem<string[]>('local:defaultTags', { fallback: [], version: 1 });

/**
 * The colour the user picked per highlight meaning, as palette names
 * (lib/model/highlight-meanings.ts). Read through resolveMeaningColours, so
 * a missing or unknown entry falls back to the meaning's usual colour.
 * The page side reads the same key without WXT (lib/messages/page-channel.ts;
 * tests/e2e/welcome-options.spec.ts sees a page repaint when it changes).
 */
export const highlightColoursSetting = storage.defineItem<Partial<Record<HighlightMeaning, HighlightColour>>>('local:highlightColours', {
  fallback: {},
  version: 1,
});

/** How often the library may suggest a backup (options page). */
export const BACKUP_REMINDER_FREQUENCIES = ['off', 'week', 'month'] as const;
export type BackupReminderFrequency = (typeof BACKUP_REMINDER_FREQUENCIES)[number];

/** "Remind me to back up": monthly unless the user chose weekly or never. */
export const backupReminderFrequencySetting = storage.defineItem<BackupReminderFrequency>('local:backupReminderFrequency', {
  fallback: 'month',
  version: 1,
});
