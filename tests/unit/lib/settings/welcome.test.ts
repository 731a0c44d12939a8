import { describe, expect, it } from 'vitest';
import { shouldOpenWelcome } from '../../../../lib/settings/welcome';

describe('opening the welcome page', () => {
  it.each([
    ['install', 'production', true],
    ['install', 'development', true],
    ['update', 'production', false],
    ['chrome_update', 'production', false],
    ['browser_update', 'production', false],
    ['shared_module_update', 'production', false],
    // Every e2e spec starts from a fresh install and expects only its own tabs.
    ['install', 'e2e', false],
  ])('reason %s in a %s build: %s', (reason, mode, expected) => {
    expect(shouldOpenWelcome({ reason }, mode)).toBe(expected);
  });
});
