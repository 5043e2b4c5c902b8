/**
 * Embeds and image downloads of charts and maps, as pure functions:
 *   - the copy-paste iframe snippet and the oEmbed response for a CMS;
 *   - the script an embed page runs to report its height to the host page
 *     (the host side is public/embed.js);
 *   - the standalone figure for downloads: the chart or map with a credit
 *     line drawn in, and colours resolved so any SVG tool (and resvg, for the
 *     PNG) draws it the same.
 */
import { FONT } from '#/svg/font.ts';
import { esc } from '#/svg/markup.ts';
import { DARK, LIGHT, type Palette } from '#/svg/palette.ts';
import { mapDarkRules } from '#/svg/stylesheets.ts';
import { wrapText } from '#/svg/text.ts';
import { widthsCss } from '#/svg/widths.ts';

/**
 * The width an embed snippet asks for (its iframe shows the chart's 600-unit
 * layout there, src/svg/widths.ts); download PNGs are 2× of it, 1280 px: the
 * widest layout (840 units) at about 1.5×.
 */
export const EMBED_WIDTH = 640;
export const PNG_SCALE = 2;
/** Room under the figure in an embed page for its credit line, in CSS pixels. */
export const EMBED_FOOTER = 36;
/** Each further line under the figure (a map's boundary credit): 12 px at a line height of 1.5. */
export const EMBED_FOOTER_LINE = 18;

const embedVars = (p: Palette) => `--bg: ${p.bg}; --fg: ${p.fg}; --mu: ${p.muted}; --ac: ${p.accent};`;
const darkRoot = (selector: string) => `${selector} { color-scheme: dark; ${embedVars(DARK)} }${mapDarkRules(selector)}`;

/**
 * An embed's colour scheme, chosen by the host with `?theme=` on the embed's
 * URL: light (the default, whatever the reader's setting: an embed sits in
 * the host's article, which is usually white), dark, or auto (follow the
 * reader's setting, as the site's own pages do).
 */
export const EMBED_THEMES = ['light', 'dark', 'auto'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];
export const DEFAULT_EMBED_THEME: EmbedTheme = 'light';

/** `?plain` on an embed's URL (any value but 0): the figure without its title and without the site's credit line. */
export const PLAIN_PARAM = 'plain';

/**
 * Inline script in the embed page's <head>: sets `data-theme` on <html> from
 * `?theme=dark` or `?theme=auto`, and `data-plain` from `?plain`. The page is
 * written with data-theme="light" and no data-plain, so without JavaScript
 * (or without the options) it is light, with its title and credit line.
 */
export const THEME_SWITCHER = `(()=>{const p=new URLSearchParams(location.search),t=p.get("theme"),d=document.documentElement.dataset;if(${JSON.stringify(EMBED_THEMES.filter((x) => x !== DEFAULT_EMBED_THEME))}.includes(t))d.theme=t;if(p.has(${JSON.stringify(PLAIN_PARAM)})&&p.get(${JSON.stringify(PLAIN_PARAM)})!=="0")d.plain=""})();`;

/**
 * The embed page's stylesheet, inline (one request fewer) and allowed by its
 * hash (src/publishing/csp.ts): light, unless <html data-theme> says "dark",
 * or "auto" and the reader's scheme is dark. The chart stylesheet follows the
 * same attribute (src/svg/style.ts); a map's light colours are in its SVG,
 * the dark ones are restyled here.
 */
export const EMBED_STYLE = [
  `:root { color-scheme: light; ${embedVars(LIGHT)} }`,
  darkRoot(':root[data-theme=dark]'),
  `@media (prefers-color-scheme: dark) { ${darkRoot(':root[data-theme=auto]')} }`,
  `html, body { margin: 0; background: var(--bg); color: var(--fg); font-family: ${FONT}; }`,
  'figure { margin: 0; }',
  'figure svg { display: block; width: 100%; height: auto; }',
  // A chart or locator map drawn for several widths: the frame shows the one drawn for its width.
  widthsCss('', 0),
  'footer { padding: 6px 8px 8px; font-size: 12px; line-height: 1.5; color: var(--mu); }',
  '.credit { margin: 0; }',
  '.credit a { color: var(--ac); }',
  // Plain mode: no title, no site credit; the data's own attributions (a chart's source line, a map's boundary credit) stay.
  ':root[data-plain] figure svg .title, :root[data-plain] .credit:not(.attribution), :root[data-plain] footer:not(:has(.attribution)) { display: none; }',
  '.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; margin: 0; }',
].join('');

