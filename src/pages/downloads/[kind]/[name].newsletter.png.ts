/** /downloads/<kind>/<id>.newsletter.png and <id>.en.newsletter.png: the image for newsletters and feeds, the layout for a 600-px column, 1200 px wide to show at 600 CSS px (NEWSLETTER_WIDTH in src/publishing/graphic-files.ts). */
import type { APIRoute } from 'astro';
import { withGraphicKeys } from '#/publishing/page-keys.ts';
import type { Lang } from '#/i18n/editions.ts';
import { getGraphics, type Graphic } from '#/publishing/graphics.ts';
import { downloadPaths, graphicPng } from '#/publishing/graphic-files.ts';

export const getStaticPaths = () => withGraphicKeys(downloadPaths(getGraphics(), 'newsletter.png'));

export const GET: APIRoute = async ({ props, site }) => {
  const { graphic, lang } = props as { graphic: Graphic; lang: Lang };
  const { png } = await graphicPng(graphic, lang, new URL(graphic.homePath(lang), site).href, 'newsletter');
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
