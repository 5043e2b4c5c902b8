/**
 * Permanent links: every URL the site has ever published is listed in
 * data/published-urls.txt (one path a line, committed). After each build,
 * every listed URL must be in the output or redirected (data/redirects.json,
 * old path → new path) to one that is; otherwise the build fails.
 * `npm run urls:record` adds the URLs of a new build to the list, never removes any.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { z } from 'astro/zod';
import { DataError, describeIssues } from '#/authoring/errors.ts';
import { readJsonFile } from '#/data/json-file.ts';

export const PUBLISHED_FILE = 'data/published-urls.txt';
export const REDIRECTS_FILE = 'data/redirects.json';

/** Build output that is not a permanent URL: hashed assets and the search index, which are replaced on every build, and the host's headers file. */
const TRANSIENT = [/^\/_astro\//, /^\/pagefind\//, /^\/_headers$/, /^\/_redirects$/];

const HEADER = `# Every URL this site has published. Never delete a line: if a page moves,
# add "old": "new" to data/redirects.json. Add new URLs with: npm run urls:record
`;

/** URL paths of the files in a build output: "counties/qinglong/index.html" → "/counties/qinglong/". */
export function outputUrls(distDir: string): Set<string> {
  const urls = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const url = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${url}/`);
      else urls.add(entry.name === 'index.html' ? prefix : url);
    }
  };
  walk(distDir, '/');
  return new Set([...urls].filter((u) => !TRANSIENT.some((re) => re.test(u))));
}

export function readPublished(root: string): string[] {
  const file = path.join(root, PUBLISHED_FILE);
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim());
  const urls = lines.filter((l) => l && !l.startsWith('#'));
  urls.forEach((u, i) => {
    if (!u.startsWith('/')) throw new DataError(PUBLISHED_FILE, `line "${u}" (entry ${i + 1}) is not a path starting with "/"`);
  });
  return urls;
}

const redirectsSchema = z.record(z.string(), z.string());

/**
 * Why `value` is not a path on this site that a redirect may use, or
 * undefined. Only absolute paths on the site itself: Astro writes a redirect
 * page at the old path, so "../" would write outside the build output, and a
 * redirect to another host would send readers of a published URL off the site.
 */
function unsafePath(value: string): string | undefined {
  if (!value.startsWith('/') || value.startsWith('//'))
    return 'is not a path on this site: write an absolute path such as "/counties/qinglong/" (no host, no "//")';
  if (/[\\\s?#\u0000-\u001f]/.test(value)) return 'contains a backslash, a space, a control character, "?" or "#": write a plain path';
  let segments: string[];
  try {
    segments = value.split('/').map(decodeURIComponent);
  } catch {
    return 'has a broken %-escape';
  }
  if (segments.some((s) => s === '.' || s === '..' || s.includes('/') || s.includes('\\')))
    return 'has a "." or ".." segment (or an escaped "/"): write the path it means, without them';
  return undefined;
}

/** Problems a redirect list has on its own: unsafe paths, redirects to themselves, loops. */
export function checkRedirects(redirects: Record<string, string>): DataError[] {
  const errors: DataError[] = [];
  for (const [from, to] of Object.entries(redirects)) {
    const fromProblem = unsafePath(from);
    const toProblem = unsafePath(to);
    if (fromProblem) errors.push(new DataError(REDIRECTS_FILE, `key "${from}" ${fromProblem}`));
    if (toProblem) errors.push(new DataError(REDIRECTS_FILE, `"${from}": target "${to}" ${toProblem}`));
    if (fromProblem || toProblem) continue;
    if (from === to) {
      errors.push(new DataError(REDIRECTS_FILE, `"${from}" redirects to itself: remove the entry`));
      continue;
    }
    const chain = [from];
    while (redirects[chain.at(-1)!] !== undefined && !chain.includes(redirects[chain.at(-1)!])) chain.push(redirects[chain.at(-1)!]);
    const next = redirects[chain.at(-1)!];
    if (next !== undefined && next === from)
      errors.push(new DataError(REDIRECTS_FILE, `"${from}" redirects in a loop: ${[...chain, next].join(' → ')}: point one of them at a page that exists`));
  }
  return errors;
}

/** data/redirects.json, checked on its own (checkRedirects); the build checks the targets against its output. */
export function readRedirects(root: string): Record<string, string> {
  const file = path.join(root, REDIRECTS_FILE);
  if (!existsSync(file)) return {};
  const parsed = redirectsSchema.safeParse(readJsonFile(root, REDIRECTS_FILE).value);
  if (!parsed.success) throw new DataError(REDIRECTS_FILE, `${describeIssues(parsed.error.issues)}: write an object of "old path": "new path"`);
  const errors = checkRedirects(parsed.data);
  if (errors.length) throw DataError.combine(errors);
  return parsed.data;
}

/** Every redirect must end at a page the build made (the chain followed); a redirect page does not count. */
export function deadRedirects(redirects: Record<string, string>, output: Set<string>): DataError[] {
  const errors: DataError[] = [];
  for (const from of Object.keys(redirects)) {
    const chain = [from];
    while (redirects[chain.at(-1)!] !== undefined && !chain.includes(redirects[chain.at(-1)!])) chain.push(redirects[chain.at(-1)!]);
    const target = chain.at(-1)!;
    if (redirects[target] === undefined && !output.has(target))
      errors.push(
        new DataError(REDIRECTS_FILE, `"${from}" redirects to ${chain.slice(1).join(' → ')}, which is not in the build output: point it at a page that exists`),
      );
  }
  return errors;
}

/**
 * A redirect over a page the site still builds: Astro gives the redirect
 * priority and drops the page (while the home page, RSS, sitemap and API
 * still link to it). Astro stops on it (prerenderConflictBehavior: 'error' in
 * astro.config.mjs) with a message that names routes; this names the file and key.
 * `astroOutput` is what the failed Astro build printed.
 */
export function redirectsOverLivePages(astroOutput: string, redirects: Record<string, string>): DataError[] {
  const conflicts = astroOutput.matchAll(/Could not render `([^`]*)` from route `([^`]*)` as it conflicts with higher priority route `([^`]*)`/g);
  const errors: DataError[] = [];
  for (const [, pathname, route, winner] of conflicts) {
    const from = Object.keys(redirects).find((k) => k.replace(/\/$/, '') === winner.replace(/\/$/, ''));
    if (from)
      errors.push(
        new DataError(
          REDIRECTS_FILE,
          `key "${from}" redirects a page the site still builds (${pathname}/, from ${route}): remove the redirect, or remove or move the page first`,
        ),
      );
  }
  return errors;
}

/**
 * One error per published URL that the output no longer serves and no
 * redirect covers (where a redirect leads is checked by deadRedirects).
 */
export function missingUrls(published: string[], output: Set<string>, redirects: Record<string, string>): DataError[] {
  return published
    .filter((url) => redirects[url] === undefined && !output.has(url))
    .map(
      (url) =>
        new DataError(
          PUBLISHED_FILE,
          `${url} was published but is no longer in the build output and has no redirect: restore it, or add "${url}": "<new path>" to ${REDIRECTS_FILE}`,
        ),
    );
}

/** Throws if a published URL disappeared without a redirect. Returns the output URLs not yet recorded. */
export function checkPublishedUrls(root: string, distDir: string): { unrecorded: string[] } {
  const output = outputUrls(distDir);
  const published = readPublished(root);
  const redirects = readRedirects(root);
  const errors = [...missingUrls(published, output, redirects), ...deadRedirects(redirects, output)];
  if (errors.length) throw DataError.combine(errors);
  const known = new Set(published);
  return { unrecorded: [...output].filter((u) => !known.has(u)).sort() };
}

/** Add the output's new URLs to data/published-urls.txt (sorted); nothing is ever removed. */
export function recordUrls(root: string, distDir: string): string[] {
  const published = readPublished(root);
  const known = new Set(published);
  const added = [...outputUrls(distDir)].filter((u) => !known.has(u)).sort();
  const all = [...new Set([...published, ...added])].sort();
  writeFileSync(path.join(root, PUBLISHED_FILE), HEADER + all.join('\n') + '\n');
  return added;
}

/** Astro integration: the check, after every build. Put it last, after integrations that write files (sitemap). */
export default function publishedUrls(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'county-stories:published-urls',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const { unrecorded } = checkPublishedUrls(root, fileURLToPath(dir));
        logger.info(`${readPublished(root).length} published URLs still served`);
        if (unrecorded.length)
          logger.warn(
            `${unrecorded.length} new URLs are not yet in ${PUBLISHED_FILE} (e.g. ${unrecorded.slice(0, 3).join(', ')}): run "npm run urls:record" and commit the list`,
          );
      },
    },
  };
}
