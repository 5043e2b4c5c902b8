/**
 * The corpus of bad inputs (./corpus.ts): each case breaks a copy of the
 * project and runs the real atomic build, which must
 *   - fail, with a message naming the file and the field,
 *   - leave the previous build output exactly as it was, and no staging folder behind.
 * And one input that must NOT stop the build: markup in a label is escaped,
 * so the published page stays inert.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, launchChromium } from '../browser/chromium.ts';
import { serveSite } from '../browser/serve.ts';
import { listPages } from '../browser/site.ts';
import { corpus, findTargets, release, XSS, type Targets } from './corpus.ts';
import { copyProject, Sandbox } from './sandbox.ts';

const project = new Sandbox(path.resolve(import.meta.dirname, '../..'));
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
  for (const c of corpus) {
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
  it.concurrent('an XSS string in a dataset title, field label and text cell builds into inert pages', async () => {
    const sb = template.copy();
    try {
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
      const raw = files.filter((f) => text(f).includes('<script>alert("xss")') || text(f).includes('onerror="alert(1)"'));
      expect(raw, 'files with the markup unescaped').toEqual([]);
      const shown = listPages(dist).filter((p) => text(`dist${p.endsWith('/') ? `${p}index.html` : p}`).includes('&lt;script&gt;alert('));
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
          expect(dialogs, 'alerts fired').toEqual([]);
        } finally {
          await browser.close();
          await site.close();
        }
      }
    } finally {
      sb.dispose();
    }
  });
});
