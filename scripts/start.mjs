// `npm start`: builds the extension for Chromium and Firefox, then opens
// Chromium with it loaded in a profile of its own (.output/profile), or, where
// no Chromium can be started, says exactly where to load it from by hand.
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
execSync('npm run build', { cwd: root, stdio: 'inherit' });
const chromeDir = resolve(root, '.output/chrome-mv3');
const firefoxDir = resolve(root, '.output/firefox-mv3');

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);
const browser = candidates.find((p) => existsSync(p));
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const manual = `
Load it by hand:
  Chrome, Edge or Chromium: open chrome://extensions, turn on "Developer mode",
    click "Load unpacked" and choose ${chromeDir}
  Firefox: open about:debugging#/runtime/this-firefox, click
    "Load Temporary Add-on…" and choose ${firefoxDir}/manifest.json
`;

if (!browser || !hasDisplay) {
  console.log(`\nBuilt the extension.${browser ? ' No display found, so no browser was opened.' : ' No Chromium found to open it in.'}${manual}`);
  process.exit(0);
}

// Branded Google Chrome ignores --load-extension (since Chrome 137); Chromium honours it.
const profile = resolve(root, '.output/profile');
mkdirSync(profile, { recursive: true });
// Chromium refuses to start as root unless its sandbox is turned off.
const asRoot = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
const child = spawn(
  browser,
  [...asRoot, `--user-data-dir=${profile}`, `--disable-extensions-except=${chromeDir}`, `--load-extension=${chromeDir}`, '--no-first-run', 'about:blank'],
  { stdio: 'ignore', detached: true },
);
child.unref();
console.log(`\nOpened ${browser} with Health Clipper loaded (profile: ${profile}).
Visit any health web page and click the Health Clipper button in the toolbar
(or press Alt+Shift+S) to save it.${manual}`);
