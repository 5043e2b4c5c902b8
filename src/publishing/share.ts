/**
 * Sharing a page the way readers here share it: a QR code of the page's
 * public address, for WeChat on desktop (scan it with the phone to open the
 * story there), drawn at build time as inline SVG, so the page makes no
 * request and runs no script for it. The encoder is uqr (zero dependencies);
 * this module draws its matrix as one <path>, with the quiet zone the QR
 * standard asks for (4 modules) and its own ground in the print palette's
 * black on white (src/svg/palette.ts), so the code scans in the dark scheme too. tests/build/reader.test.ts decodes the drawn code
 * (jsQR) and compares it with the page's address.
 */
import { encode } from 'uqr';
import { esc } from '#/svg/markup.ts';
import { PRINT } from '#/svg/palette.ts';

/** Modules of white around the code: ISO/IEC 18004 asks for 4. */
export const QUIET_ZONE = 4;

/** The QR matrix of `text`: rows of booleans, true = dark, without the quiet zone. Error correction M (15 %): survives a screen's glare. */
export function qrMatrix(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: 0 }).data;
}

/**
 * The QR code of `url` as an SVG element: one path of unit squares in a
 * viewBox of modules (quiet zone included), scaled by CSS; crispEdges so
 * neighbouring modules do not show seams. `label` is its accessible name.
 */
export function qrSvg(url: string, label: string): string {
  const matrix = qrMatrix(url);
  const size = matrix.length + 2 * QUIET_ZONE;
  let d = '';
  matrix.forEach((row, y) => {
    // One run of dark modules per subpath: far fewer bytes than a square per module.
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let end = x;
      while (end + 1 < row.length && row[end + 1]) end++;
      d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h${end - x + 1}v1h-${end - x + 1}z`;
      x = end;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="qr-code" viewBox="0 0 ${size} ${size}" role="img" aria-label="${esc(label)}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="${PRINT.bg}"/><path fill="${PRINT.fg}" d="${d}"/></svg>`
  );
}
