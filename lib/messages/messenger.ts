import { browser } from 'wxt/browser';
import * as z from 'zod';
import { CLIP_KINDS } from '../model/clip';
import { fail } from '../model/result';
import type { MessageInput, MessageOutput, MessageType, ProtocolHandlers } from './protocol';

/** Envelope checks: every incoming message is parsed before a handler sees it. */
const inputSchemas: { [K in MessageType]: z.ZodType<MessageInput<K>> } = {
  inspectTab: z.object({ tabId: z.number().int().nonnegative() }),
  clipTab: z.object({
    tabId: z.number().int().nonnegative(),
    mode: z.enum(CLIP_KINDS),
    tags: z.array(z.string().max(200)).max(100),
    note: z.string().max(20_000),
  }),
};

const envelopeSchema = z.object({ type: z.enum(['inspectTab', 'clipTab']), input: z.unknown() });

/** Sends a command to the background and waits for its Result. */
export async function sendMessage<K extends MessageType>(type: K, input: MessageInput<K>): Promise<MessageOutput<K>> {
  try {
    return (await browser.runtime.sendMessage({ type, input })) as MessageOutput<K>;
  } catch {
    return fail('unexpected', 'The extension did not answer. Close this window and try again.') as MessageOutput<K>;
  }
}

async function dispatch(handlers: ProtocolHandlers, message: unknown): Promise<unknown> {
  const envelope = envelopeSchema.safeParse(message);
  if (!envelope.success) return fail('invalid-input', 'Unknown request.');
  const { type, input } = envelope.data;
  switch (type) {
    case 'inspectTab': {
      const parsed = inputSchemas.inspectTab.safeParse(input);
      return parsed.success ? handlers.inspectTab(parsed.data) : fail('invalid-input', 'Bad request.');
    }
    case 'clipTab': {
      const parsed = inputSchemas.clipTab.safeParse(input);
      return parsed.success ? handlers.clipTab(parsed.data) : fail('invalid-input', 'Bad request.');
    }
  }
}

/**
 * Registers the background's handlers. Only our own extension pages may
 * call them: messages from elsewhere (web pages cannot reach runtime
 * messaging without externally_connectable, but content scripts could) are
 * refused.
 */
export function listenForMessages(handlers: ProtocolHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const ownPage = sender.id === browser.runtime.id && sender.url?.startsWith(browser.runtime.getURL('/'));
    if (!ownPage) return undefined;
    return dispatch(handlers, message).catch(() =>
      fail('unexpected', 'Something went wrong inside the extension. Try again.'),
    );
  });
}
