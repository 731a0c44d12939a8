/**
 * Node has no `browser.i18n`. Importing this module first (before anything
 * from lib/) gives `@wxt-dev/i18n` the messages the built extension gets,
 * from locales/en-GB.yml through the same build step. Unit tests load it as a
 * setup file; command-line scripts import it on their first line. It throws on
 * a key the catalogue lacks, so a missing string fails loudly.
 */
import { resolve } from 'node:path';
import { parseMessagesFile, generateChromeMessages } from '@wxt-dev/i18n/build';

type ChromeMessages = Record<string, { message: string }>;

let messages: ChromeMessages = {};

function getMessage(name: string, substitutions?: string | string[]): string {
  if (name === '@@ui_locale') return 'en_GB';
  const entry = messages[name];
  if (!entry) throw new Error(`Missing string "${name}" in locales/en-GB.yml`);
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  // Chrome's rules: $1..$9 take substitutions, $$ is a dollar sign.
  return entry.message.replace(/\$(\$|[1-9])/g, (_, what: string) =>
    what === '$' ? '$' : (subs[Number(what) - 1] ?? ''),
  );
}

// Set before the first await: under tsx (ESM) the modules imported after this one run while it
// awaits, and @wxt-dev/browser reads globalThis.chrome once, when it is first imported.
const g = globalThis as { browser?: unknown; chrome?: unknown };
if (g.chrome === undefined && g.browser === undefined) {
  g.chrome = { i18n: { getMessage, getUILanguage: () => 'en-GB' } };
}

messages = generateChromeMessages(
  await parseMessagesFile(resolve(import.meta.dirname, '../locales/en-GB.yml')),
) as ChromeMessages;
