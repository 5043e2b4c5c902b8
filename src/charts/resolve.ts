/**
 * A chart spec checked against its dataset version: every value it names is
 * looked up, and every way the spec can be wrong stops the build with the
 * spec's file and field — unknown dataset or version, row, field, a cell
 * that is not a figure, units that cannot share one scale, ambiguous labels.
 */
import type { DatasetIndex, LoadedDataset } from '#/data/datasets.ts';
import { missingVersionError, versionKey } from '#/data/datasets.ts';
import { DataError } from '#/authoring/errors.ts';
import { formatDate } from '#/i18n/format.ts';
import { isProblem, lookupField, lookupFigure } from '#/data/lookup.ts';
import type { Bilingual, ChartSpec, ChartValueRef, Claimant, Field, Figure, Row, Source } from '#/data/schemas.ts';
import { programmeClaimants } from '#/data/claimants.ts';
import { QUALIFIERS } from '#/data/qualifiers.ts';

/**
 * A label beginning with a qualifier its value prints before the number reads twice:
 * "累计帮助就近就业：累计4000余人". The value keeps its qualifier (it belongs to the number), so the
 * label gives it up.
 */
export function repeatedQualifier(label: Bilingual, figure: Figure): { lang: 'zh' | 'en'; word: string } | undefined {
  for (const q of figure.qualifiers) {
    const spec = QUALIFIERS[q];
    if (spec.position !== 'before') continue;
    // One-character words (近, 共, 超, 达) also begin ordinary labels (近五年平均 is "the last five years").
    if (q.length > 1 && label.zh.startsWith(q)) return { lang: 'zh', word: q };
    if (spec.en && label.en.toLowerCase().startsWith(spec.en)) return { lang: 'en', word: spec.en };
  }
}

/** One figure as a chart draws it. */
export interface ChartValue {
  ref: ChartValueRef;
  /** Where the spec names it, e.g. `items[1]`, for messages. */
  path: string;
  label: Bilingual;
  figure: Figure;
  field: Field;
  row: Row;
  source: Source;
  /** Who makes the claim, when the figure names a claimant. */
  claimant?: Claimant;
  /** The date the figure describes: its `asOf`, else its article's date. */
  date: string;
}

export interface SlopeSeries {
  label: Bilingual;
  points: ChartValue[];
}

type Forms =
  | { type: 'bar'; items: ChartValue[] }
  | { type: 'comparison'; before: ChartValue; after: ChartValue; change?: ChartValue }
  /** Only the rise is published: `after` is a figure in 倍 above a base that has no number. */
  | { type: 'rise'; base: Bilingual; after: ChartValue }
  | { type: 'slope'; series: SlopeSeries[] }
  | { type: 'part-of-whole'; part: ChartValue; whole?: ChartValue }
  | { type: 'number-card'; items: ChartValue[] };

export type ResolvedChart = Forms & {
  id: string;
  /** The spec file, for messages. */
  file: string;
  spec: ChartSpec;
  dataset: LoadedDataset;
  /** "gongyi-baobei@1.0.0" */
  datasetKey: string;
  /** Every value in the order the spec names them: the data table's rows. */
  values: ChartValue[];
  /** The articles the values come from, each once, in order of first use. */
  sources: Source[];
  /** Claimants that are the programme itself, among the values' claimants: the chart says their figures are supplied by them. */
  suppliedBy: Claimant[];
};

type LabelFallback = (row: Row, field: Field, date: string) => Bilingual | undefined;

const sameUnit = (a: Field, b: Field) => a.format === b.format && a.unit?.zh === b.unit?.zh && a.unit?.en === b.unit?.en;
const unitName = (f: Field) => (f.format === 'cheng' ? '成 (tenths)' : `"${f.unit?.zh ?? ''}" / "${f.unit?.en ?? ''}"`);

