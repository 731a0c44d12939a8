import { browser } from 'wxt/browser';
import * as z from 'zod';
import { t } from '../i18n';
import { CLIP_KINDS, textQuoteSchema } from '../model/clip';
import { highlightMeaningSchema, highlightPlacementSchema, textPositionSchema } from '../model/highlight';
import { fail } from '../model/result';
import { selectorsSchema } from '../model/selectors';
import { CONTENT_SCRIPT_MESSAGES, type MessageInput, type MessageSender, type MessageType, type ProtocolHandlers } from './protocol';

export { sendMessage } from './send';

const tabHighlight = z.object({ tabId: z.number().int().nonnegative(), id: z.string().min(1).max(100) });
const pageAddress = { url: z.string().max(8_000), canonicalHref: z.string().max(8_000).optional() };

/** Envelope checks: every incoming message is parsed before a handler sees it. */
const inputSchemas: { [K in MessageType]: z.ZodType<MessageInput<K>> } = {
  inspectTab: z.object({ tabId: z.number().int().nonnegative() }),
  clipTab: z.object({
    tabId: z.number().int().nonnegative(),
    mode: z.enum(CLIP_KINDS),
    tags: z.array(z.string().max(200)).max(100),
    note: z.string().max(20_000),
  }),
  scrollToHighlight: tabHighlight,
  reattachHighlight: tabHighlight,
  unpaintHighlight: tabHighlight,
  closeLibrary: z.object({ reason: z.literal('delete-everything') }),
  describePage: z.object(pageAddress),
  hideBadgeOnSite: z.object({ url: z.string().max(8_000) }),
  highlightsForPage: z.object(pageAddress),
  highlightFromPage: z.object({
    meaning: highlightMeaningSchema,
    note: z.string().max(20_000),
    passage: z.object({ quote: textQuoteSchema, position: textPositionSchema, selectors: selectorsSchema }),
  }),
  reportPlacements: z.object({ ...pageAddress, placements: z.array(highlightPlacementSchema).max(5_000) }),
};

const MESSAGE_TYPES = Object.keys(inputSchemas) as [MessageType, ...MessageType[]];
const envelopeSchema = z.object({ type: z.enum(MESSAGE_TYPES), input: z.unknown() });

/** Parses one message's input with its schema and runs its handler. */
function handle<K extends MessageType>(handlers: ProtocolHandlers, type: K, input: unknown, sender: MessageSender): Promise<unknown> | unknown {
  const parsed = inputSchemas[type].safeParse(input);
  return parsed.success ? handlers[type](parsed.data, sender) : fail('invalid-input', t('messages.badRequest'));
}

/** Checks a message (envelope, sender rights, input) and runs its handler; exported for tests. */
export async function dispatchMessage(handlers: ProtocolHandlers, message: unknown, fromPage: boolean, sender: MessageSender = {}): Promise<unknown> {
  const envelope = envelopeSchema.safeParse(message);
  if (!envelope.success) return fail('invalid-input', t('messages.badRequest'));
  const { type, input } = envelope.data;
  if (fromPage && !CONTENT_SCRIPT_MESSAGES.has(type)) return fail('invalid-input', t('messages.notFromPage'));
  return handle(handlers, type, input, sender);
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
    const from: MessageSender = { tabId: sender.tab?.id, url: sender.url };
    return dispatchMessage(handlers, message, !ownPage, from).catch(() =>
      fail('unexpected', t('messages.unexpected')),
    );
  });
}
