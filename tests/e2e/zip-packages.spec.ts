import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from './zip-reader';

/**
 * `npm run zip` makes the three files the stores take: the Chromium package
 * (Chrome Web Store and Edge Add-ons), the Firefox package, and the sources
 * addons.mozilla.org's reviewers rebuild the Firefox package from.
 */
const root = process.cwd();
const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
const zipPath = (kind: string) => resolve(root, '.output', `health-clipper-${version}-${kind}.zip`);
const files = (kind: string) => [...readZip(zipPath(kind)).keys()].filter((name) => !name.endsWith('/'));
const manifestIn = (kind: string) => {
  const manifest = readZip(zipPath(kind)).get('manifest.json');
  if (!manifest) throw new Error(`${kind} package has no manifest.json`);
  return JSON.parse(manifest().toString('utf8')) as Record<string, unknown>;
};

/**
 * The environment a person's shell would give: vitest sets NODE_ENV=test and
 * VITEST*, which Vite reads, and a package built under them is not the one
 * `npm run zip` makes in a terminal.
 */
const shellEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(NODE_ENV|TEST|VITEST.*)$/.test(key)));

let zipSeconds = 0;
beforeAll(() => {
  for (const kind of ['chrome', 'firefox', 'sources']) rmSync(zipPath(kind), { force: true });
  const started = performance.now();
  execFileSync('npm', ['run', '--silent', 'zip'], { cwd: root, env: shellEnv, stdio: 'pipe', timeout: 100_000 });
  zipSeconds = (performance.now() - started) / 1000;
  console.log(`npm run zip: ${zipSeconds.toFixed(1)} s; ${['chrome', 'firefox', 'sources'].map((k) => `${k} ${(statSync(zipPath(k)).size / 1024).toFixed(0)} KiB`).join(', ')}`);
}, 110_000);

describe('npm run zip', () => {
  it('makes store packages with the manifest at the top and only built files', () => {
    for (const kind of ['chrome', 'firefox']) {
      const names = files(kind);
      expect(names, kind).toContain('manifest.json');
      expect(names, kind).toContain('background.js');
      expect(names, kind).toContain('library.html');
      expect(names.filter((n) => /\.map$|\.tsx?$|(^|\/)tests?\/|node_modules|\.pem$|\.key$/.test(n)), kind).toEqual([]);
    }
    expect(manifestIn('chrome')).toMatchObject({ manifest_version: 3, version, background: { service_worker: 'background.js' } });
    expect(manifestIn('chrome').side_panel).toBeDefined();
    expect(manifestIn('firefox')).toMatchObject({ manifest_version: 3, version, background: { scripts: ['background.js'] } });
    expect(manifestIn('firefox').sidebar_action).toBeDefined();
    // The store package is the production build: nothing of the e2e build's page access.
    expect(manifestIn('chrome').host_permissions).toEqual([]);
    expect(manifestIn('firefox').host_permissions).toEqual([]);
  });

  it('makes a sources zip with what a reviewer needs to build, and no tests, keys or dependencies', () => {
    const names = files('sources');
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'entrypoints/background/index.ts']) {
      expect(names, needed).toContain(needed);
    }
    expect(names.some((n) => n.startsWith('components/'))).toBe(true);
    expect(names.some((n) => n.startsWith('public/'))).toBe(true);
    expect(names.filter((n) => /^(tests|node_modules|\.output|\.wxt|\.git)\/|\/node_modules\/|\.(pem|key|log)$/.test(n))).toEqual([]);
  });

  it('has sources that build the same Firefox package', () => {
    // npm ci would need the registry; the reviewer runs it, the test lends the installed node_modules.
    const dir = mkdtempSync(join(tmpdir(), 'hc-sources-'));
    try {
      for (const [name, read] of readZip(zipPath('sources'))) {
        if (name.endsWith('/')) continue;
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), read());
      }
      symlinkSync(resolve(root, 'node_modules'), join(dir, 'node_modules'));
      execFileSync(process.execPath, [resolve(root, 'node_modules/wxt/bin/wxt.mjs'), 'prepare'], { cwd: dir, env: shellEnv, stdio: 'pipe', timeout: 60_000 });
      execFileSync(process.execPath, [resolve(root, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox', '--mv3'], { cwd: dir, env: shellEnv, stdio: 'pipe', timeout: 60_000 });
      const rebuilt = join(dir, '.output/firefox-mv3');
      const shipped = [...readZip(zipPath('firefox'))].filter(([n]) => !n.endsWith('/'));
      const rebuiltFiles = readdirSync(rebuilt, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(rebuilt, f)).isFile());
      expect(rebuiltFiles.toSorted()).toEqual(shipped.map(([n]) => n).toSorted());
      const differing = shipped.filter(([name, read]) => !read().equals(readFileSync(join(rebuilt, name)))).map(([n]) => n);
      expect(differing).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