/** Check a parsed spec against the datasets. `file` is the spec's path, for messages. */
export function resolveChart(spec: ChartSpec, file: string, datasets: DatasetIndex, claimants: ReadonlyMap<string, Claimant> = new Map()): ResolvedChart {
  function fail(field: string, message: string): never {
    throw new DataError(file, `field "${field}": ${message}`);
  }
  const ds = datasets.get(spec.dataset, spec.version);
  if (!ds) throw missingVersionError(datasets, spec.dataset, spec.version, file, datasets.versions(spec.dataset).length ? 'version' : 'dataset');

  let labelField: Field | undefined;
  if (spec.labelField !== undefined) {
    const found = lookupField(ds, spec.labelField);
    if (isProblem(found)) fail('labelField', found.problem);
    labelField = found;
    if (labelField.type !== 'text' && labelField.type !== 'date')
      fail('labelField', `"${spec.labelField}" is a ${labelField.type} field; labels come from a text or date field`);
  }

  /** A value's label when the spec gives none: the row's `labelField` cell, else the field's label. */
  const defaultLabel: LabelFallback = (row, field) => (labelField ? rowLabel(row, labelField) : field.label);

  const value = (ref: ChartValueRef, path: string, unlabelled: LabelFallback = defaultLabel): ChartValue => {
    const found = lookupFigure(ds, ref.row, ref.field);
    if (isProblem(found)) fail(`${path}.${found.on}`, found.problem);
    const { row, field, figure, source } = found;
    const date = figure.asOf ?? source.date;
    let label = ref.label;
    if (!label) {
      label = unlabelled(row, field, date);
      if (!label) fail(`${path}.label`, `row "${row.id}" has no "${labelField!.key}" to label it with; give a label { "zh": …, "en": … }`);
    }
    const repeated = repeatedQualifier(label, figure);
    if (repeated)
      fail(
        `${path}.label.${repeated.lang}`,
        `"${label[repeated.lang]}" repeats "${repeated.word}", which the value already prints next to its number: drop it from the label`,
      );
    const claimant = figure.claimant ? claimants.get(figure.claimant) : undefined;
    return { ref, path, label, figure, field, row, source, claimant, date };
  };

  function rowLabel(row: Row, labelField: Field): Bilingual | undefined {
    const cell = row[labelField.key];
    if (typeof cell === 'string') return labelField.type === 'date' ? { zh: formatDate(cell, 'zh'), en: formatDate(cell, 'en') } : { zh: cell, en: cell };
    if (cell && typeof cell === 'object' && 'zh' in cell) return cell;
    return undefined;
  }

  const sameUnits = (values: ChartValue[], what: string) => {
    const odd = values.find((v) => !sameUnit(v.field, values[0].field));
    if (odd)
      fail(
        `${odd.path}.field`,
        `${what} share one scale, so they need one unit: "${odd.ref.field}" is in ${unitName(odd.field)} but "${values[0].ref.field}" is in ${unitName(values[0].field)}`,
      );
  };
  const distinctLabels = (values: { label: Bilingual; path: string }[], what: string) => {
    values.forEach((v, i) => {
      const twin = values.slice(0, i).find((w) => w.label.zh === v.label.zh || w.label.en === v.label.en);
      if (twin)
        fail(
          `${v.path}.label`,
          `${what} would both be labelled "${v.label.zh === twin.label.zh ? v.label.zh : v.label.en}" (like ${twin.path}); give each a distinct label`,
        );
    });
  };
  const nonNegative = (values: ChartValue[]) => {
    const neg = values.find((v) => v.figure.value < 0);
    if (neg) fail(`${neg.path}.field`, `${neg.figure.value} is negative; bars and slopes here start at zero`);
  };

  let form: Forms;
  switch (spec.type) {
    case 'bar': {
      const items = spec.items.map((r, i) => value(r, `items[${i}]`));
      sameUnits(items, 'the bars');
      distinctLabels(items, 'two bars');
      nonNegative(items);
      form = { type: 'bar', items };
      break;
    }
    case 'comparison': {
      if (!('row' in spec.before)) {
        const after = value(spec.after, 'after');
        if (after.field.unit?.zh !== '倍')
          fail('before', `has no figure, so "after" must state a rise in 倍 (times higher); "${after.ref.field}" is in ${unitName(after.field)}`);
        if (spec.change) fail('change', 'a comparison with no "before" figure draws the rise from "after"; leave "change" out');
        nonNegative([after]);
        form = { type: 'rise', base: spec.before.label, after };
        break;
      }
      const before = value(spec.before, 'before');
      const after = value(spec.after, 'after');
      sameUnits([before, after], '"before" and "after"');
      distinctLabels([before, after], '"before" and "after"');
      nonNegative([before, after]);
      // The change is a statement about both rows: it is labelled by its field (增长), not by a row.
      form = { type: 'comparison', before, after, change: spec.change && value(spec.change, 'change', (_r, field) => field.label) };
      break;
    }
    case 'slope': {
      const series = spec.series.map((s, i): SlopeSeries => {
        // A point is labelled with its date unless the spec says otherwise.
        const points = s.points.map((r, j) =>
          value(r, `series[${i}].points[${j}]`, (row, _f, date) =>
            labelField ? rowLabel(row, labelField) : { zh: formatDate(date, 'zh'), en: formatDate(date, 'en') },
          ),
        );
        sameUnits(points, `the points of series[${i}]`);
        nonNegative(points);
        points.forEach((p, j) => {
          const twin = points.slice(0, j).find((q) => q.date === p.date);
          if (twin) fail(`${p.path}`, `has the same date (${p.date}) as ${twin.path}; a slope needs one value per date (set the figure's "asOf")`);
        });
        return { label: s.label ?? points[0].field.label, points };
      });
      distinctLabels(
        series.map((s, i) => ({ label: s.label, path: `series[${i}]` })),
        'two series',
      );
      form = { type: 'slope', series };
      break;
    }
    case 'part-of-whole': {
      const part = value(spec.part, 'part');
      const isShare = part.field.format === 'cheng' || part.field.unit?.zh === '%';
      if (!isShare) fail('part.field', `"${part.ref.field}" is in ${unitName(part.field)}; a part-of-whole chart needs a share (unit "%" or format "cheng")`);
      if (part.figure.value < 0 || part.figure.value > 100) fail('part.field', `a share must be between 0 and 100, not ${part.figure.value}`);
      form = { type: 'part-of-whole', part, whole: spec.whole && value(spec.whole, 'whole') };
      break;
    }
    case 'number-card': {
      const items = spec.items.map((r, i) => value(r, `items[${i}]`));
      form = { type: 'number-card', items };
      break;
    }
  }

  const values = chartValues(form);
  const sources = [...new Map(values.map((v) => [v.source.id, v.source])).values()];
  const suppliedBy = programmeClaimants(
    values.map((v) => v.figure),
    claimants,
  );
  return { ...form, id: spec.id, file, spec, dataset: ds, datasetKey: versionKey(ds.data.id, ds.data.version), values, sources, suppliedBy };
}

function chartValues(form: Forms): ChartValue[] {
  switch (form.type) {
    case 'bar':
    case 'number-card':
      return form.items;
    case 'comparison':
      return [form.before, form.after, ...(form.change ? [form.change] : [])];
    case 'rise':
      return [form.after];
    case 'slope':
      return form.series.flatMap((s) => s.points);
    case 'part-of-whole':
      return [form.part, ...(form.whole ? [form.whole] : [])];
  }
}
