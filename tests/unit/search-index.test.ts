/** The search index step (src/publishing/search.ts) on a small site written to a temp folder: one index per <html lang>. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex, SEARCH_BUNDLE } from '#/publishing/search.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'search-index-'));
  dirs.push(dir);
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  return dir;
}

const page = (lang: string, body: string, extra = '') =>
  `<!doctype html><html lang="${lang}"><head><title>t</title></head><body><nav>menu</nav>${extra}<article data-pagefind-body>${body}</article></body></html>`;

describe('buildSearchIndex', () => {
  it('writes one index per edition, the default UI, and skips pages without data-pagefind-body', async () => {
    const dir = site({
      'counties/qinglong/index.html': page('zh-CN', '<h1>青龙</h1><p>板栗卖出了好价钱。</p>'),
      'en/counties/qinglong/index.html': page('en', '<h1>Qinglong</h1><p>Chestnuts sold well.</p>'),
      // In a story folder but unmarked: a page Pagefind reads and leaves out.
      'themes/unmarked/index.html': '<!doctype html><html lang="zh-CN"><body><p>专题</p></body></html>',
      'datasets/index.html': '<!doctype html><html lang="zh-CN"><body><p>数据集</p></body></html>',
    });
    expect(await buildSearchIndex(dir)).toEqual({ 'zh-cn': 1, en: 1 });
    const entry = JSON.parse(readFileSync(path.join(dir, SEARCH_BUNDLE, 'pagefind-entry.json'), 'utf8'));
    expect(entry.version).toBe('1.6.0');
    for (const file of ['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css']) expect(existsSync(path.join(dir, SEARCH_BUNDLE, file)), file).toBe(true);
  });

  it('refuses a site where no page marks what to index, naming the folder', async () => {
    const dir = site({ 'index.html': '<!doctype html><html lang="zh-CN"><body><nav>菜单</nav><p>正文</p></body></html>' });
    await expect(buildSearchIndex(dir)).rejects.toThrow(`no page in ${dir} has data-pagefind-body`);
  });

  it('fails naming the folder, with what Pagefind said, when Pagefind cannot write the index', async () => {
    // A file where the index's folder goes.
    const dir = site({ 'counties/qinglong/index.html': page('zh-CN', '<h1>青龙</h1>'), [SEARCH_BUNDLE]: 'not a folder' });
    await expect(buildSearchIndex(dir)).rejects.toThrow(new RegExp(`^search index \\(Pagefind\\) failed for ${dir} \\(exit [1-9]\\d*\\):\\n.*Pagefind`, 's'));
  });

  it('hands its caller the Pagefind process, which a caller that is interrupted stops', async () => {
    const dir = site({ 'counties/qinglong/index.html': page('zh-CN', '<h1>青龙</h1>') });
    const stopped = buildSearchIndex(dir, (pagefind) => pagefind.kill('SIGTERM'));
    await expect(stopped).rejects.toThrow(`search index (Pagefind) failed for ${dir} (exit null)`);
  });
});
