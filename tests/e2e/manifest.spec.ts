import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shipped manifests (built by `npm run build` before the e2e suite)
 * ask for no access to web pages at install: activeTab when the user acts,
 * optional host access only when they turn on annotations or follow a
 * collection (that one site), and optional alarms for scheduled checks.
 */
const read = (dir: string) => JSON.parse(readFileSync(resolve(process.cwd(), '.output', dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

type Need = 'required' | 'optional';

/**
 * The README's permission table as { browser: { permission: need } }: one
 * row per permission, with a Chromium and a Firefox column saying
 * required, optional or — (not asked for).
 */
export function readPermissionTable(readme: string): Record<'chrome-mv3' | 'firefox-mv3', Record<string, Need>> {
  const section = readme.split(/^### Permissions$/m)[1]?.split(/^#{2,3} /m)[0] ?? '';
  const table: Record<'chrome-mv3' | 'firefox-mv3', Record<string, Need>> = { 'chrome-mv3': {}, 'firefox-mv3': {} };
  for (const line of section.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    const name = /^`([^`]+)`/.exec(cells[0] ?? '')?.[1];
    if (!name) continue;
    const need = (cell: string | undefined): Need | undefined => (cell === 'required' || cell === 'optional' ? cell : undefined);
    const chromium = need(cells[1]);
    const firefox = need(cells[2]);
    if (chromium) table['chrome-mv3'][name] = chromium;
    if (firefox) table['firefox-mv3'][name] = firefox;
  }
  return table;
}

/** Everything a manifest asks for, API permissions and host patterns alike, with whether it is asked at install. */
function askedFor(manifest: Record<string, unknown>): Record<string, Need> {
  const list = (key: string) => (manifest[key] as string[] | undefined) ?? [];
  return Object.fromEntries([
    ...[...list('permissions'), ...list('host_permissions')].map((p) => [p, 'required'] as const),
    ...[...list('optional_permissions'), ...list('optional_host_permissions')].map((p) => [p, 'optional'] as const),
  ]);
}

/**
 * How the source uses each API permission. activeTab and unlimitedStorage
 * have no API of their own: activeTab is what lets scripting reach the tab
 * the user acted on, and unlimitedStorage lifts IndexedDB's quota.
 */
const API_USE: Record<string, RegExp | 'no API'> = {
  activeTab: 'no API',
  unlimitedStorage: 'no API',
  scripting: /\bbrowser\.scripting\./,
  contextMenus: /\bbrowser\.contextMenus\./,
  storage: /\bstorage\.defineItem\b|\bbrowser\.storage\./,
  sidePanel: /\.sidePanel\.|sidePanel\?\./,
  alarms: /\bbrowser\.alarms\b/,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}
const source = ['entrypoints', 'lib', 'components'].flatMap((d) => sourceFiles(resolve(process.cwd(), d))).map((f) => readFileSync(f, 'utf8'));

const permissionTable = readPermissionTable(readFileSync(resolve(process.cwd(), 'README.md'), 'utf8'));

describe.each(['chrome-mv3', 'firefox-mv3'])('%s manifest', (dir) => {
  const manifest = read(dir);

  it('asks only for the permissions the product needs', () => {
    // Chromium's side panel needs its own permission; Firefox's sidebar is declared by sidebar_action instead.
    const sidePanel = dir === 'chrome-mv3' ? ['sidePanel'] : [];
    // Firefox cannot make alarms optional and shows no prompt for it (see wxt.config.ts).
    const alarms = dir === 'firefox-mv3' ? ['alarms'] : [];
    expect([...(manifest.permissions as string[])].sort()).toEqual(['activeTab', ...alarms, 'contextMenus', 'scripting', ...sidePanel, 'storage', 'unlimitedStorage']);
  });

  it('asks for exactly what the README’s permission table lists, each as required or optional as it says', () => {
    // Adding a permission means adding a row (which feature, and why) to README.md § Permissions.
    expect(askedFor(manifest)).toEqual(permissionTable[dir as 'chrome-mv3' | 'firefox-mv3']);
  });

  it('uses every API permission it asks for', () => {
    const apis = Object.keys(askedFor(manifest)).filter((p) => !p.includes('://'));
    const unused = apis.filter((p) => {
      const use = API_USE[p];
      if (use === undefined) return true; // a new permission needs a line in API_USE
      return use !== 'no API' && !source.some((text) => use.test(text));
    });
    expect(unused).toEqual([]);
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
