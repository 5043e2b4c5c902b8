/**
 * The two editions. Chinese is the original at /, English at /en/.
 * What differs between them is written once per edition in EDITIONS, so no
 * caller needs to ask which language it is in; the words are in ./words.ts.
 */
export type Lang = 'zh' | 'en';

export const LANGS = ['zh', 'en'] as const satisfies readonly Lang[];

const EDITIONS = {
  zh: { htmlLang: 'zh-CN', ogLocale: 'zh_CN', pathPrefix: '', fileSuffix: '', pathParam: undefined, other: 'en', translation: false },
  en: { htmlLang: 'en', ogLocale: 'en_US', pathPrefix: '/en', fileSuffix: '.en', pathParam: 'en', other: 'zh', translation: true },
} as const satisfies Record<
  Lang,
  { htmlLang: string; ogLocale: string; pathPrefix: string; fileSuffix: string; pathParam: string | undefined; other: Lang; translation: boolean }
>;

/** The edition stories are written in; the other is translated from it (content/en/, checked against it). */
export const ORIGINAL: Lang = 'zh';

/** Whether this edition's stories are translations, read from content/en/, rather than the originals. */
export const isTranslation = (lang: Lang) => EDITIONS[lang].translation;

/** <html lang>, hreflang, RSS <language>, schema.org inLanguage: "zh-CN", "en". */
export const htmlLang = (lang: Lang) => EDITIONS[lang].htmlLang;

/** Open Graph's og:locale: "zh_CN", "en_US". */
export const ogLocale = (lang: Lang) => EDITIONS[lang].ogLocale;

/** "/counties/qinglong/" in the given edition: "/en/counties/qinglong/". */
export const localePath = (path: string, lang: Lang) => `${EDITIONS[lang].pathPrefix}${path}`;

/** Before a file's extension: qinglong.svg in Chinese, qinglong.en.svg in English. */
export const editionFile = (name: string, lang: Lang) => `${name}${EDITIONS[lang].fileSuffix}`;

export const otherLang = (lang: Lang): Lang => EDITIONS[lang].other;

/** The edition a URL path belongs to: everything under /en/ is English. */
export const pathLang = (pathname: string): Lang => (/^\/en(\/|$)/.test(pathname) ? 'en' : 'zh');

/**
 * The same page in the given edition: "/en/counties/qinglong/" ⇄ "/counties/qinglong/".
 * Every page exists in both editions (pages under src/pages/[...lang]/, stories
 * through the translation check), so the counterpart is always this path.
 */
export const pageInEdition = (pathname: string, lang: Lang) => localePath(pathname.replace(/^\/en(?=\/|$)/, '') || '/', lang);

/** The `[...lang]` route parameter of a page in this edition: none for Chinese, "en" for English. */
export const editionParam = (lang: Lang) => EDITIONS[lang].pathParam;

/**
 * getStaticPaths entries for a page that exists in both editions. Put such
 * pages under src/pages/[...lang]/: the Chinese page has no prefix, the
 * English one lives under /en/. The page receives `lang` as a prop.
 */
export const editionPaths = () => LANGS.map((lang) => ({ params: { lang: editionParam(lang) }, props: { lang } }));
