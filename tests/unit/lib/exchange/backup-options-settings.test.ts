import { describe, expect, it } from 'vitest';
import { buildBackupText, parseBackup } from '../../../../lib/exchange/backup';
import { sampleLibrary, sampleSettings } from '../../../helpers/sample-library';

const OPTIONS = { defaultTags: ['diabetes', 'for gp'], highlightColours: { important: 'purple' as const }, backupReminderFrequency: 'week' as const };

describe('the options page settings in a backup', () => {
  it('go out and come back with the other settings', () => {
    const text = buildBackupText({ exportedAt: '2026-11-24T10:00:00.000Z', appVersion: '0.1.0', settings: { ...sampleSettings(), ...OPTIONS } }, sampleLibrary());
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.settings).toEqual({ ...sampleSettings(), ...OPTIONS });
  });

  it('are optional, so backups made before the options page still restore', () => {
    const parsed = parseBackup(buildBackupText({ exportedAt: '2026-11-24T10:00:00.000Z', appVersion: '0.1.0', settings: sampleSettings() }, sampleLibrary()));
    expect(parsed.ok && [parsed.value.settings.defaultTags, parsed.value.settings.highlightColours, parsed.value.settings.backupReminderFrequency]).toEqual([undefined, undefined, undefined]);
  });

  it('refuse a colour that is not in the palette, or a meaning that does not exist', () => {
    for (const highlightColours of [{ important: 'url(https://example.org/x)' }, { shouting: 'red' }]) {
      const text = buildBackupText({ exportedAt: '2026-11-24T10:00:00.000Z', appVersion: '0.1.0', settings: sampleSettings() }, sampleLibrary());
      const file = JSON.parse(text) as { settings: Record<string, unknown> };
      file.settings.highlightColours = highlightColours;
      expect(parseBackup(JSON.stringify(file)).ok).toBe(false);
    }
  });
});
