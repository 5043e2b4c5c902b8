/**
 * Internal links and anchors over the whole built site: every link, image,
 * script, stylesheet and CSS url() on our own origin resolves, and every
 * #fragment names an element on its target page. Links to other sites
 * (the source articles) are not fetched: tests run offline.
 *
 * The site's public address (in canonical links, the sitemap, permalinks)
 * is rewritten to the local server, so those links are checked too.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LinkChecker } from 'linkinator';
import { describe, expect, it } from 'vitest';
import { serveSite } from '../browser/serve.ts';
import { listPages, siteDir } from '../helpers/site.ts';

/** The public origin the build was made for, read from the home page's canonical link. */
function publicOrigin(dir: string): string | undefined {
  const home = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const canonical = home.match(/<link[^>]+rel="canonical"[^>]+href="([^"]+)"/)?.[1] ?? home.match(/<link[^>]+href="([^"]+)"[^>]+rel="canonical"/)?.[1];
  return canonical ? new URL(canonical).origin : undefined;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every broken internal link or anchor in the site in `dir`, as "url (status) ← page". */
export async function brokenLinks(dir: string): Promise<string[]> {
  const site = await serveSite(dir);
  try {
    const published = publicOrigin(dir);
    const result = await new LinkChecker().check({
      path: listPages(dir).map((p) => site.url(p)),
      recurse: true,
      checkFragments: true,
      checkCss: true,
      concurrency: 16,
      timeout: 10_000,
      urlRewriteExpressions: published ? [{ pattern: new RegExp(`^${escapeRegExp(published)}`), replacement: site.origin }] : [],
      linksToSkip: async (link) => !link.startsWith(site.origin),
    });
    // One line per broken target, naming (some of) the pages that link to it.
    const broken = Map.groupBy(
      result.links.filter((l) => l.state === 'BROKEN'),
      (l) => `${l.url.replace(site.origin, '')} (${l.status || (l.failureDetails?.[0] as Error | undefined)?.message || 'no response'})`,
    );
    return [...broken]
      .map(([target, links]) => {
        const from = [...new Set(links.map((l) => l.parent?.replace(site.origin, '') ?? '(start)'))];
        return `${target} ← ${from.slice(0, 3).join(', ')}${from.length > 3 ? ` and ${from.length - 3} more` : ''}`;
      })
      .sort();
  } finally {
    await site.close();
  }
}

describe('internal links and anchors', () => {
  it('the whole built site has no broken internal link or anchor', async () => {
    expect(await brokenLinks(siteDir())).toEqual([]);
  });

  it('the checker itself catches a missing page, anchor, stylesheet and canonical address', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'links-fixture-'));
    try {
      writeFileSync(
        path.join(dir, 'index.html'),
        '<!doctype html><html lang="en"><head><title>t</title><link rel="canonical" href="https://public.example/moved/"><link rel="stylesheet" href="/gone.css"></head><body><a href="#here">ok</a><a href="#nowhere">bad anchor</a><a href="/missing/">bad page</a><a href="https://example.com/">offsite, not fetched</a><p id="here">x</p></body></html>',
      );
      const broken = await brokenLinks(dir);
      expect(broken.map((b) => b.split(' ')[0])).toEqual(['/#nowhere', '/gone.css', '/missing/', '/moved/']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
