/**
 * The live loop of `npm run dev` for files Vite does not know about: the
 * datasets, the lock file and the registries under data/, and the chart specs
 * in content/charts/ are read with fs, not imported, so Vite would neither
 * notice an edit nor reload the page.
 *
 * On each change: the cached readings are dropped (src/live.ts), the data is
 * checked again, and the browser either reloads or shows Astro's error overlay
 * naming the author's file, line and field. The server keeps running; the next
 * good save reloads the page.
 */
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { ErrorPayload, ViteDevServer } from 'vite';
import { DataError } from './errors.ts';
import { dataChanged } from './live.ts';
import { getCounties, getDatasets, getSources } from './site.ts';
import { checkCounties } from './counties.ts';
import { readCharts } from './charts/registry.ts';

/** Folders whose files the pages read themselves. */
export const LIVE_FOLDERS = ['data', 'content/charts'];

/** What the dev server checks after an edit: like the build's checks, with drafts allowed. Returns every problem. */
export function checkLiveData(): DataError[] {
  const errors: DataError[] = [];
  const attempt = (check: () => void) => {
    try {
      check();
    } catch (error) {
      if (error instanceof DataError) errors.push(error);
      else errors.push(new DataError('data/', String(error instanceof Error ? error.message : error)));
    }
  };
  // In the dev server a broken dataset file does not throw: it is left out, with its problems in `broken`.
  attempt(() => errors.push(...getDatasets().broken.values()));
  attempt(() => getSources());
  attempt(() => checkCounties(getCounties()));
  attempt(() => errors.push(...readCharts(process.cwd(), getDatasets()).broken.values()));
  // A chart drawing a broken dataset version repeats that version's error.
  return [...new Map(errors.map((e) => [e.message, e])).values()];
}

/** Errors in a form Astro's overlay reads: one message, and the first problem's file and line. */
function overlayPayload(errors: DataError[]): ErrorPayload {
  const error = DataError.combine(errors);
  // Without a line, the file's first line: the overlay still names and opens the author's file.
  return { type: 'error', err: { name: 'DataError', message: error.message, stack: '', loc: error.loc ?? { file: path.resolve(error.file), line: 1, column: 1 }, id: error.file } };
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
    const errors = checkLiveData();
    // The client channel, not server.ws: Astro enhances error payloads sent there (code frame, "Open in editor").
    if (errors.length) {
      logger.error(DataError.combine(errors).message);
      server.environments.client.hot.send(overlayPayload(errors));
    } else {
      logger.info(`${files.join(', ')} changed: checked, reloading`);
      server.environments.client.hot.send({ type: 'full-reload', path: '*' });
    }
  };
  server.watcher.on('all', (event, file) => {
    if (!folders.some((f) => file.startsWith(f)) || !/\.(json|txt|geojson)$/.test(file)) return;
    changed.add(file);
    // Editors save in several steps (truncate, write, rename); one check for the burst.
    clearTimeout(timer);
    timer = setTimeout(recheck, 100);
  });
  // Problems present when the server starts: shown as soon as a page connects.
  const initial = checkLiveData();
  if (initial.length) logger.error(DataError.combine(initial).message);
  server.environments.client.hot.on('connection', () => {
    const errors = checkLiveData();
    if (errors.length) server.environments.client.hot.send(overlayPayload(errors));
  });
}
