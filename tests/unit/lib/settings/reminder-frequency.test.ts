import { describe, expect, it } from 'vitest';
import { isBackupDue } from '../../../../lib/exchange/backup-reminder';
import { reminderAfterDays } from '../../../../lib/settings/reminder-frequency';

const DAY = 86_400_000;
const now = new Date('2026-11-24T12:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();

describe('how often the backup reminder may show', () => {
  it('maps the choice to days, or to none when turned off', () => {
    expect([reminderAfterDays('week'), reminderAfterDays('month'), reminderAfterDays('off')]).toEqual([7, 30, undefined]);
  });

  it('reminds after a week when the user chose weekly, and only after a month by default', () => {
    const facts = { clipCount: 12, lastBackupAt: ago(8), now };
    expect(isBackupDue({ ...facts, afterDays: reminderAfterDays('week') })).toBe(true);
    expect(isBackupDue({ ...facts, afterDays: reminderAfterDays('month') })).toBe(false);
    expect(isBackupDue(facts)).toBe(false);
    expect(isBackupDue({ ...facts, lastBackupAt: ago(31) })).toBe(true);
  });
});
