/**
 * The bad inputs that need a real build (./corpus.ts, the cases with
 * `endToEnd`: one per stage of the pipeline, and hostile input): each breaks
 * a copy of the project and runs the real atomic build, which must
 *   - fail, with a message naming the file and the field,
 *   - leave the previous build output exactly as it was, and no staging folder behind.
 * The other cases' messages are checked without a build, by calling the
 * check itself (tests/unit/bad-input-messages.test.ts).
 * And one input that must NOT stop the build: markup in a label is escaped,
 * so the published page stays inert.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, launchChromium } from '../browser/chromium.ts';
import { serveSite } from '../browser/serve.ts';
import { listPages, readPage } from '../helpers/site.ts';
import { corpus, findTargets, release, XSS, type Targets } from './corpus.ts';
import { copyProject, PROJECT, Sandbox } from '../helpers/sandbox.ts';

const project = new Sandbox(PROJECT);
const tail = (text: string, lines = 40) => text.trim().split('\n').slice(-lines).join('\n');

let template: Sandbox;
let targets: Targets;
let baseline: string;

beforeAll(() => {
  // The previous build: the run's shared build of this same working tree (tests/browser/built-site.ts).
  template = copyProject();
  template.adoptBuild(inject('siteDir'));
  targets = findTargets(template);
  baseline = template.distFingerprint();
});
afterAll(() => template?.dispose());

describe('bad inputs stop the build with a message naming the file and field, and leave the last build intact', () => {
  for (const c of corpus.filter((c) => c.endToEnd)) {
    const waiting = c.pending?.(project);
    if (waiting) {
      it.todo(`${c.name} (waits: ${waiting})`);
      continue;
    }
    it.concurrent(c.name, async () => {
      const sb = template.copy();
      try {
        const expected = c.apply(sb, targets);
        const result = await sb.build();
        const excerpt = `build output:\n${tail(result.output, 25)}`;
        expect(result.code, `the build must fail. ${excerpt}`).not.toBe(0);
        const missing = [expected.file, ...expected.says].filter((s) => (typeof s === 'string' ? !result.output.includes(s) : !s.test(result.output)));
        expect(missing, `the message must name these. ${excerpt}`).toEqual([]);
        if (expected.neverWritten) expect(sb.exists(expected.neverWritten), `${expected.neverWritten}: the story's code ran`).toBe(false);
        expect(sb.distFingerprint(), 'the previous build output is untouched').toBe(baseline);
        expect(sb.leftovers(), 'no staging folder left behind').toEqual([]);
      } finally {
        sb.dispose();
      }
    });
  }
});

describe('markup in data is escaped, not executed', () => {
  it.concurrent(
    'an XSS string in a dataset title, field label and text cell, a province name and a story summary builds into inert pages, search and feeds',
    async () => {
      const sb = template.copy();
      try {
        // The county of the target story: markup in its English province name (a search filter) and the translation's summary (RSS, search excerpts).
        const slug = targets.story.replace(/^content\/counties\/|\.mdx$/g, '');
        let countyName = '';
        sb.editJson('data/counties.json', (counties: { slug: string; name: { en: string }; province: { en: string } }[]) => {
          const county = counties.find((c) => c.slug === slug)!;
          county.province.en = `${county.province.en}${XSS}`;
          countyName = county.name.en.split(' ')[0];
        });
        sb.replace(targets.translation, /^summary: .*$/m, `summary: '${countyName} summary ${XSS}'`);
        const { file, fieldIndex } = targets.dataset;
        sb.editJson(file, (d) => {
          d.title.zh = `${d.title.zh}${XSS}`;
          d.title.en = `${d.title.en}${XSS}`;
          d.fields[fieldIndex].label.zh = XSS;
          d.fields[fieldIndex].label.en = XSS;
          const text = d.fields.find((f: { type: string }) => f.type === 'text');
          if (text) for (const row of d.rows) if (row[text.key]) row[text.key] = { zh: XSS, en: XSS };
        });
        release(sb, file);
        const result = await sb.build();
        expect(result.code, `the build must succeed: markup in a label is text, not an error.\n${tail(result.output)}`).toBe(0);

        // Pages, and standalone SVG files (charts and maps for download run scripts when opened directly).
        const dist = sb.path('dist');
        const files = sb.listAll('dist').filter((f) => /\.(html|svg)$/.test(f));
        const text = (f: string) => readFileSync(sb.path(f), 'utf8');
        const raw = files.filter((f) => text(f).includes('<script>alert("xss")') || text(f).includes('onerror="alert(document.domain)"'));
        expect(raw, 'files with the markup unescaped').toEqual([]);
        // RSS: a description is HTML, so the summary arrives in it HTML-escaped (and XML-escaped on top).
        const feed = text('dist/en/rss.xml');
        const descriptions = [...feed.matchAll(/<description>([\s\S]*?)<\/description>/g)].map(([, d]) =>
          d
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, '&'),
        );
        expect(
          descriptions.some((d) => d.includes('&lt;script&gt;alert(')),
          'the summary, escaped, in en/rss.xml',
        ).toBe(true);
        expect(
          descriptions.filter((d) => /<script|<img/.test(d)),
          'descriptions a feed reader would draw as live HTML',
        ).toEqual([]);
        const shown = listPages(dist).filter((p) => readPage(dist, p).includes('&lt;script&gt;alert('));
        expect(shown.length, 'the label is shown, escaped, on some page').toBeGreaterThan(0);

        if (hasChromium()) {
          const [browser, site] = await Promise.all([launchChromium(), serveSite(dist)]);
          try {
            const page = await browser.newPage();
            const dialogs: string[] = [];
            page.on('dialog', (d) => {
              dialogs.push(`${d.message()} on ${page.url()}`);
              void d.dismiss();
            });
            for (const p of shown) await page.goto(site.url(p), { waitUntil: 'load' });
            // A real search: the province filter and the excerpts are drawn by Pagefind's UI.
            await page.goto(site.url(`/en/search/?q=${encodeURIComponent(countyName)}`), { waitUntil: 'load' });
            await page.waitForSelector('.pagefind-ui__result-link', { timeout: 30_000 });
            await page.waitForSelector('.pagefind-ui__filter-label', { state: 'attached', timeout: 30_000 });
            const search = await page.evaluate(() => ({
              filters: [...document.querySelectorAll('.pagefind-ui__filter-label')].map((l) => l.textContent ?? ''),
              live: document.querySelectorAll('#search script, #search img[onerror]').length,
            }));
            expect(
              search.filters.some((f) => f.includes(XSS)),
              `the province filter shows the markup as text: ${search.filters.join(' | ')}`,
            ).toBe(true);
            expect(search.live, 'script or img[onerror] elements drawn by the search UI').toBe(0);
            expect(dialogs, 'alerts fired').toEqual([]);
          } finally {
            await browser.close();
            await site.close();
          }
        }
      } finally {
        sb.dispose();
      }
    },
  );
});

describe('an interrupted build', () => {
  it.concurrent.each(['SIGINT', 'SIGTERM'] as const)('%s mid-build removes the staging folder and leaves the last build intact', async (signal) => {
    const sb = template.copy();
    try {
      const { child, done } = sb.startBuild();
      // Mid-build: once Astro has started writing pages into the staging folder.
      const deadline = Date.now() + 300_000;
      while (
        !sb.leftovers().some((d) => existsSync(path.join(sb.path(d), 'index.html')) || existsSync(path.join(sb.path(d), '_astro'))) &&
        child.exitCode === null
      ) {
        if (Date.now() > deadline) throw new Error('the build never wrote into its staging folder');
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(child.exitCode, 'the build was still running when signalled').toBeNull();
      child.kill(signal);
      const result = await done;
      expect(result.code, tail(result.output)).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(result.output).toContain(`Build interrupted (${signal}): dist was not changed.`);
      expect(sb.leftovers(), 'no staging folder left behind').toEqual([]);
      expect(sb.distFingerprint(), 'the previous build output is untouched').toBe(baseline);
    } finally {
      sb.dispose();
    }
  });
});
