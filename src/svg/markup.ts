/**
 * Writing SVG markup as strings, safely. Every piece of text that comes from
 * a dataset or a chart spec goes through esc(), so a label such as
 * `<script>` or `"><img onerror=…>` stays text in SVG and in HTML.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape for both element content and double- or single-quoted attribute values. */
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

const CHARACTERS: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of escaped markup: esc() undone, and any numeric character reference (&#39; &#x4E2D;) read. */
export const unesc = (markup: string): string =>
  markup.replace(/&(amp|lt|gt|quot|apos|#[xX][0-9a-fA-F]+|#\d+);/g, (_, name: string) =>
    name[0] !== '#' ? CHARACTERS[name] : String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))),
  );

/** Coordinates rounded to 0.1 unit: enough for any screen, and short markup. */
export const num = (n: number): string => String(Math.round(n * 10) / 10);

type AttrValue = string | number | undefined | false;

/** ` a="1" b="x"`: attribute values escaped, numbers rounded, empty ones left out. */
export function attrs(values: Record<string, AttrValue>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== false && v !== '')
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(v) : esc(v as string)}"`)
    .join('');
}

/** An element with escaped attributes; `inner` must already be markup (escape text with esc()). */
export const el = (name: string, values: Record<string, AttrValue>, inner?: string): string =>
  inner === undefined ? `<${name}${attrs(values)}/>` : `<${name}${attrs(values)}>${inner}</${name}>`;
