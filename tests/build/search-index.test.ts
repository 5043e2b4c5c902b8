/**
 * The search index is built from the story pages without their charts' SVG
 * (src/publishing/search.ts, withoutSvg): half the bytes for Pagefind to
 * parse. That must not change the index: Pagefind indexes no SVG text. Built
 * here both ways from the built site's story pages, file for file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { withoutSvg } from '#/publishing/search.ts';
import { isStory, listPages, pageFile, siteDir } from '../helpers/site.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Pagefind's files for `pages`, each page's HTML passed through `prepare`: path → bytes. */
async function indexOf(pages: { sourcePath: string; content: string }[], prepare: (html: string) => string, name: string) {
  const out = path.join(temp, name);
  try {
    const { index } = await pagefind.createIndex({});
    for (const page of pages) expect((await index!.addHTMLFile({ ...page, content: prepare(page.content) })).errors).toEqual([]);
    expect((await index!.writeFiles({ outputPath: out })).errors).toEqual([]);
  } finally {
    await pagefind.close();
  }
  return new Map(
    readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.relative(out, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name))] as const),
  );
}

describe('withoutSvg', () => {
  it('takes out each outermost <svg> with what it holds, nested ones included, and keeps the rest', () => {
    const html = '<p>a</p><svg class="chart"><text>1</text><svg class="ch"><text>2</text></svg><text>3</text></svg><p>b</p><svg><g/></svg>';
    expect(withoutSvg(html)).toBe('<p>a</p><p>b</p>');
  });

  it('leaves the search index of the built stories byte for byte the same', async () => {
    const dir = siteDir();
    const stories = listPages(dir).filter(isStory);
    expect(stories.length).toBeGreaterThan(10);
    const pages = stories.map((p) => ({ sourcePath: path.relative(dir, pageFile(dir, p)), content: readFileSync(pageFile(dir, p), 'utf8') }));
    // The stories do draw charts: there is SVG to take out.
    const svgBytes = pages.reduce((sum, p) => sum + p.content.length - withoutSvg(p.content).length, 0);
    expect(svgBytes).toBeGreaterThan(100_000);
    const whole = await indexOf(pages, (html) => html, 'whole');
    const stripped = await indexOf(pages, withoutSvg, 'without-svg');
    expect([...stripped.keys()].sort()).toEqual([...whole.keys()].sort());
    const differing = [...whole].filter(([file, bytes]) => !stripped.get(file)!.equals(bytes)).map(([file]) => file);
    expect(differing).toEqual([]);
  }, 120_000);
});
