import { describe, expect, it } from 'vitest';
import {
  decodeShareLink,
  decodeSharePayload,
  encodeShareLink,
  encodeSharePayload,
  MAX_SHARE_DECOMPRESSED_BYTES,
  MAX_SHARE_LINK_CHARS,
} from '../../../../lib/exchange/share-link';
import { fileHighlight, fileItem, sampleFile } from './sample-file';

const BASE = 'chrome-extension://abcdefghijklmnop/library.html';

async function linkOf(items = [fileItem('conditions/type-2-diabetes', { note: 'Start here' }), fileHighlight('conditions/type-2-diabetes', 'Check your feet every day')]) {
  const link = await encodeShareLink(sampleFile(items), BASE);
  if (typeof link !== 'string') throw new Error('too large');
  return link;
}

describe('share links', () => {
  it('round-trips a collection file through the fragment', async () => {
    const file = sampleFile([fileItem('a', { note: 'Crème brûlée – “quoted” 🙂' }), fileHighlight('b', 'a passage')]);
    const link = await encodeShareLink(file, `${BASE}#lists`);
    expect(typeof link).toBe('string');
    if (typeof link !== 'string') return;
    expect(link).toMatch(/^chrome-extension:\/\/abcdefghijklmnop\/library\.html#share=v1\.[A-Za-z0-9_-]+$/);
    const fragment = new URL(link).hash;
    expect(await decodeShareLink(fragment)).toEqual({ ok: true, value: file });
    // With or without the "#", or the whole link.
    expect((await decodeShareLink(fragment.slice(1))).ok).toBe(true);
    expect((await decodeShareLink(link)).ok).toBe(true);
  });

  it('is compressed: a list of ten pages fits comfortably', async () => {
    const items = Array.from({ length: 10 }, (_, i) => fileItem(`conditions/page-${i}`, { note: `Why page ${i} matters to our group.` }));
    const link = await linkOf(items);
    expect(link.length).toBeLessThan(1_500);
  });

  it('says a list is too large for a link instead of making one', async () => {
    // Notes of random-looking text do not compress.
    let seed = 1;
    const noise = () => Array.from({ length: 600 }, () => String.fromCharCode(33 + ((seed = (seed * 16807) % 2147483647) % 90))).join('');
    const items = Array.from({ length: 20 }, (_, i) => fileItem(`p${i}`, { note: noise() }));
    expect(await encodeShareLink(sampleFile(items), BASE)).toEqual({ tooLarge: true });
    expect(MAX_SHARE_LINK_CHARS).toBe(8_000);
  });

  it.each([
    ['cut short', (link: string) => link.slice(0, Math.floor(link.length * 0.6))],
    ['one character changed', (link: string) => link.slice(0, -20) + (link.at(-20) === 'A' ? 'B' : 'A') + link.slice(-19)],
    ['not base64url', (link: string) => link.replace(/.$/, '!')],
    ['empty data', () => '#share=v1.'],
    ['no version', () => '#share=abc'],
  ])('refuses a link that is %s, with a message', async (_name, damage) => {
    const result = await decodeShareLink(damage(await linkOf()));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/link|file/i);
  });

  it('catches a single changed character anywhere in the data (checksummed), instead of importing altered text', async () => {
    const link = await linkOf();
    const start = link.indexOf('.', link.indexOf('#share=')) + 1;
    // The last character may carry unused padding bits, so it is left alone.
    for (let at = start; at < link.length - 1; at += Math.max(1, Math.floor((link.length - start) / 40))) {
      const changed = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
      expect((await decodeShareLink(changed)).ok, `change at ${at - start}`).toBe(false);
    }
  });

  it('refuses a link from a newer version and asks to update', async () => {
    const link = (await linkOf()).replace('#share=v1.', '#share=v2.');
    expect(await decodeShareLink(link)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/newer version/) } });
  });

  it('refuses what is not a share link at all', async () => {
    expect(await decodeShareLink('#lists')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a Health Clipper share link/) } });
  });

  it('passes the data to the collection file checks (valid compression, wrong contents)', async () => {
    const data = await encodeSharePayload(JSON.stringify({ format: 'something-else' }));
    expect(await decodeShareLink(`#share=v1.${data}`)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a Health Clipper collection file/) } });
    const notJson = await encodeSharePayload('hello');
    expect((await decodeShareLink(`#share=v1.${notJson}`)).ok).toBe(false);
  });

  it('stops inflating a zip bomb at the cap instead of filling the memory', async () => {
    // 60 MB of spaces deflates to about 60 KB: a link that explodes.
    const data = await encodeSharePayload(' '.repeat(60 * 1024 * 1024));
    expect(data.length).toBeLessThan(200_000);
    const started = Date.now();
    const result = await decodeSharePayload(`share=v1.${data}`);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/far more than a shared list/) } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(MAX_SHARE_DECOMPRESSED_BYTES).toBe(5 * 1024 * 1024);
  });

  it('accepts data up to the cap', async () => {
    const data = await encodeSharePayload('x'.repeat(1000));
    expect(await decodeSharePayload(`share=v1.${data}`, 1000)).toEqual({ ok: true, value: 'x'.repeat(1000) });
    expect((await decodeSharePayload(`share=v1.${data}`, 999)).ok).toBe(false);
  });

  it('refuses text that is not UTF-8', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x00]);
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
    const raw = new Uint8Array(await new Response(stream).arrayBuffer());
    const data = btoa(String.fromCharCode(...raw)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect((await decodeSharePayload(`share=v1.${data}`)).ok).toBe(false);
  });
});
