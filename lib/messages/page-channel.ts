import type { PageChannel } from '../page-highlights/session';
import { sendMessage } from './send';

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
  };
}
