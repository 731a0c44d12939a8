import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedChunk, SHARED_CHUNK_NAME } from './shared-chunk';

/**
 * The Firefox build (made by `npm run build` before the e2e suite) as
 * addons.mozilla.org's linter sees it: `web-ext lint`, the same check
 * `npm run lint:firefox` runs, offline, with no AMO-only checks turned off.
 */
const firefoxDir = resolve(process.cwd(), '.output/firefox-mv3');

/**
 * Every warning the linter may give, with why it is safe. Each is an
 * innerHTML write (UNSAFE_VAR_ASSIGNMENT) inside a library, into markup that
 * is sanitised or into a document that runs and loads nothing. A new
 * warning, or one of these gone, fails the test so the list stays true.
 */
const KNOWN_WARNINGS: readonly string[] = [
  // DOMPurify parses the dirty markup inside its own inert document (its _initDocument).
  'UNSAFE_VAR_ASSIGNMENT chunks/ReaderView.js',
  // The same DOMPurify, bundled into the clipper that sanitises a page before it is saved.
  'UNSAFE_VAR_ASSIGNMENT clipper.js',
  // Readability, on the cloned page: it restores its own copy of the body between attempts,
  'UNSAFE_VAR_ASSIGNMENT clipper.js',
  // and copies an image out of a <noscript> of the clone.
  'UNSAFE_VAR_ASSIGNMENT clipper.js',
  // lib/clip/extract-article.ts reads Readability's output as text, in a DOMParser document that runs and loads nothing.
  'UNSAFE_VAR_ASSIGNMENT clipper.js',
  // Preact's dangerouslySetInnerHTML, used only by the reader view for DOMPurify's output (lib/clip/sanitize-html.ts).
  // In the chunk every page shares (tests/e2e/shared-chunk.ts).
  `UNSAFE_VAR_ASSIGNMENT ${SHARED_CHUNK_NAME}`,
].toSorted();

const messageSchema = (m: unknown): { code: string; file: string } => {
  if (typeof m !== 'object' || m === null) throw new Error(`web-ext gave a message that is not an object: ${String(m)}`);
  const { code, file } = m as Record<string, unknown>;
  return { code: String(code), file: String(file ?? '') };
};

/** "chunks/ReaderView-BxasIuby.js" → "chunks/ReaderView.js": content hashes change with every edit. */
const withoutHash = (file: string) =>
  file === sharedChunk(firefoxDir) ? SHARED_CHUNK_NAME : file.replace(/-[\w-]{8}(\.\w+)$/, '$1');

describe('Firefox build and web-ext lint', () => {
  it('has no lint errors or notices, and only the known, explained warnings', () => {
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      [resolve(process.cwd(), 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', firefoxDir, '--output', 'json', '--no-config-discovery'],
      // The update check would be the run's only traffic off this machine.
      { encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, timeout: 60_000 },
    );
    const seconds = (performance.now() - started) / 1000;
    const jsonStart = run.stdout.indexOf('{');
    expect(jsonStart, `web-ext printed no JSON: ${run.stdout}${run.stderr}`).toBeGreaterThanOrEqual(0);
    const report = JSON.parse(run.stdout.slice(jsonStart)) as Record<'errors' | 'warnings' | 'notices', unknown[]>;
    const listed = (list: unknown[]) => list.map(messageSchema).map((m) => `${m.code} ${withoutHash(m.file)}`).toSorted();

    console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices in ${seconds.toFixed(1)} s`);
    expect(listed(report.errors)).toEqual([]);
    expect(listed(report.notices)).toEqual([]);
    expect(listed(report.warnings)).toEqual(KNOWN_WARNINGS);
    expect(run.status).toBe(0);
  });

  it('ships no Function constructor in either build, so zod cannot reach eval (wxt.config.ts zodWithoutEvalProbe)', () => {
    const offenders: string[] = [];
    for (const build of ['chrome-mv3', 'firefox-mv3']) {
      const dir = resolve(process.cwd(), '.output', build);
      for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.js')) continue;
        // Function( not preceded by a name character or a dot: the global constructor, not getMaskFunction( or x.Function(.
        if (/(?<![\w$.])Function\(/.test(readFileSync(join(dir, file), 'utf8'))) offenders.push(`${build}/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('uses a sidebar, a background page and a Firefox id where Chromium has a side panel and a service worker', () => {
    const manifest = JSON.parse(readFileSync(join(firefoxDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    expect(manifest.side_panel).toBeUndefined();
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
    expect(manifest.browser_specific_settings).toMatchObject({
      gecko: { id: 'health-clipper@localhost', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    });
  });
});
