/**
 * The live loop, end to end (src/authoring/dev-loop.ts): `astro dev` runs in a temp copy
 * of the project, and each case edits a file as an author would, then polls
 * until the page shows the change, or until the browser's error channel (the
 * Vite websocket that drives Astro's error overlay) names the author's file;
 * then it undoes the edit and polls until the page recovers. Other pages must
 * keep answering 200 throughout. Every wait is bounded; the server is stopped
 * (its whole process group) and the copy removed at the end.
 *
 * The seconds from save to updated page are printed at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorEnv, copyProject, type Sandbox } from '../helpers/sandbox.ts';

const STORY = 'content/counties/qinglong.mdx';
const STORY_PAGE = '/counties/qinglong/';
const OTHER_PAGES = ['/', '/counties/julu/', '/en/'];
const RELEASED = 'data/datasets/qinglong/1.1.0.json';
const DRAFT = 'data/datasets/qinglong/1.1.1.json';
const CHART = 'content/charts/qinglong-chestnut-drive.json';
const NEW_STORY = 'content/themes/dev-loop-draft.mdx';

interface OverlayError {
  message: string;
  loc?: { file?: string; line?: number; column?: number };
}

let sb: Sandbox;
let server: ChildProcess | undefined;
let serverLog = '';
let base = '';
let socket: WebSocket | undefined;
let stopping = false;
const overlays: OverlayError[] = [];
const timings: Record<string, number> = {};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** Polls `check` every 50 ms until it returns a value; fails after `ms` with what it was waiting for and the server's last words. */
async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await Promise.resolve(check()).catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(50);
  }
  throw new Error(`waited ${ms / 1000} s for ${what}. Dev server log:\n${serverLog.split('\n').slice(-30).join('\n')}`);
}

async function get(pathname: string): Promise<{ status: number; html: string }> {
  const response = await fetch(base + pathname, { signal: AbortSignal.timeout(30_000) });
  return { status: response.status, html: await response.text() };
}

/** Saves `edit`, then waits until the page matches; returns the seconds from save to updated page. */
async function timeUntilShown(pathname: string, edit: () => void, shows: RegExp | string): Promise<number> {
  edit();
  const saved = performance.now();
  await until(`${pathname} to show ${shows}`, async () => {
    const { status, html } = await get(pathname);
    return status === 200 && (typeof shows === 'string' ? html.includes(shows) : shows.test(html)) ? true : undefined;
  });
  return Math.round((performance.now() - saved) / 100) / 10;
}

/**
 * The first overlay error (after `since`) naming `file` and saying `says`: the browser shows it.
 * Requesting `pathname` makes Astro send a page's render error. An editor's save can be seen
 * half-written for an instant ("Unexpected end of JSON input"), so earlier overlays are skipped.
 */
async function overlayNaming(file: string, says: string, since: number, pathname?: string): Promise<OverlayError> {
  return until(`an error overlay naming ${file} and saying ${says}`, async () => {
    if (pathname) await get(pathname);
    await sleep(300);
    return overlays.slice(since).find((e) => e.message.includes(file) && e.message.includes(says) && e.loc?.file?.endsWith(file));
  });
}

async function otherPagesStillServe() {
  for (const p of OTHER_PAGES) expect((await get(p)).status, `${p} keeps working`).toBe(200);
}

beforeAll(async () => {
  sb = copyProject();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // Its own process group, so the end of the test stops Astro and everything it started.
  server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: sb.root,
    env: authorEnv({ NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (serverLog += d));
  server.stderr!.on('data', (d) => (serverLog += d));
  await until('the dev server to serve the story', async () => ((await get(STORY_PAGE)).status === 200 ? true : undefined), 180_000);
  // The browser's side of the error overlay: Vite's websocket, with the token the client script carries.
  const client = await (await fetch(`${base}/@vite/client`)).text();
  const token = /const wsToken = "([^"]+)"/.exec(client)?.[1];
  let closes = 0;
  const connect = () => {
    socket = new WebSocket(`ws://127.0.0.1:${port}/?token=${token}`, 'vite-hmr');
    // Like the browser's client: reconnect if the server drops the connection.
    socket.addEventListener('close', () => {
      serverLog += `\n[test] websocket closed (${++closes})\n`;
      if (!stopping) setTimeout(connect, 100);
    });
    listen(socket);
  };
  const listen = (ws: WebSocket) =>
    ws.addEventListener('message', (event) => {
      const payload = JSON.parse(String(event.data));
      // Astro sends the message as HTML.
      const text = (html: string) =>
        html
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&');
      if (payload.type === 'error') overlays.push({ ...payload.err, message: text(payload.err.message) });
    });
  connect();
  await until('the websocket to open', () => (socket!.readyState === WebSocket.OPEN ? true : undefined));
}, 240_000);

