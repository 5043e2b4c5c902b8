/**
 * schema.org structured data (JSON-LD) for story pages: a NewsArticle with
 * its dates and its corrections (CorrectionComment). One small module so a
 * later issue can add `about` (the county) and `isBasedOn` (the datasets).
 */
import type { Lang } from '#/i18n/format.ts';
import { htmlLang } from '#/i18n/editions.ts';
import { t } from '#/i18n/words.ts';
import type { Correction } from '#/stories/corrections.ts';

export interface ArticleFacts {
  headline: string;
  description: string;
  lang: Lang;
  /** Absolute URLs. */
  url: string;
  image: string;
  published: Date;
  updated?: Date;
  corrections: readonly Correction[];
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function newsArticle(a: ArticleFacts): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline,
    description: a.description,
    inLanguage: htmlLang(a.lang),
    url: a.url,
    mainEntityOfPage: a.url,
    image: a.image,
    datePublished: isoDay(a.published),
    dateModified: isoDay(a.updated ?? a.published),
    publisher: { '@type': 'Organization', name: t(a.lang, 'siteName') },
    // Only what was wrong is a schema.org correction; an update shows in dateModified.
    ...(a.corrections.some((c) => c.kind === 'correction') && {
      correction: a.corrections
        .filter((c) => c.kind === 'correction')
        .map((c) => ({ '@type': 'CorrectionComment', text: c.text[a.lang], datePublished: c.date })),
    }),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped, so no text in it can close the script element. */
export const jsonLd = (data: unknown) => JSON.stringify(data).replace(/</g, '\\u003c');
