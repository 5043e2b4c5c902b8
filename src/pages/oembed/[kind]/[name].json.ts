/**
 * /oembed/<kind>/<id>.json (Chinese) and /oembed/<kind>/<id>.en.json: static
 * oEmbed responses, found through the <link rel="alternate"
 * type="application/json+oembed"> on the graphic's embed page and home page.
 */
import { downloadPath, editionPagePath, embedPath, embedScriptPath, oembedPath } from '#/publishing/urls.ts';
import type { APIRoute } from 'astro';
import { withGraphicKeys } from '#/publishing/page-keys.ts';
import { LANGS, type Lang } from '#/i18n/editions.ts';
import { t } from '#/i18n/words.ts';
import { embedFigure, getGraphics, graphicImage, type Graphic } from '#/publishing/graphics.ts';
import { oembedJson } from '#/publishing/embed.ts';
import { graphicPngSize } from '#/publishing/graphic-files.ts';

export function getStaticPaths() {
  return withGraphicKeys(
    getGraphics().flatMap((graphic) =>
      (LANGS as readonly Lang[]).map((lang) => ({
        params: {
          kind: graphic.kind,
          name: oembedPath(graphic.kind, graphic.id, lang)
            .split('/')
            .at(-1)!
            .replace(/\.json$/, ''),
        },
        props: { graphic, lang },
      })),
    ),
  );
}

export const GET: APIRoute = ({ props, site }) => {
  const { graphic, lang } = props as { graphic: Graphic; lang: Lang };
  const url = (p: string) => new URL(p, site).href;
  const body = oembedJson({
    src: url(embedPath(graphic.kind, graphic.id, lang)),
    title: graphic.title[lang],
    siteName: t(lang, 'siteName'),
    siteUrl: url(editionPagePath('/', lang)),
    script: url(embedScriptPath()),
    figure: embedFigure(graphic, lang),
    fallback: graphicImage(graphic, lang, site),
    thumbnail: { url: url(downloadPath(graphic.kind, graphic.id, lang, 'png')), ...graphicPngSize(graphic, lang, url(graphic.homePath(lang))) },
  });
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json+oembed; charset=utf-8' } });
};
