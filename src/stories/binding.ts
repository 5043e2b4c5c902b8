/**
 * Fact binding: what a story cites, checked before anything is rendered.
 *
 * A story names dataset versions in its front matter
 *   datasets: { qinglong: "1.0.0" }
 * and cites figures and charts in its text
 *   <Fig data="qinglong" row="chestnut-drive" field="tonnes_sold" />
 *   <Chart id="qinglong-chestnut-drive" />
 * Every <Fig> must resolve to a figure in a pinned, released version, and
 * every <Chart> to a chart spec that draws the version the story pins (a
 * story never shows two versions of one figure). Notes are numbered in order
 * of first citation; citing the same figure twice reuses its number.
 *
 * findCitations is the one reader of what a story cites: the binding, the
 * translation check, the usage index and the timeline all use it.
 */
import { missingVersionError, type DatasetIndex, type LoadedDataset } from '#/data/datasets.ts';
import { isProblem, lookupFigure, pinnedDataset } from '#/data/lookup.ts';
import { collect, DataError } from '#/authoring/errors.ts';
import { isJsxElement, MdxSyntaxError, parseMdx, stringAttributes, walk } from './mdx.ts';
import type { ResolvedChart } from '#/charts/resolve.ts';
import type { Figure, Field, Row, Source } from '#/data/schemas.ts';

export interface FigureRef {
  data: string;
  row: string;
  field: string;
}

export interface ResolvedFigure {
  ref: FigureRef;
  dataset: LoadedDataset;
  row: Row;
  field: Field;
  figure: Figure;
  source: Source;
  /** 1-based note number on the page. */
  note: number;
}

export const refKey = (r: FigureRef) => `${r.data}/${r.row}/${r.field}`;

/** What a story text cites, in document order: its <Fig> references and its <Chart> ids. */
export interface Citations {
  figures: FigureRef[];
  charts: string[];
}

/**
 * Every <Fig> and <Chart> in a story's MDX, read by the parser that compiles it
 * (src/stories/mdx.ts). A tag without one of its attributes is an error; all are
 * reported together.
 */
export function findCitations(body: string, file: string): Citations {
  let tree;
  try {
    tree = parseMdx(body);
  } catch (error) {
    // A story that is not valid MDX cites nothing readable. It is never published: the content
    // check stops the build, and in dev the MDX compiler's check reports it at its line.
    if (error instanceof MdxSyntaxError) return { figures: [], charts: [] };
    throw error;
  }
  const citations: Citations = { figures: [], charts: [] };
  const errors: DataError[] = [];
  for (const node of walk(tree)) {
    if (!isJsxElement(node)) continue;
    const attrs = stringAttributes(node);
    if (node.name === 'Fig') {
      const missing = (['data', 'row', 'field'] as const).find((key) => !attrs[key]);
      if (missing) errors.push(new DataError(file, `figure ${citations.figures.length + 1} (<Fig …/>) has no ${missing}="…" attribute`));
      citations.figures.push({ data: attrs.data, row: attrs.row, field: attrs.field });
    } else if (node.name === 'Chart') {
      if (!attrs.id) errors.push(new DataError(file, `chart ${citations.charts.length + 1} (<Chart …/>) has no id="…" attribute`));
      citations.charts.push(attrs.id);
    }
  }
  if (errors.length) throw DataError.combine(errors);
  return citations;
}

/** Look up one citation in the story's pinned datasets, or explain precisely what is missing. */
export function resolveFigure(
  ref: FigureRef,
  pins: Record<string, string>,
  datasets: DatasetIndex,
  file: string,
  pinsField = `the front matter's "datasets"`,
): Omit<ResolvedFigure, 'note'> {
  const where = `<Fig data="${ref.data}" row="${ref.row}" field="${ref.field}" />`;
  const dataset = pinnedDataset(ref.data, pins, datasets, { file, where, pinsField });
  const found = lookupFigure(dataset, ref.row, ref.field);
  if (isProblem(found)) throw new DataError(file, `${where}: ${found.problem}`);
  return { ref, dataset, ...found };
}

/** Finds a chart by id, or throws the error naming `file` (src/charts/registry.ts). */
export type ChartLookup = (id: string, file: string) => ResolvedChart;

/** A <Chart> as a story shows it: it must draw the dataset version the story pins. `pins` is empty outside a story. */
export function bindChart(id: string, pins: Record<string, string>, findChart: ChartLookup, file: string): ResolvedChart {
  const chart = findChart(id, file);
  const { id: datasetId, version } = chart.dataset.data;
  const pinned = pins[datasetId];
  if (pinned && pinned !== version) {
    throw new DataError(
      file,
      `<Chart id="${chart.id}" /> draws ${chart.datasetKey}, but the story pins ${datasetId}@${pinned}; change "version" in ${chart.file} or the story's "datasets"`,
    );
  }
  return chart;
}

/**
 * Every figure a story cites, numbered; with `findChart`, its charts are bound
 * too. Throws one error listing every pin, figure and chart that does not resolve.
 */
export function bindStory(
  body: string,
  pins: Record<string, string>,
  datasets: DatasetIndex,
  file: string,
  findChart?: ChartLookup,
): Map<string, ResolvedFigure> {
  const errors: DataError[] = [];
  for (const [id, version] of Object.entries(pins)) {
    if (!datasets.get(id, version)) errors.push(missingVersionError(datasets, id, version, file, `datasets.${id}`));
  }
  const notes = new Map<string, ResolvedFigure>();
  const citations = collect(errors, () => findCitations(body, file));
  for (const ref of citations?.figures ?? []) {
    const key = refKey(ref);
    if (notes.has(key)) continue;
    const figure = collect(errors, () => resolveFigure(ref, pins, datasets, file));
    if (figure) notes.set(key, { ...figure, note: notes.size + 1 });
  }
  if (findChart) for (const id of new Set(citations?.charts)) collect(errors, () => bindChart(id, pins, findChart, file));
  // A pin that does not resolve fails every figure citing it with the same message: say it once.
  if (errors.length) throw DataError.combine([...new Map(errors.map((e) => [e.message, e])).values()]);
  return notes;
}
