/**
 * The live loop of `npm run dev` for files Vite does not know about: the
 * datasets, the lock file and the registries under data/, and the chart specs
 * in content/charts/ are read with fs, not imported, so Vite would neither
 * notice an edit nor reload the page. Story edits are re-checked too, for the
 * rules only the content checks know (typed numbers, qualifiers).
 *
 * On each change: the cached readings are dropped (src/authoring/live.ts), the data is
 * checked again, and the browser either reloads or shows Astro's error overlay
 * naming the author's file, line and field. The server keeps running; the next
 * good save reloads the page.
 */
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ErrorPayload, ViteDevServer } from 'vite';
import { checkContent } from './checks.ts';
import { DataError } from './errors.ts';
import { dataChanged } from './live.ts';

/** Folders whose files the pages read themselves, and the stories (whose prose rules Vite's reload does not check). */
export const LIVE_FOLDERS = ['data', 'content'];

/**
 * What the dev server checks after an edit: the build's checks (src/authoring/checks.ts),
 * with drafts allowed. Returns every problem. The pages themselves keep working
 * where they can: a broken dataset or chart fails only the pages that use it.
 */
export function checkLiveData(root = process.cwd()): DataError[] {
  try {
    checkContent(root, { drafts: true });
    return [];
  } catch (error) {
    if (error instanceof DataError) return error.parts;
    return [new DataError('data/', String(error instanceof Error ? error.message : error))];
  }
}

/** Errors in a form Astro's overlay reads: one message, and the first problem's file and line. */
function overlayPayload(errors: DataError[]): ErrorPayload {
  const error = DataError.combine(errors);
  // Without a line, the file's first line: the overlay still names and opens the author's file.
  return {
    type: 'error',
    err: { name: 'DataError', message: error.message, stack: '', loc: error.loc ?? { file: path.resolve(error.file), line: 1, column: 1 }, id: error.file },
  };
}

export function watchLiveData(server: ViteDevServer, logger: AstroIntegrationLogger): void {
  const root = server.config.root;
  const folders = LIVE_FOLDERS.map((f) => path.join(root, f) + path.sep);
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  const recheck = () => {
    timer = undefined;
    const files = [...changed].map((f) => path.relative(root, f));
    changed.clear();
    dataChanged();
    const errors = checkLiveData(root);
    // The client channel, not server.ws: Astro enhances error payloads sent there (code frame, "Open in editor").
    if (errors.length) {
      logger.error(DataError.combine(errors).message);
      server.environments.client.hot.send(overlayPayload(errors));
    } else if (files.some((f) => !f.endsWith('.mdx'))) {
      // Story edits reload through Vite itself; data and chart specs are read with fs, so reload here.
      logger.info(`${files.join(', ')} changed: checked, reloading`);
      server.environments.client.hot.send({ type: 'full-reload', path: '*' });
    }
  };
  server.watcher.on('all', (_event, file) => {
    if (!folders.some((f) => file.startsWith(f)) || !/\.(json|txt|geojson|mdx)$/.test(file)) return;
    changed.add(file);
    // Editors save in several steps (truncate, write, rename); one check for the burst.
    clearTimeout(timer);
    timer = setTimeout(recheck, 100);
  });
  // Problems present when the server starts: shown as soon as a page connects.
  const initial = checkLiveData(root);
  if (initial.length) logger.error(DataError.combine(initial).message);
  server.environments.client.hot.on('connection', () => {
    const errors = checkLiveData(root);
    if (errors.length) server.environments.client.hot.send(overlayPayload(errors));
  });
}
