import { describe, expect, it, vi } from 'vitest';
import { dispatchMessage } from '../../../../lib/messages/messenger';
import type { ProtocolHandlers } from '../../../../lib/messages/protocol';
import { ok } from '../../../../lib/model/result';

function handlers(): ProtocolHandlers & { calls: string[] } {
  const calls: string[] = [];
  const record = (name: string) => vi.fn(async () => {
    calls.push(name);
    return ok(null);
  });
  return {
    calls,
    inspectTab: record('inspectTab') as unknown as ProtocolHandlers['inspectTab'],
    clipTab: record('clipTab') as unknown as ProtocolHandlers['clipTab'],
    describePage: record('describePage') as unknown as ProtocolHandlers['describePage'],
    hideBadgeOnSite: record('hideBadgeOnSite') as unknown as ProtocolHandlers['hideBadgeOnSite'],
  };
}

describe('dispatchMessage', () => {
  it('runs the handler for a well-formed message from an extension page', async () => {
    const h = handlers();
    await dispatchMessage(h, { type: 'clipTab', input: { tabId: 3, mode: 'article', tags: [], note: '' } }, false);
    expect(h.calls).toEqual(['clipTab']);
  });

  it('refuses commands from web pages, allowing only the badge messages', async () => {
    const h = handlers();
    const refused = await dispatchMessage(h, { type: 'clipTab', input: { tabId: 3, mode: 'article', tags: [], note: '' } }, true);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await dispatchMessage(h, { type: 'describePage', input: { url: 'https://www.nhs.uk/' } }, true);
    expect(h.calls).toEqual(['describePage']);
  });

  it.each([
    ['no envelope', 'clipTab'],
    ['unknown type', { type: 'deleteEverything', input: {} }],
    ['bad input', { type: 'clipTab', input: { tabId: -1, mode: 'article', tags: [], note: '' } }],
    ['wrong mode', { type: 'clipTab', input: { tabId: 1, mode: 'everything', tags: [], note: '' } }],
    ['prototype keys', JSON.parse('{"type":"inspectTab","input":{"__proto__":{"tabId":1}}}')],
  ])('rejects %s without calling a handler', async (_name, message) => {
    const h = handlers();
    expect(await dispatchMessage(h, message, false)).toMatchObject({ ok: false });
    expect(h.calls).toEqual([]);
  });
});
