import { browser } from 'wxt/browser';
import * as z from 'zod';
import { CLIP_KINDS } from '../model/clip';
import { fail } from '../model/result';
import { CONTENT_SCRIPT_MESSAGES, type MessageInput, type MessageOutput, type MessageType, type ProtocolHandlers } from './protocol';

/** Envelope checks: every incoming message is parsed before a handler sees it. */
const inputSchemas: { [K in MessageType]: z.ZodType<MessageInput<K>> } = {
  inspectTab: z.object({ tabId: z.number().int().nonnegative() }),
  clipTab: z.object({
    tabId: z.number().int().nonnegative(),
    mode: z.enum(CLIP_KINDS),
    tags: z.array(z.string().max(200)).max(100),
    note: z.string().max(20_000),
  }),
  describePage: z.object({ url: z.string().max(8_000), canonicalHref: z.string().max(8_000).optional() }),
  hideBadgeOnSite: z.object({ url: z.string().max(8_000) }),
};

const envelopeSchema = z.object({ type: z.enum(['inspectTab', 'clipTab', 'describePage', 'hideBadgeOnSite']), input: z.unknown() });

/** Sends a command to the background and waits for its Result. */
export async function sendMessage<K extends MessageType>(type: K, input: MessageInput<K>): Promise<MessageOutput<K>> {
  try {
    return (await browser.runtime.sendMessage({ type, input })) as MessageOutput<K>;
  } catch {
    return fail('unexpected', 'The extension did not answer. Close this window and try again.') as MessageOutput<K>;
  }
}

async function dispatch(handlers: ProtocolHandlers, message: unknown, fromPage: boolean): Promise<unknown> {
  const envelope = envelopeSchema.safeParse(message);
  if (!envelope.success) return fail('invalid-input', 'Unknown request.');
  const { type, input } = envelope.data;
  if (fromPage && !CONTENT_SCRIPT_MESSAGES.has(type)) return fail('invalid-input', 'Not allowed from a web page.');
  switch (type) {
    case 'inspectTab': {
      const parsed = inputSchemas.inspectTab.safeParse(input);
      return parsed.success ? handlers.inspectTab(parsed.data) : fail('invalid-input', 'Bad request.');
    }
    case 'clipTab': {
      const parsed = inputSchemas.clipTab.safeParse(input);
      return parsed.success ? handlers.clipTab(parsed.data) : fail('invalid-input', 'Bad request.');
    }
    case 'describePage': {
      const parsed = inputSchemas.describePage.safeParse(input);
      return parsed.success ? handlers.describePage(parsed.data) : fail('invalid-input', 'Bad request.');
    }
    case 'hideBadgeOnSite': {
      const parsed = inputSchemas.hideBadgeOnSite.safeParse(input);
      return parsed.success ? handlers.hideBadgeOnSite(parsed.data) : fail('invalid-input', 'Bad request.');
    }
  }
}

/**
 * Registers the background's handlers. Commands come only from our own
 * extension pages; our content script, which runs inside web pages, may
 * send just the messages in CONTENT_SCRIPT_MESSAGES.
 */
export function listenForMessages(handlers: ProtocolHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const ownPage = sender.url?.startsWith(browser.runtime.getURL('/')) === true;
    return dispatch(handlers, message, !ownPage).catch(() =>
      fail('unexpected', 'Something went wrong inside the extension. Try again.'),
    );
  });
}
