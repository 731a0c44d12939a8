import { describe, expect, it, vi } from 'vitest';
import { dispatchMessage } from '../../../../lib/messages/messenger';
import type { MessageSender, MessageType, ProtocolHandlers } from '../../../../lib/messages/protocol';
import { ok } from '../../../../lib/model/result';

const TYPES = [
  'inspectTab', 'clipTab', 'scrollToHighlight', 'reattachHighlight', 'unpaintHighlight', 'closeLibrary',
  'describePage', 'hideBadgeOnSite', 'highlightsForPage', 'highlightFromPage', 'reportPlacements',
] as const satisfies readonly MessageType[];

function handlers(): ProtocolHandlers & { calls: string[]; senders: MessageSender[] } {
  const calls: string[] = [];
  const senders: MessageSender[] = [];
  const record = (name: string) => vi.fn(async (_input: unknown, sender: MessageSender) => {
    calls.push(name);
    senders.push(sender);
    return ok(null);
  });
  const table = Object.fromEntries(TYPES.map((t) => [t, record(t)])) as unknown as ProtocolHandlers;
  return { ...table, calls, senders };
}

const PASSAGE = {
  quote: { exact: 'Drink water', prefix: 'Before. ', suffix: ' after.' },
  position: { start: 8, end: 19 },
  selectors: [
    { type: 'TextQuoteSelector', exact: 'Drink water', prefix: 'Before. ', suffix: ' after.' },
    { type: 'TextPositionSelector', start: 8, end: 19 },
  ],
};

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

  it('lets a web page save a highlight in its own tab, and passes the browser-reported sender on', async () => {
    const h = handlers();
    const sender = { tabId: 7, url: 'https://www.nhs.uk/conditions/asthma/' };
    await dispatchMessage(h, { type: 'highlightFromPage', input: { meaning: 'question', note: '', passage: PASSAGE } }, true, sender);
    expect(h.calls).toEqual(['highlightFromPage']);
    expect(h.senders).toEqual([sender]);
  });

  it('refuses closeLibrary from a web page: only "Delete everything" in the library may close the database', async () => {
    const h = handlers();
    expect(await dispatchMessage(h, { type: 'closeLibrary', input: { reason: 'delete-everything' } }, true)).toMatchObject({ ok: false });
    expect(await dispatchMessage(h, { type: 'closeLibrary', input: {} }, false)).toMatchObject({ ok: false });
    expect(h.calls).toEqual([]);
    await dispatchMessage(h, { type: 'closeLibrary', input: { reason: 'delete-everything' } }, false);
    expect(h.calls).toEqual(['closeLibrary']);
  });

  it.each(['scrollToHighlight', 'reattachHighlight', 'unpaintHighlight'])('refuses %s from a web page: it acts on any tab', async (type) => {
    const h = handlers();
    expect(await dispatchMessage(h, { type, input: { tabId: 1, id: 'h1' } }, true)).toMatchObject({ ok: false });
    expect(h.calls).toEqual([]);
  });

  it.each([
    ['no envelope', 'clipTab'],
    ['a passage without its quote selector', { type: 'highlightFromPage', input: { meaning: 'question', note: '', passage: { ...PASSAGE, selectors: [PASSAGE.selectors[1]] } } }],
    ['unknown meaning', { type: 'highlightFromPage', input: { meaning: 'delete-all', note: '', passage: PASSAGE } }],
    ['bad placement status', { type: 'reportPlacements', input: { url: 'https://a.org/', placements: [{ id: 'x', status: 'gone' }] } }],
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
