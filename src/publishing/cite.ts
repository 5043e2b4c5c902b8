/**
 * Ready-to-copy citations of what the site publishes — a story, a chart, a
 * dataset version — in the two styles Chinese and international readers
 * use: GB/T 7714-2015 and APA (7th edition).
 *
 * Pure functions: everything they print comes in through their arguments,
 * so the same inputs always give the same text.
 */
import { dateParts, type Lang } from '#/i18n/format.ts';
import { t } from '#/i18n/words.ts';
import { inParens } from '#/i18n/punctuation.ts';

/**
 * A run of citation text. `em` parts are italic in APA (plain when copied);
 * the `accessed` part is the reader's access date, which a page may update
 * to the day it is read.
 */
export type CitationPart = string | { em: string } | { accessed: string };

export interface Citation {
  style: 'gbt7714' | 'apa';
  parts: CitationPart[];
}

/** What is cited. `url` is the permanent, absolute URL. Dates are YYYY-MM-DD. */
export type Citable =
  | { kind: 'story'; title: string; published: string; url: string }
  | { kind: 'chart'; title: string; published: string; url: string; dataset: { id: string; version: string } }
  | { kind: 'dataset'; title: string; released: string; version: string; url: string }
  /** A map: no date of its own (its geometry is dated in its provenance). */
  | { kind: 'map'; title: string; url: string };

export interface CiteContext {
  lang: Lang;
  /** The site as author and publisher: "县域故事" / "County Stories". */
  siteName: string;
  /** GB/T 7714 asks for the date the reader looked at the resource. */
  accessed: string;
}

export const citationText = (c: Citation) => c.parts.map((p) => (typeof p === 'string' ? p : 'em' in p ? p.em : p.accessed)).join('');

/**
 * GB/T 7714-2015, electronic resources (§4.8, 8.8):
 *   主要责任者. 题名[类型标识/OL]. 版本项. (更新或修改日期)[引用日期]. 获取和访问路径.
 * EB = web page (story, chart), DS = dataset.
 */
export function gbt7714(item: Citable, ctx: CiteContext): Citation {
  const { siteName, accessed, lang } = ctx;
  let body: string;
  if (item.kind === 'dataset') {
    body = `${item.title}[DS/OL]. ${t(lang, 'citeVersion', { version: item.version })}. (${item.released})`;
  } else if (item.kind === 'chart') {
    const data = t(lang, 'citeChartData', { dataset: `${item.dataset.id}@${item.dataset.version}` });
    body = `${item.title}${inParens(data, lang)}[EB/OL]. (${item.published})`;
  } else if (item.kind === 'map') {
    body = `${item.title}[EB/OL]`;
  } else {
    body = `${item.title}[EB/OL]. (${item.published})`;
  }
  return { style: 'gbt7714', parts: [`${siteName}. ${body}[`, { accessed }, `]. ${item.url}.`] };
}

/** APA's "(2026, November 23)" / Chinese APA's "(2026年11月23日)". */
function apaDate(iso: string, lang: Lang, withDay: boolean): string {
  if (!withDay) return `(${iso.slice(0, 4)})`;
  return t(lang, 'citeApaDate', dateParts(iso, lang));
}

/**
 * APA 7: the site is the group author, so the site name is not repeated as
 * publisher. Web page: Author. (Y, M D). *Title*. URL
 * Dataset: Author. (Y). *Title* (Version x) [Data set]. URL
 */
export function apa(item: Citable, ctx: CiteContext): Citation {
  const { siteName, lang } = ctx;
  const author = `${siteName}. `;
  if (item.kind === 'dataset') {
    const described = t(lang, 'citeApaDataset', { version: item.version });
    return { style: 'apa', parts: [`${author}${apaDate(item.released, lang, false)}. `, { em: item.title }, `${described}${item.url}`] };
  }
  if (item.kind === 'map') {
    return { style: 'apa', parts: [`${author}${t(lang, 'citeApaNoDate')}. `, { em: item.title }, `${t(lang, 'citeApaMap')}${item.url}`] };
  }
  if (item.kind === 'chart') {
    const described = t(lang, 'citeApaChart', { dataset: item.dataset.id, version: item.dataset.version });
    return { style: 'apa', parts: [`${author}${apaDate(item.published, lang, true)}. `, { em: item.title }, `${described}${item.url}`] };
  }
  return { style: 'apa', parts: [`${author}${apaDate(item.published, lang, true)}. `, { em: item.title }, `. ${item.url}`] };
}

export const citations = (item: Citable, ctx: CiteContext): Citation[] => [gbt7714(item, ctx), apa(item, ctx)];
