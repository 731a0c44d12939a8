import { describe, expect, it } from 'vitest';
import { fetchCollection, originPattern, parseSubscriptionUrl, type FetchLike } from '../../../../lib/exchange/fetch-collection';
import { fileItem, sampleFile } from './sample-file';

const ADDRESS = 'https://www.diabetes-support-group.org.uk/collections/first-steps.json';
const BODY = JSON.stringify(sampleFile([fileItem('conditions/type-2-diabetes')]));

interface Call {
  url: string;
  init: RequestInit;
}

/** A fake server: answers every request with `respond`, and records what was asked. */
function fakeFetch(respond: (call: Call) => Response | Promise<Response>): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      const call = { url, init };
      calls.push(call);
      return respond(call);
    },
  };
}

/** A response as if it came from `url` (after redirects). */
function from(url: string, response: Response): Response {
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

const json = (body: string, headers: Record<string, string> = {}) => new Response(body, { status: 200, headers: { 'content-type': 'application/json', ...headers } });

describe('fetchCollection', () => {
  it('asks once, without credentials or cache, and reads the file with its validators', async () => {
    const server = fakeFetch(() => from(ADDRESS, json(BODY, { etag: '"v1"', 'last-modified': 'Tue, 24 Nov 2026 10:00:00 GMT' })));
    const result = await fetchCollection(ADDRESS, { fetch: server.fetch });
    expect(result.ok && result.value).toMatchObject({ status: 'changed', etag: '"v1"', lastModified: 'Tue, 24 Nov 2026 10:00:00 GMT', file: { collection: { title: 'First steps with type 2 diabetes' } } });
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]?.url).toBe(ADDRESS);
    expect(server.calls[0]?.init).toMatchObject({ method: 'GET', credentials: 'omit', cache: 'no-store', redirect: 'follow', referrerPolicy: 'no-referrer' });
    expect(server.calls[0]?.init.headers).toEqual({ accept: 'application/json' });
  });

  it('sends If-None-Match and If-Modified-Since, and a 304 means unchanged', async () => {
    const server = fakeFetch(() => new Response(null, { status: 304 }));
    const result = await fetchCollection(ADDRESS, { fetch: server.fetch, validators: { etag: '"v1"', lastModified: 'Tue, 24 Nov 2026 10:00:00 GMT' } });
    expect(result).toEqual({ ok: true, value: { status: 'unchanged' } });
    expect(server.calls[0]?.init.headers).toEqual({ accept: 'application/json', 'if-none-match': '"v1"', 'if-modified-since': 'Tue, 24 Nov 2026 10:00:00 GMT' });
  });

  it('reads a file served as text/plain (as raw file hosts do)', async () => {
    const server = fakeFetch(() => new Response(BODY, { headers: { 'content-type': 'text/plain; charset=utf-8' } }));
    expect((await fetchCollection(ADDRESS, { fetch: server.fetch })).ok).toBe(true);
  });

  it.each([
    ['http', 'http://example.org/list.json', /secure addresses/],
    ['not an address', 'list.json', /not a web address/],
    ['credentials in it', 'https://user:pw@example.org/list.json', /user name and password/],
  ])('refuses an address with %s and makes no request', async (_name, address, message) => {
    const server = fakeFetch(() => json(BODY));
    expect(await fetchCollection(address, { fetch: server.fetch })).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
    expect(server.calls).toHaveLength(0);
  });

  it('refuses a redirect to an http address', async () => {
    const server = fakeFetch(() => from('http://www.diabetes-support-group.org.uk/first-steps.json', json(BODY)));
    expect(await fetchCollection(ADDRESS, { fetch: server.fetch })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not secure \(http\)/) } });
  });

  it('refuses a file larger than the cap, by its Content-Length or while reading', async () => {
    const declared = fakeFetch(() => json(BODY, { 'content-length': String(10 * 1024 * 1024) }));
    expect(await fetchCollection(ADDRESS, { fetch: declared.fetch })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/larger than 5 MB/) } });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    const streaming = fakeFetch(() => new Response(endless, { headers: { 'content-type': 'application/json' } }));
    expect(await fetchCollection(ADDRESS, { fetch: streaming.fetch, maxBytes: 1024 * 1024 })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/larger than 1 MB/) } });
    expect(pulled).toBeLessThan(40);
  });

  it('refuses a web page and a file that is not JSON, with messages', async () => {
    const page = fakeFetch(() => new Response('<!doctype html><p>Our group', { headers: { 'content-type': 'text/html; charset=utf-8' } }));
    expect(await fetchCollection(ADDRESS, { fetch: page.fetch })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/shows a web page/) } });
    const notJson = fakeFetch(() => new Response('hello', { headers: { 'content-type': 'application/json' } }));
    expect(await fetchCollection(ADDRESS, { fetch: notJson.fetch })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not valid JSON/) } });
    const otherJson = fakeFetch(() => json('{"hello": "world"}'));
    expect(await fetchCollection(ADDRESS, { fetch: otherJson.fetch })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a Health Clipper collection file/) } });
  });

  it('says when the list is gone, the server fails, or nothing answers', async () => {
    expect(await fetchCollection(ADDRESS, { fetch: fakeFetch(() => new Response('', { status: 404 })).fetch })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no list at that address/) } });
    expect(await fetchCollection(ADDRESS, { fetch: fakeFetch(() => new Response('', { status: 503 })).fetch })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/error \(503\)/) } });
    const offline = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await fetchCollection(ADDRESS, { fetch: offline.fetch })).toMatchObject({ ok: false, error: { code: 'page-did-not-answer', message: expect.stringMatching(/did not answer/) } });
  });
});

describe('parseSubscriptionUrl and originPattern', () => {
  it('keeps the address without its fragment and asks only for its own site', () => {
    const url = parseSubscriptionUrl(`  ${ADDRESS}#top `);
    expect(url.ok && url.value.href).toBe(ADDRESS);
    if (url.ok) expect(originPattern(url.value)).toBe('https://www.diabetes-support-group.org.uk/*');
  });
});