/** The message an embed page posts to its host. */
export const HEIGHT_MESSAGE = 'county-stories:embed-height';
/** What public/embed.js sends each of our iframes when it starts (and when one loads): "say your height". */
export const HEIGHT_REQUEST = 'county-stories:embed-height-please';

/**
 * Inline script for an embed page: posts the document's height to the host on
 * load, whenever it changes, and whenever the host asks (HEIGHT_REQUEST). The
 * asking is what makes a late embed.js work: the frame's first post may have
 * gone to a page with nobody listening yet. Tiny and dependency-free.
 */
export const HEIGHT_SENDER = `(()=>{if(parent===window)return;let h=0;const s=(f)=>{const n=Math.ceil(document.documentElement.getBoundingClientRect().height);if(f===true||n!==h){h=n;parent.postMessage({type:${JSON.stringify(HEIGHT_MESSAGE)},height:n,href:location.href},"*")}};addEventListener("load",s);addEventListener("message",(e)=>{if(e.source===parent&&e.data&&e.data.type===${JSON.stringify(HEIGHT_REQUEST)})s(true)});new ResizeObserver(s).observe(document.documentElement);s()})();`;

/** The figure's natural size from its SVG's width/height (or viewBox). */
export function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const attr = (name: string) => new RegExp(`\\s${name}="([\\d.]+)"`).exec(open)?.[1];
  const viewBox = /\sviewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"/.exec(open);
  const width = Number(attr('width') ?? viewBox?.[1]);
  const height = Number(attr('height') ?? viewBox?.[2]);
  if (!width || !height) throw new Error('an embedded figure must be an SVG with width and height (or a viewBox)');
  return { width, height };
}

/** An embedded figure's natural size, and how many lines its embed page shows under it (1: the credit; maps add their boundary credit). */
export interface EmbedFigure {
  width: number;
  height: number;
  footerLines?: number;
}

/** Height of an embed page at `width` CSS pixels: the figure scaled to the width, plus its credit lines. */
export const embedHeight = (figure: EmbedFigure, width = EMBED_WIDTH) =>
  Math.ceil((figure.height * width) / figure.width) + EMBED_FOOTER + EMBED_FOOTER_LINE * ((figure.footerLines ?? 1) - 1);

/** A static image of the graphic, for hosts and readers an iframe does not reach. */
export interface ImageFallback {
  /** Absolute URL of the PNG. */
  src: string;
  /** What the image shows, in words (its alt text). */
  alt: string;
  /** Absolute URL of the graphic's page on the site: the image links there. */
  href: string;
  /** The PNG's size in pixels. */
  width: number;
  height: number;
}

export interface SnippetOptions {
  /** Absolute URL of the embed page. */
  src: string;
  title: string;
  /** Absolute URL of public/embed.js. */
  script: string;
  figure: EmbedFigure;
  /**
   * Shown inside <noscript> where the host runs no script (feeds, some CMSs):
   * the image, or (where no image shows what the iframe shows: an older
   * pinned version) a link to the embed page.
   */
  fallback?: ImageFallback | { href: string; text: string };
}

/**
 * The image alone, linking to the graphic's page, shown at most `width` CSS
 * pixels wide: for hosts that strip iframes, feeds and newsletters.
 */
export function imageSnippet(image: ImageFallback, width = EMBED_WIDTH): string {
  const height = Math.round((image.height * width) / image.width);
  return `<a href="${esc(image.href)}"><img src="${esc(image.src)}" alt="${esc(image.alt)}" width="${width}" height="${height}" style="display:block;border:0;width:100%;max-width:${width}px;height:auto"></a>`;
}

/**
 * The copy-paste snippet. Without the script the iframe keeps its default
 * height, and where aspect-ratio is supported it also follows its width.
 * With a fallback, a <noscript> holds the image linking to the graphic's page.
 */
export function embedSnippet({ src, title, script, figure, fallback }: SnippetOptions): string {
  const height = embedHeight(figure);
  const style = `border:0;width:100%;max-width:${EMBED_WIDTH}px;height:${height}px`;
  const iframe = `<iframe src="${esc(src)}" title="${esc(title)}" width="${EMBED_WIDTH}" height="${height}" style="${style}" loading="lazy"></iframe>`;
  const inner = !fallback ? '' : 'src' in fallback ? imageSnippet(fallback) : `<a href="${esc(fallback.href)}">${esc(fallback.text)}</a>`;
  const noscript = inner && `\n<noscript>${inner}</noscript>`;
  return `${iframe}${noscript}\n<script src="${esc(script)}" async></script>`;
}

