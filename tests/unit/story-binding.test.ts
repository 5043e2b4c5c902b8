/**
 * The story binding runs in checkContent (src/authoring/checks.ts), before any
 * page renders: every <Fig> and <Chart> of every story and translation resolves
 * against the versions the story pins, and a <Chart> must draw the pinned
 * version (the rule that used to live only in src/components/Chart.astro).
 * The front matter rules and the translation check run there too
 * (src/stories/story-checks.ts). Run on a copy of the real data, charts and
 * stories, with one mistake each.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '#/authoring/checks.ts';
import { errorOf } from '../helpers/errors.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const root = mkdtempSync(path.join(tmpdir(), 'story-binding-'));
for (const dir of ['data', 'content']) cpSync(path.join(ROOT, dir), path.join(root, dir), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const STORY = 'content/counties/lingshan.mdx';
const TRANSLATION = 'content/en/counties/lingshan.mdx';
const CHART = 'content/charts/lingshan-households.json';

/** checkContent's message with `edits` applied to the copy (each file restored afterwards). */
function messageWith(edits: Record<string, (text: string) => string>): string {
  const originals = Object.keys(edits).map((file) => [file, readFileSync(path.join(root, file), 'utf8')] as const);
  for (const [file, text] of originals) writeFileSync(path.join(root, file), edits[file](text));
  try {
    return errorOf(() => checkContent(root));
  } finally {
    for (const [file, text] of originals) writeFileSync(path.join(root, file), text);
  }
}

describe('stories are bound before any page renders', () => {
  it('the copy passes as it is', () => {
    expect(() => checkContent(root)).not.toThrow();
  });

  it('a <Chart> drawing another version than the story pins, in the story and its translation', () => {
    expect(readFileSync(path.join(root, STORY), 'utf8')).toContain('lingshan: "1.1.0"');
    const message = messageWith({ [CHART]: (t) => t.replace('"version": "1.1.0"', '"version": "1.0.0"') });
    for (const file of [STORY, TRANSLATION]) {
      expect(message).toContain(
        `${file}: <Chart id="lingshan-households" /> draws lingshan@1.0.0, but the story pins lingshan@1.1.0; change "version" in ${CHART} or the story's "datasets"`,
      );
    }
  });

  it('a <Chart> whose spec does not exist, with the nearest id', () => {
    const message = messageWith({ [STORY]: (t) => t.replace('<Chart id="lingshan-households" />', '<Chart id="lingshan-houshold" />') });
    expect(message).toContain(
      `${STORY}: <Chart id="lingshan-houshold" />: there is no content/charts/lingshan-houshold.json (did you mean "lingshan-households"?)`,
    );
  });

  it('every citation that does not resolve, all at once', () => {
    const message = messageWith({
      [STORY]: (t) =>
        t
          .replace('row="future-orchard" field="households_covered"', 'row="future-orchad" field="households_covered"')
          .replace('field="income_yuan"', 'field="income"'),
    });
    expect(message).toContain(
      `${STORY}: <Fig data="lingshan" row="future-orchad" field="households_covered" />: data/datasets/lingshan/1.1.0.json has no row "future-orchad" (did you mean "future-orchard"?)`,
    );
    expect(message).toContain(`${STORY}: <Fig data="lingshan" row="future-orchard" field="income" />: data/datasets/lingshan/1.1.0.json has no field "income"`);
  });
});

describe('front matter and translations are checked before any page renders', () => {
  it('a county story whose code is not in data/counties.json', () => {
    const message = messageWith({ [STORY]: (t) => t.replace(/^county: .*$/m, 'county: "130322"') });
    expect(message).toContain(`${STORY}: field "county": 130322 is not in data/counties.json`);
  });

  it('a story in the wrong folder for its kind', () => {
    const message = messageWith({ [STORY]: (t) => t.replace(/^kind: county$/m, 'kind: theme') });
    expect(message).toContain(`${STORY}: field "kind" is "theme" but the story is in content/counties/`);
  });

  it('a translation that leaves out a chart', () => {
    const message = messageWith({ [TRANSLATION]: (t) => t.replace('<Chart id="lingshan-results" />', '') });
    expect(message).toContain(`${TRANSLATION}: chart <Chart id="lingshan-results" /> is cited in ${STORY} but not in the translation`);
  });
});
