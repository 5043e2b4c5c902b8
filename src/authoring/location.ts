/**
 * Where in the author's file a DataError points: line and column, found from
 * what the message already names (src/authoring/errors.ts): a JSON syntax error's position,
 * a `field "rows[2].sales"` path in a JSON file or a story's front matter, or
 * a `<Fig …/>` / `<Chart …/>` tag in a story. Astro shows the location in its
 * error overlay and in build errors, and "Open in editor" opens that file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findNodeAtLocation, parseTree, type JSONPath } from 'jsonc-parser';

export interface Location {
  /** Absolute path, as Astro's overlay expects. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** "rows[2].sales.quote" → ["rows", 2, "sales", "quote"]. */
export function parseFieldPath(field: string): JSONPath {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/** Offset of the value at `jsonPath`, or of its nearest existing parent (a missing key points at its object). */
function jsonOffset(text: string, jsonPath: JSONPath): number | undefined {
  const tree = parseTree(text);
  if (!tree) return undefined;
  for (let n = jsonPath.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, jsonPath.slice(0, n));
    // A property's key, where the author reads the name, rather than its value.
    if (node) return node.parent?.type === 'property' ? node.parent.offset : node.offset;
  }
  return undefined;
}

const attributes = (text: string) => Object.fromEntries([...text.matchAll(/([a-zA-Z-]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1], a[2]]));

/** Offset of the first tag in `text` with the name and attributes of a tag quoted in `message` (the first quoted that is there). */
function tagOffset(text: string, message: string): number | undefined {
  for (const quoted of message.matchAll(/<(Fig|Chart)\b([^>]*?)\/?>/g)) {
    const wanted = Object.entries(attributes(quoted[2]));
    for (const m of text.matchAll(new RegExp(`<${quoted[1]}\\b([^>]*?)/?>`, 'g'))) {
      const found = attributes(m[1]);
      if (wanted.every(([k, v]) => found[k] === v)) return m.index;
    }
  }
  return undefined;
}

/** Offset of a `key:` line in a story's front matter (the last part of the field path). */
function frontMatterOffset(text: string, jsonPath: JSONPath): number | undefined {
  const end = text.startsWith('---') ? text.indexOf('\n---', 3) : -1;
  if (end < 0) return undefined;
  for (let n = jsonPath.length; n > 0; n--) {
    const key = jsonPath[n - 1];
    if (typeof key !== 'string') continue;
    const m = new RegExp(`^[ \\t]*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'm').exec(text.slice(0, end));
    if (m) return m.index + m[0].length - m[0].trimStart().length;
  }
  return undefined;
}

/** Where `detail` (the text of a DataError about `file`, project-relative) points in that file; undefined if the file cannot be read. */
export function locate(root: string, file: string, detail: string): Location | undefined {
  let text: string;
  const absolute = path.resolve(root, file);
  try {
    text = readFileSync(absolute, 'utf8');
  } catch {
    return undefined;
  }
  // The JSON reader (src/data/json-file.ts) names the line and column of a syntax error or a repeated key.
  const written = /\bline (\d+), column (\d+)/.exec(detail);
  if (written) return { file: absolute, line: Number(written[1]), column: Number(written[2]) };
  const position = /in JSON at position (\d+)/.exec(detail);
  const field = /field "([^"]+)"/.exec(detail);
  const jsonPath = field ? parseFieldPath(field[1]) : [];
  let offset: number | undefined;
  if (position) offset = Number(position[1]);
  else if (file.endsWith('.json')) offset = field ? jsonOffset(text, jsonPath) : undefined;
  else offset = tagOffset(text, detail) ?? (field ? frontMatterOffset(text, jsonPath) : undefined);
  // No better place: the file's start, so the overlay still shows and opens the author's file, not the code that threw.
  return { file: absolute, ...lineAndColumn(text, offset ?? 0) };
}
