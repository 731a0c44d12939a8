import { describe, expect, it } from 'vitest';
import { ASK_AGAIN_AFTER_MS, describePersistence, requestPersistence, shouldAskPersistence, type PersistenceApi } from '../../lib/db/persistence';

const NOW = new Date('2026-11-24T10:00:00Z');

/** A StorageManager that answers as told and counts how often it was asked. */
function fakeStorage(persisted: boolean, answer: boolean | Error): PersistenceApi & { asked: number } {
  const api = {
    asked: 0,
    persisted: async () => persisted,
    persist: async () => {
      api.asked++;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return api;
}

describe('requestPersistence', () => {
  it('asks the browser and records a yes', async () => {
    const api = fakeStorage(false, true);
    expect(await requestPersistence(api, NOW)).toEqual({ supported: true, granted: true, askedAt: '2026-11-24T10:00:00.000Z' });
    expect(api.asked).toBe(1);
  });

  it('records a no', async () => {
    expect(await requestPersistence(fakeStorage(false, false), NOW)).toMatchObject({ supported: true, granted: false });
  });

  it('does not ask again when the storage is already persistent', async () => {
    const api = fakeStorage(true, false);
    expect(await requestPersistence(api, NOW)).toMatchObject({ granted: true });
    expect(api.asked).toBe(0);
  });

  it('counts a failure as a no, without throwing', async () => {
    expect(await requestPersistence(fakeStorage(false, new Error('SecurityError')), NOW)).toMatchObject({ supported: true, granted: false });
  });

  it('says unsupported where the browser has no StorageManager.persist', async () => {
    expect(await requestPersistence(undefined, NOW)).toMatchObject({ supported: false, granted: false });
    expect(await requestPersistence({}, NOW)).toMatchObject({ supported: false, granted: false });
  });
});

describe('shouldAskPersistence', () => {
  const answer = (granted: boolean, msAgo: number) => ({ supported: true, granted, askedAt: new Date(NOW.getTime() - msAgo).toISOString() });
  it('asks the first time', () => expect(shouldAskPersistence(null, NOW)).toBe(true));
  it('never asks again after a yes', () => expect(shouldAskPersistence(answer(true, 365 * 86_400_000), NOW)).toBe(false));
  it('asks again after a no only once a week has passed', () => {
    expect(shouldAskPersistence(answer(false, ASK_AGAIN_AFTER_MS - 1), NOW)).toBe(false);
    expect(shouldAskPersistence(answer(false, ASK_AGAIN_AFTER_MS), NOW)).toBe(true);
  });
  it('asks when the stored date is unreadable', () => expect(shouldAskPersistence({ supported: true, granted: false, askedAt: 'soon' }, NOW)).toBe(true));
});

describe('describePersistence', () => {
  it('says yes with no advice', () => expect(describePersistence({ supported: true, granted: true })).toEqual({ answer: 'Yes', advice: undefined }));
  it('says no with what to do', () => {
    const { answer, advice } = describePersistence({ supported: true, granted: false });
    expect(answer).toBe('No');
    expect(advice).toMatch(/disk space/);
    expect(advice).toMatch(/backup/);
  });
  it('says unknown with what to do', () => expect(describePersistence({ supported: false, granted: false }).advice).toMatch(/backup/));
});