afterAll(async () => {
  stopping = true;
  socket?.close();
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
  }
  sb?.dispose();
  if (Object.keys(timings).length)
    console.log(
      `[dev loop] seconds from save to updated page: ${Object.entries(timings)
        .map(([k, v]) => `${k} ${v} s`)
        .join(', ')}`,
    );
});

describe("npm run dev: edits to stories, data and charts show in the browser, errors name the author's file, and the server recovers", () => {
  it('shows a prose edit', async () => {
    timings.prose = await timeUntilShown(
      STORY_PAGE,
      () => sb.replace(STORY, '板栗是青龙农户的主要产业', '板栗是青龙农户的主要产业（实时预览）'),
      '（实时预览）',
    );
  });

  it('previews an unreleased dataset version, pinned by the story and its chart, under a draft banner', async () => {
    const draft = sb.json(RELEASED);
    draft.version = '1.1.1';
    draft.changes = { zh: '测试用的草稿。', en: 'A draft for the test.' };
    // A draft must still be true to its article (the quote check runs in dev too): the edit is a note.
    draft.rows.find((r: { id: string }) => r.id === 'chestnut-drive').tonnes_sold.note = { zh: '草稿里的注释', en: 'A note in the draft' };
    sb.write(DRAFT, JSON.stringify(draft, null, 2) + '\n');
    // Every chart of the story follows the new version (a story never shows two versions of one figure).
    for (const chart of sb.list('content/charts')) if (sb.json(chart).dataset === 'qinglong') sb.replace(chart, '"version": "1.1.0"', '"version": "1.1.1"');
    sb.replace(STORY, 'qinglong: "1.1.0"', 'qinglong: "1.1.1"');
    await until('the story to show the draft', async () => {
      const { status, html } = await get(STORY_PAGE);
      return status === 200 && html.includes('草稿里的注释') && html.includes('Draft: not released') && html.includes('qinglong@1.1.1') ? true : undefined;
    });
    const { html } = await get(STORY_PAGE);
    expect(html).toContain(`draws qinglong@1.1.1, not released yet (${CHART})`);
    await otherPagesStillServe();
  });

  it('shows a data edit', async () => {
    timings.data = await timeUntilShown(
      STORY_PAGE,
      () => sb.editJson(DRAFT, (d) => (d.rows.find((r: { id: string }) => r.id === 'chestnut-drive').tonnes_sold.note.zh = '草稿里改过的注释')),
      '草稿里改过的注释',
    );
  });

  it('shows a chart edit', async () => {
    timings.chart = await timeUntilShown(STORY_PAGE, () => sb.editJson(CHART, (c) => (c.title.zh = '青龙：一次助农活动（图表实时预览）')), '（图表实时预览）');
  });

  it('a missing comma in a dataset: the overlay names the file and line, other pages keep working, the fix recovers', async () => {
    const good = sb.read(DRAFT);
    const since = overlays.length;
    sb.write(DRAFT, good.replace('"version": "1.1.1",', '"version": "1.1.1"'));
    const error = await overlayNaming(DRAFT, 'is not valid JSON', since);
    expect(error.loc?.line).toBe(4);
    expect((await get(STORY_PAGE)).status).toBe(500);
    await otherPagesStillServe();
    sb.write(DRAFT, good);
    await until('the story to recover', async () => ((await get(STORY_PAGE)).status === 200 ? true : undefined));
  });

  it('a released version edited in place: the overlay says so, naming the file', async () => {
    const good = sb.read(RELEASED);
    const since = overlays.length;
    sb.editJson(RELEASED, (d) => (d.rows[0].id = `${d.rows[0].id}-x`));
    await overlayNaming(RELEASED, 'was released and must not change', since);
    await otherPagesStillServe();
    sb.write(RELEASED, good);
    await until('the overlay to clear: a page renders again', async () => ((await get('/counties/julu/')).status === 200 ? true : undefined));
  });

  it('a chart spec naming a field that does not exist: the overlay names the spec and suggests the field', async () => {
    const good = sb.read(CHART);
    const since = overlays.length;
    sb.replace(CHART, '"field": "tonnes_sold"', '"field": "tonnes_sol"');
    const error = await overlayNaming(CHART, 'has no field "tonnes_sol" (did you mean "tonnes_sold"?)', since);
    expect(error.loc?.line).toBeGreaterThan(1);
    await otherPagesStillServe();
    sb.write(CHART, good);
    await until('the story to recover', async () => ((await get(STORY_PAGE)).status === 200 ? true : undefined));
  });

  it('a <Fig> citing a row that does not exist breaks only its own page, naming the story, line and nearest row', async () => {
    const good = sb.read(STORY);
    const since = overlays.length;
    sb.replace(STORY, 'row="chestnut-drive" field="households"', 'row="chesnut-drive" field="households"');
    await until('the story page to fail', async () => ((await get(STORY_PAGE)).status === 500 ? true : undefined));
    const error = await overlayNaming(STORY, 'has no row "chesnut-drive" (did you mean "chestnut-drive"?)', since, STORY_PAGE);
    expect(error.loc?.line).toBeGreaterThan(10);
    await otherPagesStillServe();
    sb.write(STORY, good);
    await until('the story to recover', async () => ((await get(STORY_PAGE)).status === 200 ? true : undefined));
  });

  it('a new story without its translation previews as a draft; a "<" in its prose gets a plain explanation', async () => {
    sb.write(
      NEW_STORY,
      '---\ntitle: 实时预览的新故事\nsummary: 一个还没有英文翻译的新故事。\nkind: theme\ndatasets:\n  qinglong: "1.1.0"\nthemes: [industry]\npublished: 2026-11-29\n---\n\n青龙卖出板栗<Fig data="qinglong" row="chestnut-drive" field="tonnes_sold" />。\n',
    );
    await until('the new story to preview', async () => {
      const { status, html } = await get('/themes/dev-loop-draft/');
      return status === 200 && html.includes('no English translation yet: write content/en/themes/dev-loop-draft.mdx') ? true : undefined;
    });
    await otherPagesStillServe();

    // A <Fig> just added shows at once, with no error on the way (the page binds the file as saved).
    const beforeFig = overlays.length;
    timings['new <Fig>'] = await timeUntilShown(
      '/themes/dev-loop-draft/',
      () => sb.write(NEW_STORY, `${sb.read(NEW_STORY)}\n销售额<Fig data="qinglong" row="chestnut-drive" field="sales_yuan" />。\n`),
      'data-figure="qinglong/chestnut-drive/sales_yuan"',
    );
    await sleep(500);
    expect(overlays.slice(beforeFig).map((e) => e.message)).toEqual([]);

    const since = overlays.length;
    sb.write(NEW_STORY, `${sb.read(NEW_STORY)}\n增幅 <5% 的村子不多。\n`);
    const error = await overlayNaming(NEW_STORY, 'a "<" in the text starts a tag in MDX', since, '/themes/dev-loop-draft/');
    expect(error.message).toContain('write &lt; instead');
    const lines = sb.read(NEW_STORY).split('\n');
    expect(error.loc).toMatchObject({ line: lines.findIndex((l) => l.includes('<5%')) + 1, column: 4 });
    await otherPagesStillServe();
    sb.remove(NEW_STORY);
    await until('the new story to be gone', async () => ((await get('/themes/dev-loop-draft/')).status === 404 ? true : undefined));
  });

  it("ignores the atomic build's staging folders", async () => {
    const before = serverLog.length;
    sb.write('.dist-staging-1/index.html', '<p>staged</p>');
    sb.write('.dist-staging-1/data/x.json', '{}');
    await sleep(1000);
    expect(serverLog.slice(before)).not.toContain('.dist-staging');
  });
});
