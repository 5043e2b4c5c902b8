/** /downloads/<kind>/<id>.png and <id>.en.png: the graphic 1280 px wide (4× a chart's 320-unit artboard), fonts from the npm packages. */
import type { APIRoute } from 'astro';
import { withGraphicKeys } from '#/publishing/page-keys.ts';
import type { Lang } from '#/i18n/editions.ts';
import { getGraphics, type Graphic } from '#/publishing/graphics.ts';
import { downloadPaths, graphicPng } from '#/publishing/graphic-files.ts';

export const getStaticPaths = () => withGraphicKeys(downloadPaths(getGraphics(), 'png'));

export const GET: APIRoute = async ({ props, site }) => {
  const { graphic, lang } = props as { graphic: Graphic; lang: Lang };
  const { png } = await graphicPng(graphic, lang, new URL(graphic.homePath(lang), site).href);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
