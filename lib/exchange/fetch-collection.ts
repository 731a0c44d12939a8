import { fail, ok, type Result } from '../model/result';
import { parseCollectionFile, type CollectionFile } from './collection-file';
import { t } from '../i18n';

/**
 * Fetches a collection file a moderator published at an https address:
 * exactly one request (plus any redirects the server gives), with no
 * cookies or other credentials, bypassing the HTTP cache, size-capped, and
 * conditional on what we saw last time (ETag / Last-Modified).
 */

/** The part of `fetch` this module uses, so tests can pass a fake. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Most a published collection file may weigh. Bigger than any list a group would share, small enough to read safely. */
export const MAX_COLLECTION_FILE_BYTES = 5 * 1024 * 1024;

/** How long to wait for the server before giving up. */
const TIMEOUT_MS = 30_000;

/** What we saw last time, sent back so an unchanged file costs a 304 and no download. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** The outcome of a check: unchanged since last time, or the file as it is now with its new validators. */
export type FetchedCollection =
  | { status: 'unchanged' }
  | { status: 'changed'; file: CollectionFile; etag?: string; lastModified?: string };

export interface FetchCollectionOptions {
  fetch: FetchLike;
  validators?: Validators;
  maxBytes?: number;
  signal?: AbortSignal;
}

/**
 * The address to follow, if it is one: https only (the file decides what
 * members read, so it must not be changeable in transit), no user name or
 * password in it, no fragment.
 */
export function parseSubscriptionUrl(text: string): Result<URL> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return fail('invalid-input', t('exchange.fetch.notAddress'));
  }
  if (url.protocol !== 'https:') return fail('invalid-input', t('exchange.fetch.httpsOnly'));
  if (url.username || url.password) return fail('invalid-input', t('exchange.fetch.noPassword'));
  url.hash = '';
  return ok(url);
}

/** The origin pattern to ask the browser for, so the extension may read that one site. */
export function originPattern(url: URL): string {
  return `${url.origin}/*`;
}

/** Checks the published file: 304 → unchanged; 200 → the parsed file. Every failure has a message for the user. */
export async function fetchCollection(address: string, options: FetchCollectionOptions): Promise<Result<FetchedCollection>> {
  const parsedUrl = parseSubscriptionUrl(address);
  if (!parsedUrl.ok) return parsedUrl;
  const url = parsedUrl.value;
  const { validators = {}, maxBytes = MAX_COLLECTION_FILE_BYTES } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const signal = options.signal ?? AbortSignal.timeout(TIMEOUT_MS);

  let response: Response;
  try {
    response = await options.fetch(url.href, {
      method: 'GET',
      headers,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
      signal,
    });
  } catch {
    return fail('page-did-not-answer', `${url.host} did not answer. Check the address and your internet connection, then try again.`);
  }

  // A redirect may only go to another secure address.
  if (response.url && !response.url.startsWith('https:')) {
    await response.body?.cancel().catch(() => undefined);
    return fail('invalid-input', `${url.host} sent us on to an address that is not secure (http), so the list was not read. Ask the person who publishes it to fix this.`);
  }
  if (response.status === 304) return ok({ status: 'unchanged' });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const gone = response.status === 404 || response.status === 410;
    return fail('not-found', gone ? t('exchange.fetch.gone') : t('exchange.fetch.serverError', { status: String(response.status) }));
  }
  const type = response.headers.get('content-type') ?? '';
  if (/^text\/html/i.test(type)) {
    await response.body?.cancel().catch(() => undefined);
    return fail('invalid-input', t('exchange.fetch.webPage'));
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return fail('invalid-input', tooBig(maxBytes));
  }
  const text = await readCapped(response, maxBytes);
  if (text === 'too-large') return fail('invalid-input', tooBig(maxBytes));
  if (text === undefined) return fail('page-did-not-answer', t('exchange.fetch.stopped', { host: url.host }));

  const file = parseCollectionFile(text);
  if (!file.ok) return file;
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  return ok({ status: 'changed', file: file.value, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) });
}

const tooBig = (maxBytes: number) => t('exchange.fetch.tooBig', { megabytes: String(Math.round(maxBytes / 1024 / 1024)) });

/** The body as UTF-8 text, reading no more than `maxBytes` (servers may send no Content-Length, or a wrong one). */
async function readCapped(response: Response, maxBytes: number): Promise<string | 'too-large' | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return 'too-large';
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return undefined;
  }
  return text + decoder.decode();
}
