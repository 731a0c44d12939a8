import { t } from '../i18n';
/**
 * Persistent storage: asking the browser not to clear the library when disk
 * space runs low (StorageManager.persist). Pure: the browser's
 * `navigator.storage` comes in as a parameter. Only extension pages have it;
 * a service worker does not (https://storage.spec.whatwg.org/#persistence).
 */

/** The part of `navigator.storage` used here. */
export interface PersistenceApi {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

/** The browser's last answer, kept in extension storage. */
export interface PersistenceAnswer {
  /** False when the browser has no such API (the answer is then unknown). */
  supported: boolean;
  granted: boolean;
  askedAt: string;
}

/** A "no" is asked again after a week: browsers that decide by use (Chromium) may say yes later. */
export const ASK_AGAIN_AFTER_MS = 7 * 86_400_000;

/** Whether to ask now: never asked, or told no (or unsupported) more than a week ago. */
export function shouldAskPersistence(previous: PersistenceAnswer | null, now: Date): boolean {
  if (!previous) return true;
  if (previous.granted) return false;
  const askedAt = Date.parse(previous.askedAt);
  return Number.isNaN(askedAt) || now.getTime() - askedAt >= ASK_AGAIN_AFTER_MS;
}

/**
 * Asks the browser to keep the library (unless it already does) and returns
 * its answer. Never throws: a failure counts as "no".
 */
export async function requestPersistence(api: PersistenceApi | undefined, now: Date): Promise<PersistenceAnswer> {
  const askedAt = now.toISOString();
  if (!api?.persist) return { supported: false, granted: false, askedAt };
  try {
    if (api.persisted && (await api.persisted())) return { supported: true, granted: true, askedAt };
    return { supported: true, granted: await api.persist(), askedAt };
  } catch {
    return { supported: true, granted: false, askedAt };
  }
}

/** What Settings says about it: the answer, and plain advice when it is not a yes. */
export function describePersistence(answer: Pick<PersistenceAnswer, 'supported' | 'granted'>): { answer: string; advice?: string } {
  if (answer.granted) {
    return { answer: t('db.persist.yes'), advice: undefined };
  }
  if (!answer.supported) {
    return {
      answer: t('db.persist.unknown'),
      advice: t('db.persist.unknownAdvice'),
    };
  }
  return {
    answer: t('db.persist.no'),
    advice:
      t('db.persist.noAdvice'),
  };
}
