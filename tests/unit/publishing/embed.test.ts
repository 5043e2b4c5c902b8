import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { resolveChart } from '#/charts/resolve.ts';
import { renderChart } from '#/charts/render.ts';
import { DARK, LIGHT, MAP_DARK } from '#/svg/palette.ts';
import { CHART_STYLE, chartVars } from '#/svg/style.ts';
import { loadAllDatasets } from '#/data/datasets.ts';
import {
  EMBED_FOOTER_LINE,
  EMBED_STYLE,
  EMBED_WIDTH,
  PNG_SCALE,
  THEME_SWITCHER,
  HEIGHT_MESSAGE,
  HEIGHT_REQUEST,
  HEIGHT_SENDER,
  embedHeight,
  embedSnippet,
  imageSnippet,
  oembedJson,
  resolveCssVars,
  roundPathData,
  standaloneGraphic,
  svgSize,
} from '#/publishing/embed.ts';
import { svgToPng } from '#/publishing/png/svg-to-png.ts';
import { chartSpec } from '#/data/schemas.ts';

const datasets = loadAllDatasets(process.cwd());
const PNG_WIDTH = EMBED_WIDTH * PNG_SCALE;
const CHART_VARS = chartVars(LIGHT);

/** A chart of real figures: 公益宝贝 merchants, 2012 and the recent five-year average. */
function realChart(title: string) {
  const spec = chartSpec.parse({
    id: 'test-merchants',
    type: 'bar',
    dataset: 'gongyi-baobei',
    version: '1.0.0',
    title: { zh: title, en: 'Merchants taking part' },
    subtitle: { zh: '参与商家数', en: 'Merchants' },
    items: [
      { row: '2012', field: 'merchants', label: { zh: '2012年', en: '2012' } },
      { row: 'recent-five-years', field: 'merchants', label: { zh: '近五年平均', en: 'Recent five-year average' } },
    ],
  });
  return resolveChart(spec, 'content/charts/test-merchants.json', datasets);
}

const download = (title: string) =>
  standaloneGraphic(resolveCssVars(renderChart(realChart(title), 'zh'), CHART_VARS), {
    lang: 'zh-CN',
    lines: ['图：县域故事', 'https://county-stories.example.org/charts/#test-merchants'],
    background: LIGHT.bg,
    colour: LIGHT.muted,
    titleColour: LIGHT.fg,
    size: 11,
  });

function darkRows(png: PNG, y0: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i] < 90 && png.data[i + 1] < 90 && png.data[i + 2] < 90) n++;
    }
  return n;
}

describe('chart downloads', () => {
  it('resolve the chart stylesheet so SVG tools and resvg draw it: no var(), no @media', () => {
    const flat = resolveCssVars(`<svg><style>${CHART_STYLE}</style></svg>`, CHART_VARS);
    expect(flat).not.toContain('var(');
    expect(flat).not.toContain('@media');
    expect(flat).toContain(`.ch .bar,.ch .fill{fill:${LIGHT.accent}}`);
  });

  it('render a real chart to a 1280-px PNG with its Chinese title drawn in', async () => {
    const titled = await svgToPng(download('公益宝贝参与商家增长近10倍'), { width: PNG_WIDTH, cache: false });
    const blank = await svgToPng(download(' '), { width: PNG_WIDTH, cache: false });
    expect(titled.width).toBe(PNG_WIDTH);
    expect(titled.width).toBeGreaterThanOrEqual(1200);
    const a = PNG.sync.read(titled.png);
    const b = PNG.sync.read(blank.png);
    expect([a.width, a.height]).toEqual([titled.width, titled.height]);
    // The title sits at the top (about 12–35 viewBox units, ×4 in the PNG).
    expect(darkRows(a, 40, 140)).toBeGreaterThan(3000);
    expect(darkRows(b, 40, 140)).toBe(0);
  });

  it('draw the credit and the source line (with the dataset version) under the chart', () => {
    const svg = download('公益宝贝参与商家增长近10倍');
    expect(svg).toContain('图：县域故事');
    expect(svg).toContain('gongyi-baobei@1.0.0');
    expect(svgSize(svg).width).toBe(svgSize(renderChart(realChart('x'), 'zh')).width);
  });
});

describe('embed colour scheme', () => {
  it('is light unless <html data-theme> says dark, or auto in a dark scheme; the switch reads only ?theme=dark|auto', () => {
    expect(EMBED_STYLE).toMatch(new RegExp(`^:root \\{ color-scheme: light; --bg: ${LIGHT.bg};`));
    expect(EMBED_STYLE).toContain(`:root[data-theme=dark] { color-scheme: dark; --bg: ${DARK.bg};`);
    expect(EMBED_STYLE).toContain(`@media (prefers-color-scheme: dark) { :root[data-theme=auto] { color-scheme: dark; --bg: ${DARK.bg};`);
    expect(EMBED_STYLE).toContain(`:root[data-theme=dark] .geo-map .land{fill:${MAP_DARK.land}`);
    expect(THEME_SWITCHER).toContain('["dark","auto"]');
  });
  it('the chart stylesheet goes dark only on screens, where the page does not fix light', () => {
    expect(CHART_STYLE).toContain(`@media screen and (prefers-color-scheme:dark){:root:not([data-theme=light]) .ch{--bg:${DARK.bg}`);
    expect(CHART_STYLE).toContain(`@media screen{:root[data-theme=dark] .ch{--bg:${DARK.bg}`);
    expect(CHART_STYLE).not.toMatch(/(^|\})@media \(prefers-color-scheme/);
  });
});

