/**
 * The download files of a chart or map: a standalone SVG of the figure's
 * widest layout (a chart or county map 840 units wide, src/svg/widths.ts WIDE;
 * the national map 800) and a PNG 1280 px wide (EMBED_WIDTH × PNG_SCALE:
 * about 1.5× a chart), both with the title, source line
 * and credit drawn in, the SVG with presentation attributes only. The PNG is rendered with the bundled fonts (src/publishing/png/svg-to-png.ts).
 */
import { downloadPath, newsletterPngPath, type EmbedKind } from './urls.ts';
import type { Lang } from '#/i18n/format.ts';
import { EMBED_WIDTH, PNG_SCALE, svgSize } from './embed.ts';
import type { Graphic } from './graphics.ts';
import { LANGS } from '#/i18n/editions.ts';
import { widthAt } from '#/svg/widths.ts';
import { svgToPng, type RenderedPng } from '#/publishing/png/svg-to-png.ts';
import { rememberedPer } from './remembered.ts';

export const PNG_WIDTH = EMBED_WIDTH * PNG_SCALE;

/**
 * The newsletter and feed image (/downloads/<kind>/<id>.newsletter.png): shown
 * 600 CSS px wide, the usual width of an email's body, and drawn at 2×
 * (1200 px) so its text stays sharp on high-density screens, which most
 * phones reading mail have. The same figure, title, source and credit as the
 * download; no site chrome.
 */
export const NEWSLETTER_WIDTH = 600;
export const NEWSLETTER_PNG_WIDTH = NEWSLETTER_WIDTH * PNG_SCALE;
/** The layout a 600-px column shows (src/svg/widths.ts), so the newsletter image's text is at its design size there. */
export const NEWSLETTER_LAYOUT = widthAt(NEWSLETTER_WIDTH, 0);

/** `url` is the graphic's permanent page, printed in the credit. */
export const graphicSvg = (graphic: Graphic, lang: Lang, url: string, layoutWidth?: number) => graphic.standalone(lang, url, layoutWidth);

/** The two PNGs of a graphic: the download (widest layout, PNG_WIDTH) and the newsletter image (NEWSLETTER_LAYOUT, NEWSLETTER_PNG_WIDTH). */
export type PngImage = 'download' | 'newsletter';
const PNG_LAYOUT = { download: { layout: undefined, width: PNG_WIDTH }, newsletter: { layout: NEWSLETTER_LAYOUT, width: NEWSLETTER_PNG_WIDTH } };

export const graphicPng = (graphic: Graphic, lang: Lang, url: string, image: PngImage = 'download'): Promise<RenderedPng> =>
  svgToPng(graphicSvg(graphic, lang, url, PNG_LAYOUT[image].layout), { width: PNG_LAYOUT[image].width });

const pngSizes = rememberedPer<Graphic, { width: number; height: number }>();

/**
 * The PNG's size without drawing it (for oEmbed thumbnails): resvg scales
 * the SVG to PNG_WIDTH and rounds the height to the nearest pixel (checked
 * against every rendered PNG in tests/build/publishing.test.ts).
 */
export function graphicPngSize(graphic: Graphic, lang: Lang, url: string, image: PngImage = 'download'): Readonly<{ width: number; height: number }> {
  return pngSizes(graphic, `${lang} ${image} ${url}`, () => {
    const pngWidth = PNG_LAYOUT[image].width;
    const { width, height } = svgSize(graphicSvg(graphic, lang, url, PNG_LAYOUT[image].layout));
    return { width: pngWidth, height: Math.round((pngWidth * height) / width) };
  });
}

/** getStaticPaths for /downloads/<kind>/<name>.<format>: "gongyi-baobei" (zh) and "gongyi-baobei.en". */
export function downloadPaths(graphics: Graphic[], format: 'svg' | 'png' | 'newsletter.png') {
  return graphics.flatMap((graphic) =>
    (LANGS as readonly Lang[]).map((lang) => ({
      params: {
        kind: graphic.kind as EmbedKind,
        name: (format === 'newsletter.png' ? newsletterPngPath(graphic.kind, graphic.id, lang) : downloadPath(graphic.kind, graphic.id, lang, format))
          .split('/')
          .at(-1)!
          .replace(/\.(svg|png|newsletter\.png)$/, ''),
      },
      props: { graphic, lang },
    })),
  );
}
