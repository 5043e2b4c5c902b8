/**
 * The programme timeline: data/timeline.json names, for each event, where its
 * date, its description and its numbers are in the pinned datasets, and which
 * articles report it. Nothing on the timeline is typed by hand except the
 * headlines, and those may print only years.
 *
 * Each event is linked to the stories that cite one of its dataset rows.
 * resolveTimeline is pure: the datasets, sources and stories come in as arguments.
 */
import type { DatasetIndex, LoadedDataset } from './datasets.ts';
import { DataError, describeIssues } from '#/authoring/errors.ts';
import { readJsonFile } from './json-file.ts';
import { isProblem, lookupCell, pinnedDataset } from './lookup.ts';
import { refKey, resolveFigure, type FigureRef, type ResolvedFigure } from '#/stories/binding.ts';
import { timeline as timelineSchema, type Bilingual, type CellRef, type Row, type Source } from './schemas.ts';

export const TIMELINE_FILE = 'data/timeline.json';

export interface TimelineEntry {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  title: Bilingual;
  text?: Bilingual;
  figures: Omit<ResolvedFigure, 'note'>[];
  sources: Source[];
  /** "dataset/row" of every row the event draws on; stories citing one of them are its stories. */
  rows: Set<string>;
}

const rowKey = (data: string, row: string) => `${data}/${row}`;

/** Where the timeline pins its datasets, for messages. */
const PINS_FIELD = 'the timeline\'s "datasets"';

/** The row and cell a reference points to, in the timeline's pinned version, or an error naming what is missing. */
function cell(ref: CellRef, pins: Record<string, string>, datasets: DatasetIndex, where: string): { dataset: LoadedDataset; row: Row; value: unknown; type: string } {
  const dataset = pinnedDataset(ref.data, pins, datasets, { file: TIMELINE_FILE, where, pinsField: PINS_FIELD });
  const found = lookupCell(dataset, ref.row, ref.field);
  if (isProblem(found)) throw new DataError(TIMELINE_FILE, `${where}: ${found.problem}`);
  return { dataset, row: found.row, value: found.row[ref.field], type: found.field.type };
}

/** Validate data/timeline.json (already parsed) against the datasets and sources; events in date order. */
export function resolveTimeline(raw: unknown, datasets: DatasetIndex, sources: Source[]): TimelineEntry[] {
  const parsed = timelineSchema.safeParse(raw);
  if (!parsed.success) throw new DataError(TIMELINE_FILE, describeIssues(parsed.error.issues));
  const { datasets: pins, events } = parsed.data;
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const ids = new Set<string>();

  const entries = events.map((event, i): TimelineEntry => {
    const at = `events[${i}] ("${event.id}")`;
    if (ids.has(event.id)) throw new DataError(TIMELINE_FILE, `${at}: duplicate id`);
    ids.add(event.id);
    const rows = new Set<string>();

    for (const lang of ['zh', 'en'] as const) {
      const numbers = (event.title[lang].match(/\d+/g) ?? []).filter((n) => !/^(19|20)\d\d$/.test(n));
      if (numbers.length) throw new DataError(TIMELINE_FILE, `${at} field "title.${lang}": types ${numbers.map((n) => `"${n}"`).join(', ')}; put numbers in "figures" (a headline may print only years)`);
    }

    let date: string;
    if ('source' in event.date) {
      const source = sourceById.get(event.date.source);
      if (!source) throw new DataError(TIMELINE_FILE, `${at} field "date.source": "${event.date.source}" is not in data/sources.json`);
      date = source.date;
    } else {
      const c = cell(event.date, pins, datasets, `${at} field "date"`);
      if (c.type !== 'date' || typeof c.value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(c.value)) {
        throw new DataError(TIMELINE_FILE, `${at} field "date": ${rowKey(event.date.data, event.date.row)} "${event.date.field}" is not a full date (YYYY-MM-DD) in ${c.dataset.file}`);
      }
      date = c.value;
      rows.add(rowKey(event.date.data, event.date.row));
    }

    let text: Bilingual | undefined;
    if (event.text) {
      const c = cell(event.text, pins, datasets, `${at} field "text"`);
      if (c.type !== 'text' || !c.value) throw new DataError(TIMELINE_FILE, `${at} field "text": "${event.text.field}" of row "${event.text.row}" is not a text cell with words in it`);
      text = c.value as Bilingual;
      rows.add(rowKey(event.text.data, event.text.row));
    }

    const figures = event.figures.map((ref) => {
      rows.add(rowKey(ref.data, ref.row));
      try {
        return resolveFigure(ref, pins, datasets, TIMELINE_FILE, PINS_FIELD);
      } catch (error) {
        if (error instanceof DataError) throw new DataError(TIMELINE_FILE, `${at}: ${error.detail}`);
        throw error;
      }
    });

    const eventSources = event.sources.map((id) => {
      const source = sourceById.get(id);
      if (!source) throw new DataError(TIMELINE_FILE, `${at} field "sources": "${id}" is not in data/sources.json`);
      return source;
    });
    for (const f of figures) {
      if (!event.sources.includes(f.figure.source)) {
        throw new DataError(TIMELINE_FILE, `${at} field "sources": figure ${refKey(f.ref)} comes from "${f.figure.source}"; list it in the event's sources`);
      }
    }
    return { id: event.id, date, title: event.title, text, figures, sources: eventSources, rows };
  });
  return entries.toSorted((a, b) => a.date.localeCompare(b.date));
}

/** The stories (by id) that cite a figure from one of the event's rows, in the given order. */
export function storiesOfEvent<T extends { id: string; refs: FigureRef[] }>(event: TimelineEntry, stories: T[]): T[] {
  return stories.filter((s) => s.refs.some((r) => event.rows.has(rowKey(r.data, r.row))));
}

/** Read data/timeline.json under `root` and resolve it. */
export function loadTimeline(root: string, datasets: DatasetIndex, sources: Source[]): TimelineEntry[] {
  return resolveTimeline(readJsonFile(root, TIMELINE_FILE).value, datasets, sources);
}
