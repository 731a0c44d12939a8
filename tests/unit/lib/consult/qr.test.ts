import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrModules, qrSvgDataUrl } from '../../../../lib/consult/qr';

/** Draws modules as an RGBA bitmap (with a quiet zone) for jsQR to read back. */
function decode(modules: boolean[][]): string | undefined {
  const scale = 4;
  const quiet = 4;
  const size = (modules.length + quiet * 2) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const at = (((y + quiet) * scale + dy) * size + (x + quiet) * scale + dx) * 4;
          data[at] = data[at + 1] = data[at + 2] = 0;
        }
    }),
  );
  return jsQR(data, size, size)?.data;
}

describe('qr', () => {
  it.each([
    'https://www.nhs.uk/conditions/type-2-diabetes/',
    'https://www.diabetes.org.uk/about-diabetes/looking-after-diabetes/hypos?utm=no#section',
    'https://fr.wikipedia.org/wiki/Diabète_de_type_2',
  ])('encodes %s so a reader gets it back exactly', (url) => {
    expect(decode(qrModules(url))).toBe(url);
  });

  it('makes an SVG data URL locally: one path, a quiet zone, no script or remote reference', () => {
    const url = qrSvgDataUrl('https://www.nhs.uk/conditions/asthma/');
    expect(url.startsWith('data:image/svg+xml,')).toBe(true);
    const svg = decodeURIComponent(url.slice('data:image/svg+xml,'.length));
    const modules = qrModules('https://www.nhs.uk/conditions/asthma/').length;
    expect(svg).toContain(`viewBox="0 0 ${modules + 8} ${modules + 8}"`);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*><rect[^>]*\/><path d="[Mhvz0-9 -]+" fill="#000"\/><\/svg>$/);
    expect(url).not.toMatch(/[<>"#\s]/);
  });

  it('throws a RangeError for text too long for any QR code', () => {
    expect(() => qrSvgDataUrl(`https://example.org/${'x'.repeat(4_000)}`)).toThrow(RangeError);
  });
});
