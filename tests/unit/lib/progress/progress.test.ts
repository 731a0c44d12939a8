import { describe, expect, it } from 'vitest';
import { ANNOUNCE_EVERY_MS, isCancelled, percentDone, ProgressAnnouncer, throwIfCancelled, WorkCancelled } from '../../../../lib/progress/progress';

describe('progress arithmetic', () => {
  it('gives whole per cent, clamped, and an empty job as finished', () => {
    expect(percentDone({ done: 0, total: 5_000 })).toBe(0);
    expect(percentDone({ done: 1_200, total: 5_000 })).toBe(24);
    expect(percentDone({ done: 4_999, total: 5_000 })).toBe(99);
    expect(percentDone({ done: 5_000, total: 5_000 })).toBe(100);
    expect(percentDone({ done: 6_000, total: 5_000 })).toBe(100);
    expect(percentDone({ done: -3, total: 5_000 })).toBe(0);
    expect(percentDone({ done: 0, total: 0 })).toBe(100);
  });
});

describe('what a screen reader hears', () => {
  it('the start, each tenth of the way, and the end, out of 5,000 batch updates', () => {
    const announcer = new ProgressAnnouncer();
    const spoken: number[] = [];
    for (let done = 0; done <= 5_000; done++) if (announcer.shouldAnnounce({ done, total: 5_000 }, 0)) spoken.push(done);
    expect(spoken).toEqual([0, 500, 1_000, 1_500, 2_000, 2_500, 3_000, 3_500, 4_000, 4_500, 5_000]);
  });

  it('also after five quiet seconds, but not twice in a row for the same moment', () => {
    const announcer = new ProgressAnnouncer();
    expect(announcer.shouldAnnounce({ done: 0, total: 1_000 }, 0)).toBe(true);
    expect(announcer.shouldAnnounce({ done: 10, total: 1_000 }, ANNOUNCE_EVERY_MS - 1)).toBe(false);
    expect(announcer.shouldAnnounce({ done: 20, total: 1_000 }, ANNOUNCE_EVERY_MS)).toBe(true);
    expect(announcer.shouldAnnounce({ done: 30, total: 1_000 }, ANNOUNCE_EVERY_MS + 1)).toBe(false);
  });

  it('says the end once', () => {
    const announcer = new ProgressAnnouncer();
    expect(announcer.shouldAnnounce({ done: 0, total: 10 }, 0)).toBe(true);
    expect(announcer.shouldAnnounce({ done: 10, total: 10 }, 1)).toBe(true);
    expect(announcer.shouldAnnounce({ done: 10, total: 10 }, 2)).toBe(false);
    expect(announcer.shouldAnnounce({ done: 10, total: 10 }, 60_000)).toBe(false);
  });
});

describe('cancelling', () => {
  it('throws only once the signal has fired, and the error is recognised wrapped or not', () => {
    const controller = new AbortController();
    expect(() => throwIfCancelled(controller.signal)).not.toThrow();
    expect(() => throwIfCancelled(undefined)).not.toThrow();
    controller.abort();
    expect(() => throwIfCancelled(controller.signal)).toThrow(WorkCancelled);
    const wrapped = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: new WorkCancelled() });
    expect(isCancelled(wrapped)).toBe(true);
    expect(isCancelled(Object.assign(new Error('x'), { name: 'DatabaseClosedError', inner: new WorkCancelled() }))).toBe(true);
    expect(isCancelled(new Error('Disk full'))).toBe(false);
    const diskFull = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: Object.assign(new Error('full'), { name: 'QuotaExceededError' }) });
    expect(isCancelled(diskFull)).toBe(false);
    expect(isCancelled('AbortError')).toBe(false);
  });
});
