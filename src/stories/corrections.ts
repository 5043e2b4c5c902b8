/**
 * Corrections in the open: a story changed after publication lists each
 * change in its front matter (`corrections`, with `updated` the date of the
 * last change). The story page shows them as a dated notice, its structured
 * data carries them (src/publishing/structured-data.ts) and its feed item says so.
 */
import { formatDate, type Lang } from '#/i18n/format.ts';
import { t } from '#/i18n/words.ts';
import { inParens, punctuation } from '#/i18n/punctuation.ts';
import type { StoryFrontmatter } from '#/data/schemas.ts';
import { DataError } from '#/authoring/errors.ts';

export type Correction = StoryFrontmatter['corrections'][number];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A story's corrections must fall between publication and `updated`, which must be given. */
export function checkCorrections(data: Pick<StoryFrontmatter, 'published' | 'updated' | 'corrections'>, file: string): DataError[] {
  const errors: DataError[] = [];
  const published = isoDay(data.published);
  const updated = data.updated && isoDay(data.updated);
  data.corrections.forEach((c, i) => {
    const field = `field "corrections[${i}].date"`;
    if (c.date < published)
      errors.push(new DataError(file, `${field}: ${c.date} is before the story was published (${published}); a correction comes after publication`));
    if (!updated) errors.push(new DataError(file, `${field}: a corrected story needs "updated: ${c.date}" (the date of its last change) in its front matter`));
    else if (c.date > updated)
      errors.push(new DataError(file, `${field}: ${c.date} is after "updated" (${updated}); set "updated" to the date of the last correction`));
  });
  return errors;
}

/** "更正（2026年11月29日）：…" / "Correction (29 November 2026): …"; "更新 / Update" for an update. */
export function correctionLine(c: Correction, lang: Lang): string {
  return `${t(lang, c.kind)}${inParens(formatDate(c.date, lang), lang)}${punctuation(lang).colon}${c.text[lang]}`;
}

/** The heading over a story's notices: 更正 / Correction(s), 更新 / Update(s), or both. */
export function noticesHeading(notices: readonly Correction[]): 'correction' | 'corrections' | 'update' | 'updates' | 'correctionsAndUpdates' {
  const kinds = new Set(notices.map((c) => c.kind));
  if (kinds.size > 1) return 'correctionsAndUpdates';
  const many = notices.length > 1;
  return kinds.has('update') ? (many ? 'updates' : 'update') : many ? 'corrections' : 'correction';
}

/** Newest first, as readers and feeds want them. */
export const newestFirst = (corrections: readonly Correction[]) => corrections.toSorted((a, b) => b.date.localeCompare(a.date));
