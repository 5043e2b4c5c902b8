/**
 * /og/<story path>.png — the social card of every story in both editions,
 * plus /og/site.png and /og/en.png for the other pages. Rendered at build
 * time; unchanged cards come from the cache (src/publishing/png/svg-to-png.ts).
 */
import { cardPath, editionPagePath, siteRoute } from '#/publishing/urls.ts';
import type { APIRoute } from 'astro';
import { getEditionStories } from '#/stories/collection.ts';
import { countyByCode, officialCountyName } from '#/data/site-data.ts';
import { CARD_WIDTH, cardSvg, type CardContent } from '#/publishing/social-card.ts';
import { LANGS, type Lang } from '#/i18n/editions.ts';
import { t } from '#/i18n/words.ts';
import { svgToPng } from '#/publishing/png/svg-to-png.ts';
import { pageKeys } from '#/publishing/page-keys.ts';

export async function getStaticPaths() {
  // The address printed on the card: the host, and the folder when the site is under a sub-path.
  const host = new URL(import.meta.env.SITE).href.replace(/^https?:\/\/|\/$/g, '');
  const cards: { path: string; card: CardContent; cacheKey?: string }[] = [];
  for (const lang of LANGS as readonly Lang[]) {
    const siteName = t(lang, 'siteName');
    cards.push({
      path: cardPath(editionPagePath('/', lang)),
      card: { lang, siteName, title: siteName, summary: t(lang, 'siteTagline'), host },
      cacheKey: pageKeys.shared(),
    });
    for (const story of await getEditionStories(lang)) {
      const county = story.entry.data.county ? countyByCode(story.entry.data.county) : undefined;
      const kicker = county ? t(lang, 'cardCounty', { county: officialCountyName(county)[lang], province: county.province[lang] }) : t(lang, 'themeStory');
      cards.push({
        path: cardPath(story.path),
        card: { lang, siteName, kicker, title: story.title, summary: story.summary, host },
        cacheKey: await pageKeys.story(story.entry),
      });
    }
  }
  return cards.map(({ path, card, cacheKey }) => ({ params: { slug: siteRoute(path).replace(/^\/og\/|\.png$/g, '') }, props: { card }, cacheKey }));
}

export const GET: APIRoute = async ({ props }) => {
  const { png } = await svgToPng(cardSvg((props as { card: CardContent }).card), { width: CARD_WIDTH });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
