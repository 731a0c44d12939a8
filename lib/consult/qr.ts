import qrcode from 'qrcode-generator';
import { t } from '../i18n';

/** Quiet zone around the code, in modules: the QR specification asks for four. */
const QUIET_ZONE = 4;

/** The text as a string of UTF-8 bytes, one character per byte, which is what the generator's byte mode encodes. */
function utf8Bytes(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(byte);
  return out;
}

/**
 * The modules of a QR code for `text` (true = dark), made locally. Error
 * correction M (about 15% of the code can be damaged: a fold or a smudge on
 * paper), falling back to L for long text. Throws a RangeError when the
 * text is too long for any QR code (about 2,300 bytes).
 */
export function qrModules(text: string): boolean[][] {
  for (const level of ['M', 'L'] as const) {
    try {
      const code = qrcode(0, level);
      code.addData(utf8Bytes(text), 'Byte');
      code.make();
      const size = code.getModuleCount();
      return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => code.isDark(row, col)));
    } catch {
      // Too long at this level: try the next.
    }
  }
  throw new RangeError(t('consult.qrTooLong'));
}

/**
 * A QR code for `text` as a `data:image/svg+xml,…` URL: one black path on
 * white, with its quiet zone, scalable to any print size. Made locally,
 * with no network. Throws a RangeError when the text is too long for a QR
 * code.
 */
export function qrSvgDataUrl(text: string): string {
  const modules = qrModules(text);
  const size = modules.length + QUIET_ZONE * 2;
  let path = '';
  modules.forEach((row, y) => {
    // One horizontal run per stretch of dark modules keeps the path short.
    for (let x = 0; x < row.length; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (row[x]) x++;
      path += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h${start - x}z`;
    }
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
