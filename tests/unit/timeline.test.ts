/** The programme timeline (src/data/timeline.ts) on the real data/timeline.json, and on broken copies of it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAllDatasets } from '#/data/datasets.ts';
import { getSources } from '#/data/site-data.ts';
import { resolveTimeline, storiesOfEvent, TIMELINE_FILE } from '#/data/timeline.ts';
import { errorOf } from '../helpers/errors.ts';

const datasets = loadAllDatasets(process.cwd());
const sources = getSources();
const raw = JSON.parse(readFileSync(TIMELINE_FILE, 'utf8'));
const copy = () => structuredClone(raw);

describe('the timeline', () => {
  const events = resolveTimeline(raw, datasets, sources);

  it("has the programme's events, in date order, each with a source", () => {
    // The dates the brief names: the 2021 and 2022 plans (and the 2021 fund report), the 2023 reports, the field study and its article.
    const dates = new Set(events.map((e) => e.date));
    for (const d of ['2021-05-17', '2022-07-25', '2023-02-22', '2023-02-23', '2023-06-27', '2023-09-22']) expect(dates).toContain(d);
    expect(events.map((e) => e.date)).toEqual(events.map((e) => e.date).toSorted());
    for (const e of events) expect(e.sources.length).toBeGreaterThan(0);
  });

  it("takes each plan's number of measures from the dataset it pins", () => {
    for (const e of events.filter((x) => x.id.startsWith('retu-plan-'))) {
      const measures = e.figures.find((f) => f.field.key === 'measures');
      expect(measures, e.id).toBeDefined();
      const row = measures!.dataset.data.rows.find((r) => r.id === measures!.ref.row)!;
      expect(measures!.figure).toBe(row.measures);
      expect(measures!.figure.quote).toContain(String(measures!.figure.value));
    }
  });

  it('links an event to the stories that cite one of its rows, and only those', () => {
    const [first, second] = events.filter((e) => e.figures.length > 0);
    const f = first.figures[0].ref;
    const stories = [
      { id: 'cites-first', refs: [f] },
      { id: 'cites-nothing', refs: [] },
      { id: 'cites-second', refs: [second.figures[0].ref] },
    ];
    expect(storiesOfEvent(first, stories).map((s) => s.id)).toContain('cites-first');
    expect(storiesOfEvent(first, stories).map((s) => s.id)).not.toContain('cites-nothing');
    expect(storiesOfEvent(first, stories).map((s) => s.id)).not.toContain('cites-second');
  });
});

describe('broken timelines stop the build, naming the file and field', () => {
  it('a number typed into a headline', () => {
    const t = copy();
    t.events[0].title.en = 'Alibaba launches 14 measures';
    const message = errorOf(() => resolveTimeline(t, datasets, sources));
    expect(message).toContain(TIMELINE_FILE);
    expect(message).toContain('title.en');
    expect(message).toContain('"14"');
  });

  it('a date that is not a date cell', () => {
    const t = copy();
    const withFigure = t.events.findIndex((e: { figures: unknown[] }) => e.figures.length > 0);
    t.events[withFigure].date = t.events[withFigure].figures[0];
    expect(errorOf(() => resolveTimeline(t, datasets, sources))).toMatch(/field "date".*not a full date/);
  });

  it('an unknown source', () => {
    const t = copy();
    t.events[0].sources = ['no-such-article'];
    expect(errorOf(() => resolveTimeline(t, datasets, sources))).toContain('"no-such-article" is not in data/sources.json');
  });

  it("a figure whose article is not among the event's sources", () => {
    const t = copy();
    const i = t.events.findIndex((e: { figures: unknown[] }) => e.figures.length > 0);
    t.events[i].sources = sources
      .map((s) => s.id)
      .filter((id) => !raw.events[i].sources.includes(id))
      .slice(0, 1);
    expect(errorOf(() => resolveTimeline(t, datasets, sources))).toContain("list it in the event's sources");
  });

  it('a dataset the timeline does not pin', () => {
    const t = copy();
    const i = t.events.findIndex((e: { figures: unknown[] }) => e.figures.length > 0);
    delete t.datasets[t.events[i].figures[0].data];
    expect(errorOf(() => resolveTimeline(t, datasets, sources))).toContain('does not pin');
  });

  it('a field the schema does not know', () => {
    const t = copy();
    t.events[0].count = 14;
    expect(errorOf(() => resolveTimeline(t, datasets, sources))).toContain('events[0]');
  });
});
