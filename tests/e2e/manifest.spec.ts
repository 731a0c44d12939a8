import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shipped manifests (built by `npm run build` before the e2e suite)
 * ask for no access to web pages at install: activeTab when the user acts,
 * and optional host access only when they turn on annotations.
 */
const read = (dir: string) => JSON.parse(readFileSync(resolve(process.cwd(), '.output', dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

describe.each(['chrome-mv3', 'firefox-mv3'])('%s manifest', (dir) => {
  const manifest = read(dir);

  it('asks only for the permissions the product needs', () => {
    expect([...(manifest.permissions as string[])].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage']);
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
