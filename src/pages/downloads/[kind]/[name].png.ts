/** /downloads/<kind>/<id>.png and <id>.en.png: the figure at 2× (1280 px wide), fonts from the npm package. */
import type { APIRoute } from 'astro';
import type { Lang } from '#/i18n/editions.ts';
import { getFigures, type EmbeddableFigure } from '#/publishing/graphics.ts';
import { downloadPaths, figurePng } from '#/publishing/graphic-files.ts';

export const getStaticPaths = () => downloadPaths(getFigures(), 'png');

export const GET: APIRoute = async ({ props, site }) => {
  const { figure, lang } = props as { figure: EmbeddableFigure; lang: Lang };
  const { png } = await figurePng(figure, lang, new URL(figure.homePath(lang), site).href);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
