/**
 * English number formatting on every English page of the built site: no
 * Chinese magnitudes (万, 亿) in English text. Quotes from the sources stay
 * in Chinese and are marked lang="zh-CN", so they are left out.
 */
import { expect, it } from 'vitest';
import { describeInBrowser } from './chromium.ts';
import { useSiteInBrowser } from './session.ts';
import { listPages, siteDir } from '../helpers/site.ts';

describeInBrowser('English number formatting', () => {
  const session = useSiteInBrowser();

  it('no English page writes a number with 万 or 亿 outside Chinese quotes', async () => {
    const pages = listPages(siteDir()).filter((p) => p.startsWith('/en/') && p.endsWith('/'));
    expect(pages.length).toBeGreaterThan(0);
    const page = await session.browser.newPage();
    try {
      await page.goto(session.site.url('/en/'));
      const found = await page.evaluate(async (paths) => {
        const out: string[] = [];
        for (const p of paths) {
          const doc = new DOMParser().parseFromString(await (await fetch(p)).text(), 'text/html');
          const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const lang = n.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '';
            if (n.parentElement?.closest('script, style')) continue;
            if (lang.startsWith('en') && /\d\s*[万亿]/.test(n.textContent ?? '')) out.push(`${p}: “${n.textContent!.trim().slice(0, 80)}”`);
          }
        }
        return out;
      }, pages);
      expect(found).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
