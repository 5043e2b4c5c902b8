/**
 * What an author sees in the dev server's overlay and at the end of a failed
 * build: the place in their own file (src/authoring/location.ts), a plain word
 * for a "<" in prose (src/stories/less-than.ts), and one "[ERROR]" line per problem
 * (scripts/build-report.ts).
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locate, parseFieldPath } from '#/authoring/location.ts';
import { DataError } from '#/authoring/errors.ts';
import { strayLessThan, strayLessThanError } from '#/stories/less-than.ts';
import { errorSection, problemLines, successSummary } from '../../../scripts/build-report.ts';

const root = mkdtempSync(path.join(tmpdir(), 'author-location-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const put = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

const DATASET = 'data/datasets/sample/1.0.0.json';
put(DATASET, '{\n  "id": "sample",\n  "rows": [\n    { "id": "a" },\n    {\n      "id": "b",\n      "sales": { "value": 3 }\n    }\n  ]\n}\n');
const STORY = 'content/counties/sample.mdx';
put(
  STORY,
  '---\ntitle: 样例\ndatasets:\n  sample: "1.0.0"\n---\n\n正文<Fig data="sample" row="a" field="x" />，又<Fig data="sample" row="b" field="sales" />。\n',
);

describe("where an error points in the author's file", () => {
  it('reads a field path as an author writes it', () => {
    expect(parseFieldPath('rows[1].sales.value')).toEqual(['rows', 1, 'sales', 'value']);
  });

  it('finds a JSON path, and the nearest existing parent of a missing key', () => {
    expect(locate(root, DATASET, 'field "rows[1].sales.value": too big')).toMatchObject({ file: path.join(root, DATASET), line: 7, column: 18 });
    expect(locate(root, DATASET, 'field "rows[1].sales.quote": Required')).toMatchObject({ line: 7, column: 7 });
  });

  it('finds a JSON syntax error by its position', () => {
    expect(locate(root, DATASET, 'is not valid JSON: Unexpected token in JSON at position 13')).toMatchObject({ line: 2, column: 12 });
  });

  it('finds the <Fig> a story error quotes, and a front-matter field', () => {
    expect(locate(root, STORY, '<Fig data="sample" row="b" field="sales" />: no such thing')).toMatchObject({ line: 7, column: 44 });
    expect(locate(root, STORY, 'field "datasets.sample": sample has no version 1.0.0')).toMatchObject({ line: 4, column: 3 });
  });

  it('falls back to the start of the file, never to the code that threw', () => {
    expect(locate(root, STORY, 'something without a place')).toMatchObject({ file: path.join(root, STORY), line: 1, column: 1 });
    expect(locate(root, 'content/nowhere.mdx', 'x')).toBeUndefined();
  });

  it("is what a DataError reports as its loc, for combined errors the first problem's", () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const one = new DataError(STORY, '<Fig data="sample" row="b" field="sales" />: no such thing');
      const two = DataError.combine([one, new DataError(DATASET, 'field "rows[0].id": bad')]);
      expect(one.loc).toMatchObject({ line: 7 });
      expect(two.loc).toMatchObject({ file: path.join(root, STORY), line: 7 });
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('a "<" in prose', () => {
  it('is found in text, not in tags, code or front matter', () => {
    const text = '---\nnote: "a < b"\n---\n\n不到 <5% 的村子 <Fig data="a" row="b" field="c" /> `x < y`\n\n```\n1 < 2\n```\n<sup>1</sup>\n';
    expect(strayLessThan(text).map((o) => text.slice(o, o + 2))).toEqual(['<5']);
  });

  it('gets a plain explanation with line and column, and what to write instead', () => {
    const error = strayLessThanError('---\ntitle: x\n---\n\n增幅 <5% 的村子。\n', STORY, root);
    expect(error?.message).toBe(
      `${STORY}: line 5, column 4: a "<" in the text starts a tag in MDX ("增幅 <5% 的村子。"). To show the sign, write &lt; instead (e.g. "&lt;5%"), or rephrase ("不到5%", "less than 5%").`,
    );
    expect(error?.loc).toEqual({ file: path.join(root, STORY), line: 5, column: 4 });
    expect(strayLessThanError('正文 &lt;5%。', STORY, root)).toBeUndefined();
  });
});

describe("the build's report", () => {
  it("ends a failed build with one [ERROR] line per problem, the author's file first", () => {
    const log = [
      '12:00:00 [ERROR] [county-stories:data-checks] An unhandled error occurred while running the "astro:config:setup" hook',
      '2 problems in the data:',
      '  - data/datasets/a/1.0.0.json: field "rows[0].x": Required',
      '  - content/charts/b.json: field "type": "pie" is not a chart type',
      '  Stack trace:',
      '    at checkLock (file:///src/datasets.ts:1:1)',
    ].join('\n');
    expect(problemLines(log)).toEqual([
      '[ERROR] data/datasets/a/1.0.0.json: field "rows[0].x": Required',
      '[ERROR] content/charts/b.json: field "type": "pie" is not a chart type',
    ]);
    expect(problemLines('12:00:00 [ERROR] [vite] something in the code broke')).toEqual(['[ERROR] [vite] something in the code broke']);
  });

  it("shows Astro's error from where it starts, without the code's stack trace", () => {
    const log =
      '12:00:00 [build] Building static entrypoints...\n generating static routes \ncontent/counties/a.mdx: <Fig data="a" row="b" field="c" />: no row "b"\n  Location:\n    /x/content/counties/a.mdx:3:1\n  Stack trace:\n    at bindStory (file:///src/references.ts:1:1)\n';
    expect(errorSection(log)).toEqual([
      'content/counties/a.mdx: <Fig data="a" row="b" field="c" />: no row "b"',
      '  Location:',
      '    /x/content/counties/a.mdx:3:1',
      '',
    ]);
  });

  it("summarises a clean build from Astro's log", () => {
    const log =
      '12:00:00 [county-stories:data-checks] 10 dataset versions, 9 counties checked\n12:00:09 [build] 132 page(s) built in 9.55s\n12:00:09 [WARN] [router] something odd\n';
    expect(successSummary(log)).toEqual({
      checked: '10 dataset versions, 9 counties',
      pages: '132 pages built in 9.55 s',
      rendered: 0,
      copied: 0,
      images: 0,
      warnings: ['[WARN] [router] something odd'],
    });
  });

  it('reads the build time Astro writes from a minute on ("1m 12s")', () => {
    expect(successSummary('12:01:09 [build] 4514 page(s) built in 1m 12s\n').pages).toBe('4514 pages built in 1m 12 s');
  });

  it('counts the files an incremental build copied from the last one instead of rendering', () => {
    // Astro's lines, as its logger writes them: the path, then "(restored)" or "(cached)" for a copied file, or the time taken.
    const log = [
      '12:00:01   ├─ /counties/a/index.html (restored)',
      '12:00:01   ├─ /counties/b/index.html (+12ms)',
      '12:00:01   ├─ /downloads/maps/a.png (cached)',
      '12:00:02 [build] 3 page(s) built in 1.20s',
    ].join('\n');
    expect(successSummary(log).copied).toBe(2);
    expect(successSummary(log).rendered).toBe(1);
  });

  it('counts the PNGs the build wrote, rendered or copied, from the same lines', () => {
    const log = [
      '12:00:01   ├─ /counties/a/index.html (restored)',
      '12:00:01   ├─ /downloads/maps/a.png (cached)',
      '12:00:01   ├─ /downloads/maps/a.en.png (+41ms)',
      '12:00:01   └─ /og/counties/a.png (restored)',
      '12:00:02 [WARN] /downloads/maps/b.png (something odd)',
    ].join('\n');
    expect(successSummary(log).images).toBe(3);
  });
});
