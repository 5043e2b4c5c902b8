/**
 * /rss.xml and /en/rss.xml — every story of the edition, newest first.
 * A corrected story's item is dated by its last change (`updated`) and its
 * description starts with its corrections, newest first, so a reader's feed
 * shows it again with what changed.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { editionPaths, htmlLang, localePath, t, themeLabel, type Lang } from '#/i18n/words.ts';
import { getEditionStories } from '#/stories/collection.ts';
import { correctionLine, newestFirst } from '#/stories/corrections.ts';
import { esc } from '#/svg/markup.ts';

export const getStaticPaths = editionPaths;

export async function GET(context: APIContext) {
  const { lang } = context.props as { lang: Lang };
  const stories = (await getEditionStories(lang)).toSorted((a, b) => b.entry.data.published.getTime() - a.entry.data.published.getTime() || a.path.localeCompare(b.path));
  return rss({
    title: t('siteName', lang),
    description: t('siteTagline', lang),
    site: new URL(localePath('/', lang), context.site).href,
    items: stories.map((s) => ({
      title: s.title,
      // An RSS description is HTML and the summary and corrections are text: escaped here for HTML,
      // then again for XML by @astrojs/rss, so a reader shows "<b>" and runs nothing.
      description: esc([...newestFirst(s.entry.data.corrections).map((c) => correctionLine(c, lang)), s.summary].join(lang === 'zh' ? '' : ' ')),
      link: s.path,
      pubDate: s.entry.data.updated ?? s.entry.data.published,
      categories: s.entry.data.themes.map((theme) => themeLabel(theme, lang)),
    })),
    customData: `<language>${htmlLang(lang)}</language>`,
  });
}
