/**
 * The two editions. Chinese is the original at /, English at /en/.
 * Interface words live here; story prose lives in content/ (and content/en/).
 * Every component takes a `lang` prop and looks its words up with t().
 */
import type { Lang } from './format.ts';
export type { Lang };

export const LANGS = ['zh', 'en'] as const satisfies readonly Lang[];
export const htmlLang = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

/** "/counties/qinglong/" in the given edition: "/en/counties/qinglong/". */
export const localePath = (path: string, lang: Lang) => (lang === 'zh' ? path : `/en${path}`);

const words = {
  siteName: { zh: '县域故事', en: 'County Stories' },
  home: { zh: '首页', en: 'Home' },
  datasets: { zh: '数据集', en: 'Datasets' },
  sources: { zh: '来源', en: 'Sources' },
  notes: { zh: '注释与出处', en: 'Notes and sources' },
  skipToContent: { zh: '跳到正文', en: 'Skip to content' },
} as const satisfies Record<string, Record<Lang, string>>;

export type WordKey = keyof typeof words;
export const t = (key: WordKey, lang: Lang): string => words[key][lang];

/**
 * getStaticPaths entries for a page that exists in both editions. Put such
 * pages under src/pages/[...lang]/: the Chinese page has no prefix, the
 * English one lives under /en/. The page receives `lang` as a prop.
 */
export const editionPaths = () => LANGS.map((lang) => ({ params: { lang: lang === 'zh' ? undefined : lang }, props: { lang } }));
