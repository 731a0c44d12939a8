import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shipped manifests (built by `npm run build` before the e2e suite)
 * ask for no access to web pages at install: activeTab when the user acts,
 * optional host access only when they turn on annotations or follow a
 * collection (that one site), and optional alarms for scheduled checks.
 */
const read = (dir: string) => JSON.parse(readFileSync(resolve(process.cwd(), '.output', dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe.each(['chrome-mv3', 'firefox-mv3'])('%s manifest', (dir) => {
  const manifest = read(dir);

  it('asks only for the permissions the product needs', () => {
    // Chromium's side panel needs its own permission; Firefox's sidebar is declared by sidebar_action instead.
    const sidePanel = dir === 'chrome-mv3' ? ['sidePanel'] : [];
    // Firefox cannot make alarms optional and shows no prompt for it (see wxt.config.ts).
    const alarms = dir === 'firefox-mv3' ? ['alarms'] : [];
    expect([...(manifest.permissions as string[])].sort()).toEqual(['activeTab', ...alarms, 'contextMenus', 'scripting', ...sidePanel, 'storage', 'unlimitedStorage']);
  });

  it('asks Chromium for alarms only when the user schedules checks of a followed collection', () => {
    expect(manifest.optional_permissions).toEqual(dir === 'chrome-mv3' ? ['alarms'] : undefined);
  });

  it('declares the side panel (Chromium) or sidebar (Firefox) for this page’s highlights', () => {
    if (dir === 'chrome-mv3') expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    else expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
  });

  it('has no host access at install and no always-on content script', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('keeps a strict content security policy on extension pages', () => {
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)|https?:/);
  });
});
