/**
 * The download files of a chart or map: a standalone SVG of the figure's
 * widest layout (a chart or county map 840 units wide, src/svg/widths.ts WIDE;
 * the national map 800) and a PNG 1280 px wide (EMBED_WIDTH × PNG_SCALE:
 * about 1.5× a chart), both with the title, source line
 * and credit drawn in, the SVG with presentation attributes only. The PNG is rendered with the bundled fonts (src/publishing/png/svg-to-png.ts).
 */
import { downloadPath, type EmbedKind } from './urls.ts';
import type { Lang } from '#/i18n/format.ts';
import { EMBED_WIDTH, PNG_SCALE, svgSize } from './embed.ts';
import type { Graphic } from './graphics.ts';
import { LANGS } from '#/i18n/editions.ts';
import { svgToPng, type RenderedPng } from '#/publishing/png/svg-to-png.ts';

export const PNG_WIDTH = EMBED_WIDTH * PNG_SCALE;

/** `url` is the graphic's permanent page, printed in the credit. */
export const graphicSvg = (graphic: Graphic, lang: Lang, url: string) => graphic.standalone(lang, url);

export const graphicPng = (graphic: Graphic, lang: Lang, url: string): Promise<RenderedPng> => svgToPng(graphicSvg(graphic, lang, url), { width: PNG_WIDTH });

/**
 * The PNG's size without drawing it (for oEmbed thumbnails): resvg scales
 * the SVG to PNG_WIDTH and rounds the height to the nearest pixel (checked
 * against every rendered PNG in tests/build/publishing.test.ts).
 */
export function graphicPngSize(graphic: Graphic, lang: Lang, url: string): { width: number; height: number } {
  const { width, height } = svgSize(graphicSvg(graphic, lang, url));
  return { width: PNG_WIDTH, height: Math.round((PNG_WIDTH * height) / width) };
}

/** getStaticPaths for /downloads/<kind>/<name>.<format>: "gongyi-baobei" (zh) and "gongyi-baobei.en". */
export function downloadPaths(graphics: Graphic[], format: 'svg' | 'png') {
  return graphics.flatMap((graphic) =>
    (LANGS as readonly Lang[]).map((lang) => ({
      params: {
        kind: graphic.kind as EmbedKind,
        name: downloadPath(graphic.kind, graphic.id, lang, format)
          .split('/')
          .at(-1)!
          .replace(/\.(svg|png)$/, ''),
      },
      props: { graphic, lang },
    })),
  );
}
