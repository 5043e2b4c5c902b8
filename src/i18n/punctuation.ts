/**
 * Punctuation between words, as each edition writes it: Chinese uses
 * full-width marks with no spaces (：，；、（）), English half-width marks
 * followed by a space. Glue a label to its value, or list things, with these
 * rather than writing the marks inline.
 */
import type { Lang } from './editions.ts';

const MARKS = {
  zh: { colon: '：', comma: '，', semicolon: '；', listComma: '、', fullStop: '。', sentenceGap: '', openParen: '（', closeParen: '）', authorTitle: '：' },
  en: { colon: ': ', comma: ', ', semicolon: '; ', listComma: ', ', fullStop: '.', sentenceGap: ' ', openParen: ' (', closeParen: ')', authorTitle: ', ' },
} as const;
// authorTitle: between an author and the title cited after it, 皮磊：《…》 / 皮磊, “…”.

/** The marks of one edition: punctuation('zh').colon is "：", punctuation('en').colon is ": ". */
export const punctuation = (lang: Lang) => MARKS[lang];

/** "青龙县（130321）" / "Qinglong County (130321)": the English opening bracket brings its own space. */
export const inParens = (text: string, lang: Lang) => `${MARKS[lang].openParen}${text}${MARKS[lang].closeParen}`;

/** "a、b、c" / "a, b, c". */
export const joinList = (items: readonly string[], lang: Lang) => items.join(MARKS[lang].listComma);

/** Sentences run together in Chinese and are separated by a space in English. */
export const joinSentences = (sentences: readonly string[], lang: Lang) => sentences.join(MARKS[lang].sentenceGap);

/**
 * A title cited in running text: 《标题》 in Chinese, where a title it quotes
 * nests in 〈〉 as Chinese typesetting does; “title” in English.
 */
const TITLE_MARKS: Record<Lang, (title: string) => string> = {
  zh: (title) => `《${title.replace(/《/g, '〈').replace(/》/g, '〉')}》`,
  en: (title) => `“${title}”`,
};
export const quotedTitle = (title: string, lang: Lang) => TITLE_MARKS[lang](title);
