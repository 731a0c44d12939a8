import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Extension pages may run only our own bundled code, never remote or inline
 * script; no plugins, no <base> tricks, no form posts. Remote images stay
 * allowed because the reader view offers "show images" on request.
 */
const EXTENSION_PAGES_CSP =
  "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'";

export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode, browser }) => ({
    name: 'Health Clipper',
    description:
      'Save, tag and read health web pages in a private library on your own computer.',
    // Chromium asks for alarms only when the user turns on "check every day/week" for a
    // followed collection. Firefox cannot make alarms optional (it rejects it in
    // optional_permissions, csfloat/extension#211) and shows no prompt for it, so there it is listed.
    permissions: ['activeTab', 'scripting', 'contextMenus', 'storage', 'unlimitedStorage', ...(browser === 'firefox' ? ['alarms'] : [])],
    ...(browser === 'firefox' ? {} : { optional_permissions: ['alarms'] }),
    // The end-to-end build alone may read pages without a click, because a test
    // harness cannot press the toolbar button that grants activeTab. Its
    // Chromium resolves every host to the local fixture server.
    host_permissions: mode === 'e2e' ? ['https://*/*', 'http://*/*'] : [],
    // Asked for only when the user turns on "annotate pages as I browse".
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: 'Save this page to Health Clipper' },
    commands: {
      'save-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the selected text, or the whole page if nothing is selected',
      },
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Highlight the selected text as important (and save the page)',
      },
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Open Health Clipper',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'health-clipper@localhost',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
