/** /downloads/<kind>/<id>.svg and <id>.en.svg: the figure with title, source line and credit, as a standalone SVG. */
import type { APIRoute } from 'astro';
import type { Lang } from '#/i18n/editions.ts';
import { getFigures, type EmbeddableFigure } from '#/publishing/graphics.ts';
import { downloadPaths, figureSvg } from '#/publishing/graphic-files.ts';

export const getStaticPaths = () => downloadPaths(getFigures(), 'svg');

export const GET: APIRoute = ({ props, site }) => {
  const { figure, lang } = props as { figure: EmbeddableFigure; lang: Lang };
  const svg = figureSvg(figure, lang, new URL(figure.homePath(lang), site).href);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
