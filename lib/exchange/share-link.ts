import { fail, ok, type Result } from '../model/result';
import { parseCollectionFile, type CollectionFile } from './collection-file';
import { t } from '../i18n';

/**
 * Share links carry a whole (small) collection file in the address fragment:
 * `…/library.html#share=v1.<deflate, base64url>`. Browsers never send the
 * fragment to a server (RFC 3986 §3.5; Fetch strips it), so the list goes
 * only where the user pastes the link. Only people with the extension can
 * open it, because the address is the extension's own page.
 */

/**
 * zlib 'deflate' rather than 'deflate-raw': the same compression plus a
 * 2-byte header and an Adler-32 checksum (RFC 1950), so a link damaged by a
 * mail client or mistyped from paper fails instead of importing subtly
 * changed text (deflate-raw decodes many one-character changes "fine").
 * CompressionStream supports both in Chromium, Firefox and Node 18+.
 */
const FORMAT: CompressionFormat = 'deflate';

/** The fragment key and the format version of what follows it. */
export const SHARE_LINK_VERSION = 1;
const SHARE_KEY = 'share=';

/**
 * Longest link we make. Chat apps, e-mail clients and QR readers start to
 * break long addresses somewhere past 8,000 characters; above this, share
 * the file instead.
 */
export const MAX_SHARE_LINK_CHARS = 8_000;

/** Longest fragment we try to decode: anything longer was not made by us. */
const MAX_FRAGMENT_CHARS = 200_000;

/**
 * Most a link may inflate to. A few kilobytes of deflate can expand to
 * gigabytes (a "zip bomb"), so decompression stops here.
 */
export const MAX_SHARE_DECOMPRESSED_BYTES = 5 * 1024 * 1024;

/** What the user is told when a list is too big for a link (a function: the i18n API exists only at run time). */
export const tooLargeMessage = () => t('exchange.share.tooLarge');

const BROKEN = () => t('exchange.share.broken');

/** The link for a collection file, or `{ tooLarge: true }` when it would be longer than MAX_SHARE_LINK_CHARS. */
export async function encodeShareLink(file: CollectionFile, base: string): Promise<string | { tooLarge: true }> {
  const link = `${base.replace(/#.*$/, '')}#${SHARE_KEY}v${SHARE_LINK_VERSION}.${await encodeSharePayload(JSON.stringify(file))}`;
  return link.length > MAX_SHARE_LINK_CHARS ? { tooLarge: true } : link;
}

/**
 * The collection file in a share fragment (`#share=v1.…`, with or without
 * the `#`, or a whole link). Damaged, truncated, oversized or newer links
 * fail with a message for the user; the file is then checked like any
 * imported file.
 */
export async function decodeShareLink(fragment: string): Promise<Result<CollectionFile>> {
  const text = await decodeSharePayload(fragment);
  return text.ok ? parseCollectionFile(text.value) : text;
}

/** Text compressed with deflate (zlib, checksummed), as base64url (no padding). */
export async function encodeSharePayload(text: string): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream(FORMAT));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** The text inside a share fragment, inflated with a hard cap on its size. */
export async function decodeSharePayload(fragment: string, maxBytes: number = MAX_SHARE_DECOMPRESSED_BYTES): Promise<Result<string>> {
  const hash = fragment.includes('#') ? fragment.slice(fragment.indexOf('#') + 1) : fragment;
  if (!hash.startsWith(SHARE_KEY)) return fail('invalid-input', t('exchange.share.notShareLink'));
  const match = /^v(\d+)\.([A-Za-z0-9_-]*)$/.exec(hash.slice(SHARE_KEY.length));
  if (!match) return fail('invalid-input', BROKEN());
  if (Number(match[1]) !== SHARE_LINK_VERSION) {
    return fail('invalid-input', t('exchange.share.newer'));
  }
  const data = match[2] ?? '';
  if (data.length === 0) return fail('invalid-input', BROKEN());
  if (data.length > MAX_FRAGMENT_CHARS) return fail('invalid-input', t('exchange.share.tooLong'));
  const bytes = fromBase64Url(data);
  if (!bytes) return fail('invalid-input', BROKEN());
  const inflated = await inflateCapped(bytes, maxBytes);
  if (inflated === 'too-large') return fail('invalid-input', t('exchange.share.unpacksTooBig'));
  if (!inflated) return fail('invalid-input', BROKEN());
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return fail('invalid-input', BROKEN());
  }
}

/** Inflates zlib bytes, stopping (and cancelling the stream) past `maxBytes`. Undefined when the data is damaged. */
async function inflateCapped(bytes: Uint8Array<ArrayBuffer>, maxBytes: number): Promise<Uint8Array | 'too-large' | undefined> {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream(FORMAT)).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return 'too-large';
      }
      chunks.push(value);
    }
  } catch {
    return undefined;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** RFC 4648 §5 base64url without padding. */
function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Bytes from base64url (padding optional); undefined when it is not valid base64url. */
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 === 1) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}
