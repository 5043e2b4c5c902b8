/**
 * The bad-input corpus (tests/bad-inputs/corpus.ts), checked without a build:
 * each case with a `unit` check is applied to a copy of data/ and content/,
 * and the check that refuses it in the build is called on that copy. The
 * message must name the same parts the build's message must (file,
 * field or line:column, the value, what to do). The stages only a real
 * build can show run in tests/bad-inputs/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '#/authoring/checks.ts';
import { DataError } from '#/authoring/errors.ts';
import { getChart } from '#/charts/registry.ts';
import { checkAppendOnly, FIRST_RELEASE } from '#/data/append-only.ts';
import { loadAllDatasets } from '#/data/datasets.ts';
import { readCounties } from '#/data/site-data.ts';
import { checkCountiesPresent, getNationalGeometry } from '#/geo/load.ts';
import { checkPublishedUrls, readPublished } from '#/publishing/published-urls.ts';
import { bindChart, bindStory } from '#/stories/binding.ts';
import { isTranslation, listStoryFiles } from '#/stories/prose.ts';
import { checkTranslations, citations, originalFile, type StoryText } from '#/stories/translations.ts';
import { corpus, findTargets, type Check, type Targets } from '../bad-inputs/corpus.ts';
import { messageOf } from '../helpers/errors.ts';
import { copyFolders, PROJECT, Sandbox } from '../helpers/sandbox.ts';
import { pageFile } from '../helpers/site.ts';

interface StoryFile extends StoryText {
  pins: Record<string, string>;
}

/** Every story and translation of `sb`, as the story collection reads them: front matter, body, and the original's pins. */
function readStories(sb: Sandbox): StoryFile[] {
  const files = listStoryFiles(sb.root).map((file) => {
    const [, yaml, ...body] = sb.read(file).split(/^---$/m);
    const front = parseYaml(yaml) as { title: string; summary: string; datasets?: Record<string, string> };
    return { file, body: body.join('---'), title: front.title, summary: front.summary, datasets: front.datasets ?? {} };
  });
  const pinsOf = new Map(files.map((f) => [f.file, f.datasets]));
  return files.map(({ datasets, ...f }) => ({ ...f, pins: (isTranslation(f.file) ? pinsOf.get(originalFile(f.file)) : datasets) ?? {} }));
}

/** The previous build's URLs, as files: a stand-in for dist/ made from the published list before any case changes it. */
let previousBuild: string;

/** Each check as the build runs it, on a copy of the project. */
const checks: Record<Check, (sb: Sandbox) => void> = {
  // src/integration.ts, astro:config:setup: the append-only files, then every content check.
  data: (sb) => {
    const { errors } = checkAppendOnly(sb.root, FIRST_RELEASE);
    if (errors.length) throw DataError.combine(errors);
    checkContent(sb.root);
  },
  // src/stories/collection.ts (checkCitations): every original story's pins and figures.
  citations: (sb) => {
    const datasets = loadAllDatasets(sb.root);
    for (const story of readStories(sb).filter((s) => !isTranslation(s.file))) bindStory(story.body, story.pins, datasets, story.file);
  },
  // src/stories/collection.ts (getTranslations).
  translations: (sb) => {
    const stories = readStories(sb);
    checkTranslations(
      stories.filter((s) => !isTranslation(s.file)),
      stories.filter((s) => isTranslation(s.file)),
    );
  },
  // bindChart (src/stories/binding.ts), in both editions. The charts are the working tree's: no case here edits a spec.
  'story charts': (sb) => {
    for (const story of readStories(sb)) for (const id of citations(story).charts) bindChart(id, story.pins, getChart, story.file);
  },
  // src/pages/geo/national.topo.json.ts: the geometry, then every county in it.
  geometry: (sb) => {
    const geometry = getNationalGeometry(sb.root);
    checkCountiesPresent(geometry.layers.counties, readCounties(sb.root), geometry.file);
  },
  // src/publishing/published-urls.ts, after the build.
  'published URLs': (sb) => {
    checkPublishedUrls(sb.root, previousBuild);
  },
};

let template: Sandbox;
let targets: Targets;

beforeAll(() => {
  template = copyFolders(['data', 'content']);
  targets = findTargets(template);
  previousBuild = template.path('.previous-build');
  for (const url of readPublished(template.root)) {
    const file = pageFile(previousBuild, url);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '');
  }
});
afterAll(() => template?.dispose());

describe('the content as it is', () => {
  it.each(Object.keys(checks) as Check[])('passes the %s check', (check) => {
    expect(messageOf(() => checks[check](template))).toBe('');
  });
});

describe('each bad input is refused by its check, with a message naming the file and the field', () => {
  it('every case runs somewhere: as a unit test, a build, or both', () => {
    expect(corpus.filter((c) => !c.unit && !c.endToEnd).map((c) => c.name)).toEqual([]);
  });

  for (const c of corpus.filter((c) => c.unit)) {
    it(`${c.name} (${c.unit})`, ({ skip }) => {
      const waiting = c.pending?.(new Sandbox(PROJECT));
      if (waiting) skip(`waits: ${waiting}`);
      const sb = template.copy();
      try {
        const expected = c.apply(sb, targets);
        const message = messageOf(() => checks[c.unit!](sb));
        expect(message, 'the check must refuse it').not.toBe('');
        const missing = [expected.file, ...expected.says].filter((s) => (typeof s === 'string' ? !message.includes(s) : !s.test(message)));
        expect(missing, `the message must name these. It was:\n${message}`).toEqual([]);
      } finally {
        sb.dispose();
      }
    });
  }
});
