import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { MessageInput, MessageOutput, MessageType } from './protocol';

/**
 * Sends a command to the background and waits for its Result. Zod-free, so
 * the small scripts we run in web pages can use it too.
 */
export async function sendMessage<K extends MessageType>(type: K, input: MessageInput<K>): Promise<MessageOutput<K>> {
  try {
    return (await browser.runtime.sendMessage({ type, input })) as MessageOutput<K>;
  } catch {
    // A literal, not fail(): lib/model/result pulls in zod, which page scripts must not carry.
    const error = { code: 'unexpected', message: t('messages.noAnswer') } as const;
    return { ok: false, error } as MessageOutput<K>;
  }
}
