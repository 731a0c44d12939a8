import { browser } from 'wxt/browser';
import type { PageChannel } from '../page-highlights/session';
import { sendMessage } from './send';

/** highlightColoursSetting's key (lib/settings/settings.ts), read here without WXT's storage wrapper to keep page scripts small. */
const COLOURS_KEY = 'highlightColours';

/** The page side's channel to the background, over runtime messages. Zod-free: it runs in web pages. */
export function runtimePageChannel(): PageChannel {
  const canonicalHref = () => document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? undefined;
  return {
    async highlight(request) {
      const result = await sendMessage('highlightFromPage', request);
      return result.ok ? { ok: true, ...result.value } : { ok: false, message: result.error.message };
    },
    report(placements) {
      void sendMessage('reportPlacements', { url: location.href, canonicalHref: canonicalHref(), placements });
    },
    watchColours(apply) {
      // Only palette names are ever used (resolveMeaningColours): the stored value cannot become page CSS.
      void browser.storage.local.get(COLOURS_KEY).then((stored) => apply(stored[COLOURS_KEY]), () => undefined);
      browser.storage.onChanged.addListener((changes, area) => {
        const change = changes[COLOURS_KEY];
        if (area === 'local' && change) apply(change.newValue);
      });
    },
  };
}
