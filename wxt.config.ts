import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';

/**
 * Extension pages may run only our own bundled code, never remote or inline
 * script; no plugins, no <base> tricks, no form posts. Remote images stay
 * allowed because the reader view offers "show images" on request.
 */
const EXTENSION_PAGES_CSP =
  "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'";

/**
 * zod probes for eval at run time (`new Function("")` in `allowsEval`) before
 * it would compile a fast parser. Extension pages forbid eval, so the probe
 * only failed, raising a CSP violation report on every page with a schema
 * (noise that would hide a real injection attempt, hostile-pages.spec.ts),
 * and `web-ext lint` reports the code as DANGEROUS_EVAL, the first thing a
 * Firefox add-on reviewer reads. Making the probe answer "no eval" at build
 * time gives zod's jitless behaviour in every bundle and lets the minifier
 * drop the Function call. Fails the build if zod changes the probe, so the
 * eval cannot come back silently (tests/e2e/firefox-lint.spec.ts).
 */
function zodWithoutEvalProbe(): Plugin {
  const probe = /const F = Function;\s*new F\(""\);\s*return true;/;
  return {
    name: 'health-clipper:zod-without-eval-probe',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/.test(id)) return null;
      if (!probe.test(code)) {
        throw new Error(`zod's eval probe in ${id} changed; update zodWithoutEvalProbe in wxt.config.ts`);
      }
      return { code: code.replace(probe, 'return false;'), map: null };
    },
  };
}

export default defineConfig({
  imports: false,
  // Every user-facing string lives in locales/en-GB.yml (README, Translating).
  modules: ['@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact(), zodWithoutEvalProbe()],
    // The library's search worker is bundled separately and imports zod too.
    worker: { plugins: () => [zodWithoutEvalProbe()] },
  }),
  // `npm run zip`: the Chrome Web Store / Edge package, the addons.mozilla.org
  // package, and for AMO's reviewers the sources they rebuild it from
  // (README, Browsers). WXT already leaves out node_modules, hidden files,
  // .output and *.test/*.spec files.
  zip: {
    // Store packages carry only what runs; a source map would publish paths from the build machine.
    exclude: ['**/*.map'],
    // Reviewers build, they do not run our tests: tests/ holds a test-only
    // certificate key and saved pages that are not ours to republish.
    excludeSources: ['tests/**', 'stats.html', '**/*.log'],
  },
  manifest: ({ mode, browser }) => ({
    default_locale: 'en_GB',
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    // Chromium asks for alarms only when the user turns on "check every day/week" for a
    // followed collection. Firefox cannot make alarms optional (it rejects it in
    // optional_permissions, csfloat/extension#211) and shows no prompt for it, so there it is listed.
    permissions: ['activeTab', 'scripting', 'contextMenus', 'storage', 'unlimitedStorage', ...(browser === 'firefox' ? ['alarms'] : [])],
    ...(browser === 'firefox' ? {} : { optional_permissions: ['alarms'] }),
    // The end-to-end build alone may read pages without a click, because a test
    // harness cannot press the toolbar button that grants activeTab. Its
    // Chromium resolves every host to the local fixture server; its Firefox
    // reaches only that server through a recording proxy, and grants these at
    // install only because the test profile says so (Firefox leaves MV3 host
    // permissions to the user; tests/e2e/harness-firefox.ts).
    host_permissions: mode === 'e2e' ? ['https://*/*', 'http://*/*'] : [],
    // Asked for only when the user turns on "annotate pages as I browse".
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: '__MSG_ext_actionTitle__' },
    commands: {
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_ext_commands_savePage__',
      },
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_ext_commands_highlightSelection__',
      },
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_ext_commands_openPopup__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 is the first Firefox that paints highlights (the CSS Custom Highlight
            // API, Firefox bug 1964089) and reads data_collection_permissions, which
            // addons.mozilla.org requires; older versions would install a clipper
            // whose highlights never show.
            gecko: {
              id: 'health-clipper@localhost',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142. The
            // extension is built and linted for it but not tested there (README, Browsers).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
