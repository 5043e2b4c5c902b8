/**
 * The built site as the tests see it: its folder, its HTML pages as URL
 * paths, and those pages grouped into page types. Page types are discovered
 * from the folder, so a new kind of page is tested as soon as it is built.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

export const siteDir = (): string => inject('siteDir');

/** The file a URL path is served from: "/counties/qinglong/" → <dir>/counties/qinglong/index.html; "/404.html" → <dir>/404.html. */
export const pageFile = (dir: string, urlPath: string) => path.join(dir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);

/** A built file's text, by the URL path a reader would visit. */
export const readPage = (dir: string, urlPath: string) => readFileSync(pageFile(dir, urlPath), 'utf8');

/** Every HTML file under `dir`, as the URL path a reader would visit: "/", "/counties/qinglong/", "/404.html". */
export function listPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => '/' + path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .map((p) => (p.endsWith('/index.html') ? p.slice(0, -'index.html'.length) : p))
    .sort();
}

/**
 * A page's type is its path with everything after the first section
 * replaced by "*" (a page number by "<n>"): /counties/qinglong/ → /counties/*\/,
 * /en/datasets/qinglong/1.0.0/ → /en/datasets/*\/*\/, /charts/2/ → /charts/<n>/. The edition prefix (/en/) is kept: each edition is tested.
 */
export function pageTypeOf(page: string): string {
  const parts = page.split('/').filter(Boolean);
  const lead = parts[0] === 'en' ? ['en'] : [];
  const rest = parts.slice(lead.length);
  const file = page.endsWith('.html') ? rest.pop() : undefined;
  // A number is a page of a list (/charts/2/ → /charts/<n>/), not one item (/charts/envoy-coverage/ → /charts/*/).
  const shape = [...lead, ...rest.map((p, i) => (i === 0 ? p : /^\d+$/.test(p) ? '<n>' : '*'))];
  return '/' + shape.map((p) => p + '/').join('') + (file ?? '');
}

/** Names for the page types we know, for readable test titles. Unknown types are still tested, under their pattern. */
export const PAGE_TYPE_NAMES: Record<string, string> = {
  '/': 'home (zh)',
  '/en/': 'home (en)',
  '/counties/*/': 'county story',
  '/themes/*/': 'thematic story',
  '/datasets/': 'datasets',
  '/datasets/*/*/': 'dataset version',
  '/sources/': 'sources',
  '/charts/': 'chart gallery',
  '/charts/<n>/': 'chart gallery, later page',
  '/charts/*/': 'chart page',
  '/topics/': 'themes index',
  '/topics/*/': 'theme',
  '/timeline/': 'timeline',
  '/search/': 'search',
  '/embed/*/': 'embed',
  '/embed/*/*/': 'embed',
  '/404.html': 'not found',
};

export const pageTypeName = (type: string) => {
  const english = type.startsWith('/en/');
  const name = PAGE_TYPE_NAMES[type] ?? PAGE_TYPE_NAMES[english ? type.slice(3) : ''];
  return name ? (english && !name.includes('(en)') ? `${name} (en)` : name) : type;
};

export interface PageType {
  type: string;
  name: string;
  /** The page the type-level tests visit: the first in sort order. */
  sample: string;
  pages: string[];
}

export function pageTypes(pages: string[]): PageType[] {
  const groups = Map.groupBy(pages, pageTypeOf);
  return [...groups]
    .map(([type, members]) => ({ type, name: pageTypeName(type), sample: members[0], pages: members }))
    .sort((a, b) => a.type.localeCompare(b.type));
}

/** Stories: the pages readers come for. Some checks run on every one of them, not only a sample. */
export const isStory = (page: string) => /^\/(en\/)?(counties|themes)\/[^/]+\/$/.test(page);