export interface OembedOptions {
  src: string;
  title: string;
  siteName: string;
  siteUrl: string;
  script: string;
  figure: EmbedFigure;
  fallback?: SnippetOptions['fallback'];
  /** Optional in oEmbed 1.0; a pinned version has no image of its own. */
  thumbnail?: { url: string; width: number; height: number };
}

/** oEmbed 1.0 "rich" response, served as a static file per figure and edition. */
export function oembedJson(o: OembedOptions) {
  return {
    version: '1.0',
    type: 'rich',
    title: o.title,
    provider_name: o.siteName,
    provider_url: o.siteUrl,
    author_name: o.siteName,
    author_url: o.siteUrl,
    html: embedSnippet(o),
    width: EMBED_WIDTH,
    height: embedHeight(o.figure),
    ...(o.thumbnail && { thumbnail_url: o.thumbnail.url, thumbnail_width: o.thumbnail.width, thumbnail_height: o.thumbnail.height }),
    cache_age: 86400,
  };
}

/**
 * Replace CSS custom properties (var(--x)) by their values and drop @media
 * blocks: SVG editors and resvg do not evaluate them. `vars` maps "--bg" to
 * a colour.
 */
export function resolveCssVars(svg: string, vars: Record<string, string>): string {
  return svg.replace(/<style>([\s\S]*?)<\/style>/g, (_, css: string) => {
    let flat = css;
    // Remove @media blocks (one level of nested braces).
    flat = flat.replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
    flat = flat.replace(/var\((--[\w-]+)\)/g, (m, name: string) => vars[name] ?? m);
    // Declarations of the custom properties themselves are now unused.
    flat = flat.replace(/--[\w-]+:[^;}]+;?/g, '');
    return `<style>${flat}</style>`;
  });
}

/** One rule of the chart stylesheet: `.ch`, `.ch text` or `.ch .class`, its specificity and its declarations. */
interface Rule {
  tag?: string;
  className: string;
  specificity: number;
  order: number;
  declarations: [string, string][];
}

function parseRules(css: string): Rule[] {
  const rules: Rule[] = [];
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declarations = body
      .split(';')
      .map((d) => d.split(':').map((x) => x.trim()))
      .filter((d): d is [string, string] => d.length === 2 && d[0] !== '' && d[1] !== '');
    for (const selector of selectors.split(',').map((x) => x.trim())) {
      const m = /^\.ch(?:\s+(?:\.([\w-]+)|([a-z]+)))?$/.exec(selector);
      if (!m) throw new Error(`chart stylesheet: a download cannot carry the selector "${selector}" as attributes (only .ch, .ch <tag> and .ch .<class>)`);
      const [, className, tag] = m;
      rules.push({
        tag,
        className: className ?? 'ch',
        specificity: className ? 20 : tag ? 11 : 10,
        order: rules.length,
        declarations,
      });
    }
  }
  return rules.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
}

/** An attribute value from a CSS value: lengths in px lose their unit. */
const attributeValue = (value: string) => value.replace(/^(-?[\d.]+)px$/, '$1');

/**
 * A chart SVG with its stylesheet written onto its elements as presentation
 * attributes (fill, stroke, font-family …, custom properties resolved with
 * `vars`, the light palette) and the <style> removed: a tool that ignores
 * <style> draws it as a browser does. The chart's root keeps class="ch".
 */
export function inlineChartStyle(svg: string, vars: Record<string, string>): string {
  const css = /<style>([\s\S]*?)<\/style>/.exec(resolveCssVars(svg, vars))?.[1];
  if (css === undefined) return svg;
  const rules = parseRules(css);
  const inChart = svg.replace(/<style>[\s\S]*?<\/style>/g, '');
  return inChart.replace(/<([a-zA-Z]+)\b([^>]*?)(\/?)>/g, (tag, name: string, attrs: string, close: string) => {
    const classes = /\sclass="([^"]*)"/.exec(attrs)?.[1].split(/\s+/) ?? [];
    const own = new Map<string, string>();
    for (const rule of rules) {
      const matches = rule.specificity === 10 ? classes.includes('ch') : rule.tag ? rule.tag === name : classes.includes(rule.className);
      if (matches) for (const [property, value] of rule.declarations) own.set(property, attributeValue(value));
    }
    if (!own.size) return tag;
    // A stylesheet wins over an element's own presentation attribute: replace it.
    let out = attrs;
    for (const [property, value] of own) {
      const existing = new RegExp(`\\s${property}="[^"]*"`);
      out = existing.test(out) ? out.replace(existing, ` ${property}="${esc(value)}"`) : `${out} ${property}="${esc(value)}"`;
    }
    return `<${name}${out}${close}>`;
  });
}

