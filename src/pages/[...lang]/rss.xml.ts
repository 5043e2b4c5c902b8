/**
 * /rss.xml and /en/rss.xml — every story of the edition, newest first.
 * A corrected story's item is dated by its last change (`updated`) and its
 * description starts with its corrections, newest first, so a reader's feed
 * shows it again with what changed.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { editionPaths, htmlLang, type Lang } from '#/i18n/editions.ts';
import { editionPagePath } from '#/publishing/urls.ts';
import { t, themeLabel } from '#/i18n/words.ts';
import { joinSentences } from '#/i18n/punctuation.ts';
import { getEditionStories } from '#/stories/collection.ts';
import { correctionLine, newestFirst } from '#/stories/corrections.ts';
import { esc } from '#/svg/markup.ts';

export const getStaticPaths = editionPaths;

const changedOn = (s: { entry: { data: { published: Date; updated?: Date } } }) => s.entry.data.updated ?? s.entry.data.published;
const newestChange = (stories: Parameters<typeof changedOn>[0][]) => new Date(Math.max(...stories.map((s) => changedOn(s).getTime())));

export async function GET(context: APIContext) {
  const { lang } = context.props as { lang: Lang };
  const stories = (await getEditionStories(lang)).toSorted(
    (a, b) => b.entry.data.published.getTime() - a.entry.data.published.getTime() || a.path.localeCompare(b.path),
  );
  return rss({
    title: t(lang, 'siteName'),
    description: t(lang, 'siteTagline'),
    site: new URL(editionPagePath('/', lang), context.site).href,
    items: stories.map((s) => ({
      title: s.title,
      // An RSS description is HTML and the summary and corrections are text: escaped here for HTML,
      // then again for XML by @astrojs/rss, so a reader shows "<b>" and runs nothing.
      description: esc(joinSentences([...newestFirst(s.entry.data.corrections).map((c) => correctionLine(c, lang)), s.summary], lang)),
      link: s.path,
      pubDate: changedOn(s),
      categories: s.entry.data.themes.map((theme) => themeLabel(theme, lang)),
    })),
    // The feed's own address (atom:link rel="self", as feed validators ask) and when its content last
    // changed: the newest item's date, so an unchanged site rebuilds to the same feed.
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${htmlLang(lang)}</language>`,
      `<lastBuildDate>${newestChange(stories).toUTCString()}</lastBuildDate>`,
      `<atom:link href="${esc(new URL(editionPagePath('/rss.xml', lang), context.site).href)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
  });
}
