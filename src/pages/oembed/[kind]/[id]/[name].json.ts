/**
 * /oembed/charts/<id>/<version>.json (Chinese) and <version>.en.json: the
 * oEmbed answer for a chart's embed pinned to one dataset version, found
 * through the discovery link on that embed page.
 */
import { editionPagePath, embedScriptPath, pinnedOembedPath } from '#/publishing/urls.ts';
import type { APIRoute } from 'astro';
import { withGraphicKeys } from '#/publishing/page-keys.ts';
import { LANGS, type Lang } from '#/i18n/editions.ts';
import { t } from '#/i18n/words.ts';
import { getGraphics, pinnedSnippetOptions, type Graphic, type PinnedVersion } from '#/publishing/graphics.ts';
import { oembedJson } from '#/publishing/embed.ts';

export function getStaticPaths() {
  return withGraphicKeys(
    getGraphics('charts').flatMap((graphic) =>
      (graphic.pinned ?? []).flatMap((pinned) =>
        (LANGS as readonly Lang[]).map((lang) => ({
          params: {
            kind: graphic.kind,
            id: graphic.id,
            name: pinnedOembedPath(graphic.id, pinned.version, lang)
              .split('/')
              .at(-1)!
              .replace(/\.json$/, ''),
          },
          props: { graphic, pinned, lang },
        })),
      ),
    ),
  );
}

export const GET: APIRoute = ({ props, site }) => {
  const { graphic, pinned, lang } = props as { graphic: Graphic; pinned: PinnedVersion; lang: Lang };
  const url = (p: string) => new URL(p, site).href;
  const body = oembedJson({
    title: graphic.title[lang],
    siteName: t(lang, 'siteName'),
    siteUrl: url(editionPagePath('/', lang)),
    script: url(embedScriptPath()),
    ...pinnedSnippetOptions(graphic, pinned, lang, site),
  });
  return new Response(JSON.stringify(body, null, 2) + '\n', { headers: { 'Content-Type': 'application/json+oembed; charset=utf-8' } });
};
