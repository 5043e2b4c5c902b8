/**
 * The translation check (src/stories/translations.ts) on the real stories in content/
 * and content/en/, and on copies of them broken in the ways a translator could.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkTranslation, checkTranslations, translationFile, type StoryText } from '#/stories/translations.ts';
import { storyTranslation } from '#/data/schemas.ts';
import { errorOf } from '../helpers/errors.ts';

const ROOT = process.cwd();

function readStory(file: string): StoryText {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no front matter`);
  const data = load(match[1]) as { title: string; summary: string };
  return { file, body: match[2], title: data.title, summary: data.summary };
}

const listStories = (base: string) =>
  ['counties', 'themes'].flatMap((kind) => {
    const dir = path.join(ROOT, base, kind);
    try {
      return readdirSync(dir)
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => `${base}/${kind}/${f}`);
    } catch {
      return [];
    }
  });

const originals = listStories('content').map(readStory);
const translations = listStories('content/en').map(readStory);
const qinglong = originals.find((s) => s.file === 'content/counties/qinglong.mdx')!;
const qinglongEn = translations.find((s) => s.file === 'content/en/counties/qinglong.mdx')!;
const firstFig = (body: string) => /<Fig\b[^>]*\/>/.exec(body)![0];
const frontMatter = (file: string) => load(/^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(ROOT, file), 'utf8'))![1]) as Record<string, unknown>;

/** The number a <Fig …/> tag stands for, from the dataset version the story pins. */
function figureValue(tag: string, storyFile: string): number {
  const attr = (name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)![1];
  const version = (frontMatter(storyFile).datasets as Record<string, string>)[attr('data')];
  const dataset = JSON.parse(readFileSync(path.join(ROOT, `data/datasets/${attr('data')}/${version}.json`), 'utf8'));
  return dataset.rows.find((r: { id: string }) => r.id === attr('row'))[attr('field')].value;
}

describe('translation check on the real stories', () => {
  it('finds the stories', () => {
    expect(originals.length).toBeGreaterThan(0);
    expect(qinglong).toBeDefined();
    expect(qinglongEn).toBeDefined();
  });

  it('passes: every Chinese story has a translation citing the same figures and charts', () => {
    expect(() => checkTranslations(originals, translations)).not.toThrow();
  });

  it.each(translations.map((t) => t.file))('%s has only translated prose in its front matter', (file) => {
    expect(storyTranslation.safeParse(frontMatter(file)).success).toBe(true);
  });
});

describe('translation check on broken copies', () => {
  it('maps a story to its translation file', () => {
    expect(translationFile('content/counties/qinglong.mdx')).toBe('content/en/counties/qinglong.mdx');
    expect(translationFile('/abs/content/themes/envoys.mdx')).toBe('/abs/content/en/themes/envoys.mdx');
  });

  it('fails on a missing translation, naming the file to write', () => {
    const message = errorOf(() =>
      checkTranslations(
        originals,
        translations.filter((t) => t !== qinglongEn),
      ),
    );
    expect(message).toContain('content/en/counties/qinglong.mdx');
    expect(message).toContain('missing');
  });

  it('fails when the translation drops a figure, naming the file and the figure', () => {
    const fig = firstFig(qinglongEn.body);
    const broken = { ...qinglongEn, body: qinglongEn.body.replaceAll(fig, 'some') };
    const errors = checkTranslation(qinglong, broken);
    expect(errors).toHaveLength(1);
    expect(errors[0].file).toBe('content/en/counties/qinglong.mdx');
    expect(errors[0].message).toContain(fig.replace(/\s+/g, ' ').replace(' />', ''));
    expect(errors[0].message).toContain('not in the translation');
  });

  it('fails when the translation cites a figure the original does not', () => {
    const fig = firstFig(qinglongEn.body);
    const other = fig.replace(/field="[^"]*"/, 'field="not_in_the_original"');
    const errors = checkTranslation(qinglong, { ...qinglongEn, body: `${qinglongEn.body}\n${other}` });
    expect(errors.map((e) => e.message).join('\n')).toContain('not_in_the_original');
    expect(errors.map((e) => e.message).join('\n')).toContain('in the translation but not in content/counties/qinglong.mdx');
  });

  it('fails when the charts differ', () => {
    const errors = checkTranslation({ ...qinglong, body: `${qinglong.body}\n<Chart id="some-chart" />` }, qinglongEn);
    expect(errors.map((e) => e.message).join('\n')).toContain('<Chart id="some-chart" />');
  });

  it('fails when a figure is typed into the translation instead of cited', () => {
    // The value of the first figure the story cites, typed as a translator might.
    const fig = firstFig(qinglongEn.body);
    const value = String(figureValue(fig, qinglong.file));
    const errors = checkTranslation(qinglong, { ...qinglongEn, body: qinglongEn.body.replaceAll(fig, value) });
    const message = errors.map((e) => e.message).join('\n');
    expect(message).toContain(`"${value}"`);
    expect(message).toContain('never type it');
  });

  it('fails on a translation without an original', () => {
    const orphan = { ...qinglongEn, file: 'content/en/counties/atlantis.mdx' };
    expect(errorOf(() => checkTranslations(originals, [...translations, orphan]))).toContain('content/en/counties/atlantis.mdx');
  });

  it("rejects a translation front matter that copies the original's data", () => {
    const result = storyTranslation.safeParse({ title: qinglongEn.title, summary: qinglongEn.summary, datasets: { qinglong: '1.0.0' } });
    expect(result.success).toBe(false);
  });
});
