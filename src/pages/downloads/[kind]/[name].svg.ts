/** /downloads/<kind>/<id>.svg and <id>.en.svg: the graphic with title, source line and credit, as a standalone SVG. */
import type { APIRoute } from 'astro';
import { withGraphicKeys } from '#/publishing/page-keys.ts';
import type { Lang } from '#/i18n/editions.ts';
import { getGraphics, type Graphic } from '#/publishing/graphics.ts';
import { downloadPaths, graphicSvg } from '#/publishing/graphic-files.ts';

export const getStaticPaths = () => withGraphicKeys(downloadPaths(getGraphics(), 'svg'));

export const GET: APIRoute = ({ props, site }) => {
  const { graphic, lang } = props as { graphic: Graphic; lang: Lang };
  const svg = graphicSvg(graphic, lang, new URL(graphic.homePath(lang), site).href);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
