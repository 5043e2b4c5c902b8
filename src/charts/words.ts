/**
 * What a chart says in words: each value as the source puts it (qualifiers
 * kept, plans marked), its unit, its source line and the accessible summary.
 */
import { formatDate, formatFigure, type Lang } from '#/i18n/format.ts';
import { t } from '#/i18n/words.ts';
import { inParens, joinSentences, punctuation, quotedTitle } from '#/i18n/punctuation.ts';
import type { Qualifier } from '#/data/qualifiers.ts';
import type { Field, Source } from '#/data/schemas.ts';
import type { ChartValue, ResolvedChart } from './resolve.ts';
import { attribution, suppliedByLine } from '#/data/claimants.ts';

/** "超200个", "4000余人", "3000元以上（预期）": the value as the source states it. */
export function valueText(v: ChartValue, lang: Lang): string {
  const status =
    v.figure.status === 'target' ? inParens(t(lang, 'statusTarget'), lang) : v.figure.status === 'expected' ? inParens(t(lang, 'statusExpected'), lang) : '';
  return formatFigure(v.figure, v.field, lang) + status;
}

/** A value as a chart prints it: a rise stated in 倍 reads "高出1倍". */
export function shownText(chart: ResolvedChart, v: ChartValue, lang: Lang): string {
  return chart.type === 'rise' ? t(lang, 'chartHigherBy', { value: valueText(v, lang) }) : valueText(v, lang);
}

/** The unit a field counts in, for captions: "家", "%", "tonnes"; empty for a bare count. */
export function unitText(field: Field, lang: Lang): string {
  if (field.format === 'cheng') return t(lang, 'chengUnit');
  return field.unit?.[lang] ?? '';
}

/**
 * What the numbers on a scale count: "板栗销量（吨）", "Chestnuts sold (tonnes)";
 * "单位：户" when the bars are different fields in one unit.
 */
export function scaleCaption(fields: Field[], lang: Lang): string {
  const [field] = fields;
  const unit = unitText(field, lang);
  if (fields.some((f) => f.key !== field.key)) return unit ? `${t(lang, 'unit')}${punctuation(lang).colon}${unit}` : '';
  if (!unit) return field.label[lang];
  return `${field.label[lang]}${inParens(unit, lang)}`;
}

/**
 * Which side of the drawn value the true value lies, by the source's words:
 * 超过六成 is at least 60 (lower bound), 近1000 is just under 1000.
 */
export type Bound = 'exact' | 'lower' | 'upper' | 'approx';
const LOWER: readonly Qualifier[] = ['超过', '超', '过', '逾', '突破', '余', '多', '以上'];
const UPPER: readonly Qualifier[] = ['近'];
const APPROX: readonly Qualifier[] = ['约'];
export function bound(qualifiers: readonly Qualifier[]): Bound {
  if (qualifiers.some((q) => LOWER.includes(q))) return 'lower';
  if (qualifiers.some((q) => UPPER.includes(q))) return 'upper';
  if (qualifiers.some((q) => APPROX.includes(q))) return 'approx';
  return 'exact';
}

/** 皮磊《标题》，2022年7月25日 / 皮磊, “标题”, 25 July 2022 */
export function sourceText(s: Source, lang: Lang): string {
  const date = formatDate(s.date, lang);
  const { authorTitle, comma } = punctuation(lang);
  return `${s.byline ? `${s.byline}${authorTitle}` : ''}${quotedTitle(s.title, lang)}${comma}${date}`;
}

/**
 * "来源：…；… 数据：qinglong@1.0.0" as separate lines' worth of text, and, when
 * the programme itself supplied figures, "数据由阿里巴巴提供": drawn into the
 * chart, so the SVG, the PNG and every embed carry it.
 */
export function sourceLines(chart: ResolvedChart, lang: Lang): string[] {
  const { colon, semicolon, fullStop } = punctuation(lang);
  const supplied = chart.suppliedBy.map((c) => suppliedByLine(c, lang) + fullStop);
  return [
    `${t(lang, 'chartSource')}${colon}${chart.sources.map((s) => sourceText(s, lang)).join(semicolon)}`,
    ...supplied,
    `${t(lang, 'data')}${colon}${chart.datasetKey}`,
  ];
}

const endsSentence = (s: string) => /[。！？.!?]$/.test(s);
const sentence = (s: string, lang: Lang) => (endsSentence(s) ? s : s + punctuation(lang).fullStop);

/** The accessible description: the subtitle, then every value with its label, in words a screen reader can say. */
export function describe(chart: ResolvedChart, lang: Lang): string {
  const { colon, comma, semicolon } = punctuation(lang);
  const valueLine = (v: ChartValue) => `${v.label[lang]}${colon}${shownText(chart, v, lang)}`;
  let values: string;
  if (chart.type === 'slope') {
    values = chart.series.map((s) => `${s.label[lang]}${comma}${s.points.map(valueLine).join(comma)}`).join(semicolon);
  } else {
    values = chart.values.map(valueLine).join(semicolon);
  }
  return joinSentences([sentence(chart.spec.subtitle[lang], lang), sentence(values, lang)], lang);
}

export interface TableRow {
  label: string;
  value: string;
  /** Who makes the claim ("阿里巴巴称"), when the figure names a claimant. */
  claimant?: string;
  /** The article's words, and which article. */
  quote: string;
  source: string;
}

/** The data table beside a chart: one row per figure drawn, with its exact quote and source. */
export function tableRows(chart: ResolvedChart, lang: Lang): TableRow[] {
  const row = (v: ChartValue, label: string): TableRow => ({
    label,
    value: shownText(chart, v, lang),
    claimant: v.claimant && attribution(v.claimant, lang, { start: true }),
    quote: v.figure.quote,
    source: sourceText(v.source, lang),
  });
  if (chart.type === 'slope') return chart.series.flatMap((s) => s.points.map((p) => row(p, `${s.label[lang]}${punctuation(lang).comma}${p.label[lang]}`)));
  return chart.values.map((v) => row(v, v.label[lang]));
}
