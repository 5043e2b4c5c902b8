/**
 * /oembed/<kind>/<id>.json (Chinese) and /oembed/<kind>/<id>.en.json: static
 * oEmbed responses, found through the <link rel="alternate"
 * type="application/json+oembed"> on the figure's embed page and home page.
 */
import { downloadPath, embedPath, oembedPath } from '#/publishing/urls.ts';
import type { APIRoute } from 'astro';
import { LANGS, localePath, type Lang } from '#/i18n/editions.ts';
import { t } from '#/i18n/words.ts';
import { getFigures, type EmbeddableFigure } from '#/publishing/graphics.ts';
import { oembedJson, svgSize } from '#/publishing/embed.ts';
import { figurePngSize } from '#/publishing/graphic-files.ts';

export function getStaticPaths() {
  return getFigures().flatMap((figure) =>
    (LANGS as readonly Lang[]).map((lang) => ({
      params: { kind: figure.kind, name: oembedPath(figure.kind, figure.id, lang).split('/').at(-1)!.replace(/\.json$/, '') },
      props: { figure, lang },
    })),
  );
}

export const GET: APIRoute = ({ props, site }) => {
  const { figure, lang } = props as { figure: EmbeddableFigure; lang: Lang };
  const url = (p: string) => new URL(p, site).href;
  const body = oembedJson({
    src: url(embedPath(figure.kind, figure.id, lang)),
    title: figure.title[lang],
    siteName: t(lang, 'siteName'),
    siteUrl: url(localePath('/', lang)),
    script: url('/embed.js'),
    figure: svgSize(figure.svg(lang)),
    thumbnail: { url: url(downloadPath(figure.kind, figure.id, lang, 'png')), ...figurePngSize(figure, lang, url(figure.homePath(lang))) },
  });
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json+oembed; charset=utf-8' } });
};