const STROKE_ATTRIBUTES = /\s(?:stroke|stroke-width|stroke-linejoin|stroke-linecap|stroke-opacity|paint-order)="[^"]*"/g;

/**
 * Every <text> whose halo relies on paint-order="stroke" (SVG 2, which many
 * tools ignore) drawn as two: a copy filled and stroked in the halo colour
 * underneath, and the text itself filled, without a stroke, on top.
 */
export function splitHalos(svg: string): string {
  return svg.replace(/<text\b([^>]*)>([\s\S]*?)<\/text>/g, (whole, attrs: string, body: string) => {
    if (!/\spaint-order="stroke/.test(attrs)) return whole;
    const halo = /\sstroke="([^"]*)"/.exec(attrs)?.[1];
    if (!halo || halo === 'none') return `<text${attrs.replace(/\spaint-order="[^"]*"/, '')}>${body}</text>`;
    const under = attrs
      .replace(/\s(?:id|class|paint-order)="[^"]*"/g, '')
      .replace(/\sfill="[^"]*"/, '')
      .concat(` fill="${halo}" aria-hidden="true"`);
    return `<text${under}>${body}</text><text${attrs.replace(STROKE_ATTRIBUTES, '')}>${body}</text>`;
  });
}

export interface StandaloneOptions {
  /** The image's language (an HTML lang): the PNG renderer picks Chinese or English punctuation by it. */
  lang: string;
  /** Drawn above the figure, for figures without their own title (maps). */
  title?: string;
  /** Drawn under the figure: a source line if the figure has none, then the credit and the permanent URL. */
  lines: string[];
  background: string;
  colour: string;
  titleColour?: string;
  /** Font size of the lines under the figure, in the figure's units; the title is 1.4× as large. */
  size: number;
}

/**
 * The figure as one standalone SVG of its own width, with the words a
 * reposted image needs drawn in: title (if asked), source line and credit.
 * Halos are drawn without paint-order (splitHalos); a chart's stylesheet is
 * for the caller to inline first (inlineChartStyle).
 */
export function standaloneGraphic(svg: string, o: StandaloneOptions): string {
  const { width, height } = svgSize(svg);
  const maxWidth = width - 2 * o.size;
  const titleSize = Math.round(o.size * 1.4 * 10) / 10;
  const titleLines = o.title ? wrapText(o.title, maxWidth, titleSize, true, { maxLines: 3 }) : [];
  const lines = o.lines.flatMap((l) => wrapText(l, maxWidth, o.size, false, { maxLines: 3 }));
  const lead = o.size * 1.4;
  const top = titleLines.length ? Math.ceil(o.size + titleLines.length * titleSize * 1.3) : 0;
  const total = Math.ceil(top + height + o.size * 0.8 + lines.length * lead + o.size * 0.6);
  const text = (y: number, size: number, content: string, weight = '400', colour = o.colour) =>
    `<text x="${o.size}" y="${Math.round(y * 10) / 10}" font-size="${size}" font-weight="${weight}" fill="${colour}">${esc(content)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${esc(FONT)}" lang="${esc(o.lang)}">`,
    `<rect width="${width}" height="${total}" fill="${o.background}"/>`,
    ...titleLines.map((l, i) => text(o.size * 0.6 + (i + 1) * titleSize * 1.3 - titleSize * 0.3, titleSize, l, '700', o.titleColour ?? o.colour)),
    splitHalos(svg).replace(/^<svg\b/, `<svg x="0" y="${top}"`),
    ...lines.map((l, i) => text(top + height + o.size * 0.8 + (i + 1) * lead - lead * 0.3, o.size, l)),
    '</svg>',
  ].join('');
}

/**
 * Round the coordinates in path data to whole units. For a map drawn 800
 * units wide and shown at most 640 px wide in an embed, the error stays under
 * half a pixel and the page is about 40% lighter.
 */
export const roundPathData = (svg: string) =>
  svg.replace(/\sd="([^"]*)"/g, (_, d: string) => ` d="${d.replace(/-?\d*\.\d+/g, (n) => String(Math.round(Number(n))))}"`);