describe('embed snippet and oEmbed', () => {
  const figure = { width: 320, height: 400 };
  const snippet = embedSnippet({ src: 'https://s.example/embed/charts/a/', title: '标题 "引号" <b>', script: 'https://s.example/embed.js', figure });

  it('gives an iframe with a sensible default height and the optional resize script', () => {
    expect(snippet).toContain('<iframe src="https://s.example/embed/charts/a/"');
    expect(snippet).toContain(`height="${embedHeight(figure)}"`);
    expect(embedHeight(figure)).toBe(Math.ceil(400 * (EMBED_WIDTH / 320)) + 36);
    // A map's embed shows its boundary credit on a second line.
    expect(embedHeight({ ...figure, footerLines: 2 })).toBe(embedHeight(figure) + EMBED_FOOTER_LINE);
    expect(snippet).toContain('title="标题 &quot;引号&quot; &lt;b&gt;"');
    expect(snippet).toContain('<script src="https://s.example/embed.js" async></script>');
  });

  it('carries an image fallback in <noscript> (escaped alt text, linking to the page), or a link where no image shows that version', () => {
    const image = { src: 'https://s.example/a.newsletter.png', alt: '标题：甲 "1" <2>', href: 'https://s.example/charts/a/', width: 1200, height: 1500 };
    const withImage = embedSnippet({ src: 'https://s.example/embed/charts/a/', title: 't', script: 'https://s.example/embed.js', figure, fallback: image });
    expect(withImage).toContain(
      '<noscript><a href="https://s.example/charts/a/"><img src="https://s.example/a.newsletter.png" alt="标题：甲 &quot;1&quot; &lt;2&gt;" width="640" height="800"',
    );
    expect(withImage.indexOf('<noscript>')).toBeGreaterThan(withImage.indexOf('</iframe>'));
    expect(imageSnippet(image, 600)).toMatch(/^<a href="https:\/\/s.example\/charts\/a\/"><img [^>]*width="600" height="750"[^>]*><\/a>$/);
    const withLink = embedSnippet({
      src: 'https://s.example/embed/charts/a/1.0.0/',
      title: 't',
      script: 's',
      figure,
      fallback: { href: 'https://s.example/embed/charts/a/1.0.0/', text: 'T <1>' },
    });
    expect(withLink).toContain('<noscript><a href="https://s.example/embed/charts/a/1.0.0/">T &lt;1&gt;</a></noscript>');
    expect(snippet).not.toContain('<noscript>');
  });

  it('reads ?plain (any value but 0) in the same inline script as ?theme=', () => {
    expect(THEME_SWITCHER).toContain('"plain"');
    expect(EMBED_STYLE).toContain(':root[data-plain] figure svg .title');
  });

  it('answers oEmbed as a "rich" type with the same snippet', () => {
    const o = oembedJson({
      src: 'https://s.example/embed/charts/a/',
      title: 't',
      siteName: '县域故事',
      siteUrl: 'https://s.example/',
      script: 'https://s.example/embed.js',
      figure,
      thumbnail: { url: 'https://s.example/a.png', width: 1280, height: 1700 },
    });
    expect(o).toMatchObject({ version: '1.0', type: 'rich', width: EMBED_WIDTH, height: embedHeight(figure), thumbnail_width: 1280 });
    expect(o.html).toContain('<iframe');
  });

  it("posts its height under one message type, answers the host script's request, and stays tiny", () => {
    expect(HEIGHT_SENDER).toContain(JSON.stringify(HEIGHT_MESSAGE));
    expect(HEIGHT_SENDER).toContain(JSON.stringify(HEIGHT_REQUEST));
    // The host side is a static file (public/embed.js): it must speak the same two message types.
    const hostScript = readFileSync('public/embed.js', 'utf8');
    expect(hostScript).toContain(`'${HEIGHT_MESSAGE}'`);
    expect(hostScript).toContain(`'${HEIGHT_REQUEST}'`);
    expect(HEIGHT_SENDER.length).toBeLessThan(500);
  });
});

describe('roundPathData', () => {
  it('rounds coordinates in path data only', () => {
    expect(roundPathData('<svg width="800.5"><path d="M12.4,-3.6L.7,100.5Z"/><text x="1.5">2.5</text></svg>')).toBe(
      '<svg width="800.5"><path d="M12,-4L1,101Z"/><text x="1.5">2.5</text></svg>',
    );
  });
});
