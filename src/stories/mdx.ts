/**
 * Story MDX, read by the parser that compiles it. Astro's MDX integration
 * compiles stories with Sätteri (satteri, through @astrojs/markdown-satteri);
 * reading them with the same parser means the checks see exactly what
 * would be compiled: no regular expression over the raw text.
 *
 * A story is prose (Markdown) and the site's own components, nothing else
 * (AUTHORING.md, "Write a story"). `storyCodeProblems` refuses everything
 * that could run code or inject markup when the MDX is compiled or rendered:
 * `import`/`export`, `{…}` expressions, any element that is not one of the
 * components below, attributes that are not plain strings, links to
 * `javascript:`/`data:` URLs. It runs in src/integration.ts before Astro
 * compiles anything, and again as a guard inside the MDX compiler itself
 * (`storyGuard`, astro.config.mjs), so a story edited while the dev server
 * runs is refused too.
 */
import { lessThanAdvice, strayLessThan } from './less-than.ts';
import { lineAndColumn } from '#/authoring/location.ts';
import { mdxToMdast } from 'satteri';
import type { MdastPluginEntry } from 'satteri';
import { fileURLToPath } from 'node:url';
import { DataError, SourceError } from '#/authoring/errors.ts';

/** The site's components a story may use, and the attributes each takes (all plain strings, all required). */
export const STORY_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  Fig: ['data', 'row', 'field'],
  Chart: ['id'],
};

export interface Point {
  line: number;
  column: number;
  offset?: number;
}

/** The mdast nodes the checks read (Sätteri's tree is standard mdast + MDX). */
export interface MdxNode {
  type: string;
  position?: { start: Point; end: Point };
  children?: MdxNode[];
  value?: string | null;
  /** mdxJsx*Element: tag name (null for a fragment <>…</>). */
  name?: string | null;
  attributes?: MdxAttribute[];
  /** link, image, definition */
  url?: string;
  alt?: string | null;
  title?: string | null;
  depth?: number;
}

export type MdxAttribute =
  | { type: 'mdxJsxAttribute'; name: string; value?: string | null | { type: 'mdxJsxAttributeValueExpression'; value: string } }
  | { type: 'mdxJsxExpressionAttribute'; value: string };

/** An MDX syntax error, with its place in the file. */
export class MdxSyntaxError extends Error {
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(line: number, column: number, reason: string) {
    super(`${line}:${column}: ${reason}`);
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

const parsed = new Map<string, MdxNode>();

/**
 * Parse MDX (a whole story file with its front matter, or a body alone) into
 * mdast with positions. Parsed once per text for the whole process: the
 * binding, the translation check and the prose check all read the same files.
 */
export function parseMdx(source: string): MdxNode {
  let tree = parsed.get(source);
  if (!tree) {
    try {
      tree = mdxToMdast(source) as unknown as MdxNode;
    } catch (e) {
      const message = (e as Error).message;
      const at = /^(\d+):(\d+):\s*(.*)$/s.exec(message);
      throw at ? new MdxSyntaxError(Number(at[1]), Number(at[2]), at[3]) : new MdxSyntaxError(1, 1, message);
    }
    if (parsed.size > 500) parsed.clear(); // the dev server parses every edit
    parsed.set(source, tree);
  }
  return tree;
}

/** Every node, depth first, in document order. */
export function* walk(node: MdxNode): Generator<MdxNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

export const isJsxElement = (n: MdxNode) => n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';

/** The plain string attributes of an element (expressions and boolean attributes are left out). */
export function stringAttributes(node: MdxNode): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const a of node.attributes ?? []) if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') attrs[a.name] = a.value;
  return attrs;
}

/** Attributes of each <Tag …/> in an MDX text, in order. Only plain string attributes are read. */
export function findTags(source: string, tag: string): Record<string, string>[] {
  return [...walk(parseMdx(source))].filter((n) => isJsxElement(n) && n.name === tag).map(stringAttributes);
}

/** What to write instead of an HTML element a story may not contain. */
function insteadOf(tag: string): string {
  const t = tag.toLowerCase();
  if (t === 'a') return 'write a link as [text](https://…) or, within the site, [text](/themes/envoys/)';
  if (t === 'img' || t === 'picture') return 'write an image as ![what it shows](/path/to/image.png)';
  if (t === 'script' || t === 'style' || t === 'link' || t === 'meta') return 'a story carries no scripts or styles; the layout provides them';
  if (['iframe', 'embed', 'object', 'video', 'audio', 'form', 'input', 'button'].includes(t)) return 'link to it instead: [text](https://…)';
  if (t === 'b' || t === 'strong') return 'write bold text as **text**';
  if (t === 'i' || t === 'em') return 'write emphasis as *text*';
  if (t === 'br' || t === 'p' || t === 'div' || t === 'span') return 'write plain paragraphs, separated by a blank line';
  if (/^h[1-6]$/.test(t)) return 'write a heading as ## Heading';
  if (['ul', 'ol', 'li'].includes(t)) return 'write a list as lines starting with "- "';
  if (['table', 'tr', 'td', 'th'].includes(t)) return 'write a table in Markdown: | a | b |';
  return 'write it in Markdown';
}

const componentList = Object.keys(STORY_COMPONENTS)
  .map((c) => `<${c}>`)
  .join(', ');
const componentUsage = (name: string) => `<${name} ${STORY_COMPONENTS[name].map((a) => `${a}="…"`).join(' ')} />`;

/** A URL scheme is allowed in a link or an image only if it is one of these (relative URLs have none). */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** "javascript" for "  JavaScript:alert(1)" (browsers ignore control characters and spaces in a scheme), or undefined for a relative URL. */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1].toLowerCase();
}

const snippet = (text: string, max = 60) => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
};

/**
 * Everything in a story file that is not prose or one of the site's
 * components, each with its place and what to write instead. An MDX syntax
 * error is reported the same way (nothing else can be checked then).
 */
export function storyCodeProblems(source: string, file: string): SourceError[] {
  let tree: MdxNode;
  try {
    tree = parseMdx(source);
  } catch (e) {
    if (!(e instanceof MdxSyntaxError)) throw e;
    // The commonest cause, a "<" typed as a sign ("<5%"), gets the plain explanation the dev server gives.
    const [stray] = strayLessThan(source);
    if (stray !== undefined) {
      const { line, column } = lineAndColumn(source, stray);
      return [new SourceError(file, line, column, lessThanAdvice(source.split('\n')[line - 1].trim()))];
    }
    return [
      new SourceError(
        file,
        e.line,
        e.column,
        `is not valid MDX: ${e.reason}. A story is Markdown with ${componentList} only; to show a literal < or {, escape it as \\< or \\{`,
      ),
    ];
  }
  const problems: SourceError[] = [];
  const at = (node: MdxNode, detail: string) => problems.push(new SourceError(file, node.position?.start.line ?? 1, node.position?.start.column ?? 1, detail));
  for (const node of walk(tree)) {
    switch (node.type) {
      case 'mdxjsEsm':
        at(
          node,
          `"${snippet(node.value ?? '')}": import and export are not allowed in a story (they run code when the site is built). ${componentList} need no import; write the text itself`,
        );
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        at(
          node,
          `"{${snippet(node.value ?? '')}}": an expression in braces runs code when the site is built and is not allowed in a story. Write the text itself; to show a brace, escape it as \\{`,
        );
        break;
      case 'html':
        at(node, `"${snippet(node.value ?? '')}": raw HTML is not allowed in a story; write it in Markdown`);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        problems.push(...elementProblems(node, file));
        break;
      case 'link':
      case 'image':
      case 'definition': {
        const scheme = urlScheme(node.url ?? '');
        if (scheme && !SAFE_SCHEMES.has(scheme)) {
          at(
            node,
            `the ${node.type === 'image' ? 'image' : 'link'} target "${snippet(node.url ?? '')}" uses "${scheme}:", which is not allowed: ${node.type === 'image' ? 'an image comes from the site, ![what it shows](/path/to/image.png)' : 'write a link as [text](https://…) or, within the site, [text](/themes/envoys/)'}`,
          );
        }
        break;
      }
    }
  }
  return problems;
}

function elementProblems(node: MdxNode, file: string): SourceError[] {
  const { line, column } = node.position?.start ?? { line: 1, column: 1 };
  const err = (detail: string) => new SourceError(file, line, column, detail);
  if (!node.name) return [err(`a fragment <>…</> is not allowed in a story; write the text itself`)];
  const allowed = STORY_COMPONENTS[node.name];
  if (!allowed) {
    const handlers = (node.attributes ?? []).filter((a) => a.type === 'mdxJsxAttribute' && /^on/i.test(a.name)).map((a) => (a as { name: string }).name);
    const handlerNote = handlers.length ? ` (with the event handler ${handlers.join(', ')})` : '';
    return [
      err(`<${node.name}>${handlerNote} is not allowed in a story: a story is prose and the site's components ${componentList}. ${insteadOf(node.name)}`),
    ];
  }
  const problems: SourceError[] = [];
  const usage = componentUsage(node.name);
  for (const a of node.attributes ?? []) {
    if (a.type === 'mdxJsxExpressionAttribute') {
      problems.push(err(`<${node.name} {${snippet(a.value)}}>: a spread expression is not allowed; write ${usage} with plain strings`));
      continue;
    }
    if (/^on/i.test(a.name)) {
      problems.push(err(`<${node.name} ${a.name}=…>: event handlers (${a.name}) are not allowed in a story; write ${usage}`));
    } else if (!allowed.includes(a.name)) {
      problems.push(err(`<${node.name} ${a.name}=…>: <${node.name}> takes only ${allowed.map((x) => `${x}="…"`).join(', ')}; write ${usage}`));
    } else if (typeof a.value !== 'string') {
      problems.push(
        err(
          `<${node.name} ${a.name}${a.value ? `={${snippet(a.value.value)}}` : ''}>: the attribute ${a.name} must be a plain string in double quotes, ${a.name}="…" (an expression runs code when the site is built)`,
        ),
      );
    } else {
      const scheme = urlScheme(a.value);
      if (scheme && !SAFE_SCHEMES.has(scheme))
        problems.push(err(`<${node.name} ${a.name}="${snippet(a.value)}">: "${scheme}:" is not allowed in an attribute; write ${usage}`));
    }
  }
  const given = new Set((node.attributes ?? []).flatMap((a) => (a.type === 'mdxJsxAttribute' ? [a.name] : [])));
  const missing = allowed.filter((name) => !given.has(name));
  if (missing.length) problems.push(err(`<${node.name}> has no ${missing.map((m) => `${m}="…"`).join(', ')}; write ${usage}`));
  if (node.children?.length) problems.push(err(`<${node.name}> takes no content between its tags; write it self-closing, ${usage}`));
  return problems;
}

/** content/counties/x.mdx, content/themes/x.mdx and their English translations under content/en/. */
export const STORY_FILE = /(?:^|\/)content\/(?:en\/)?(?:counties|themes)\/[^/]+\.mdx$/;

/**
 * A Sätteri plugin for the MDX compiler (astro.config.mjs): before a story
 * is compiled, refuse it if storyCodeProblems finds anything. The build
 * checks every story before compiling (src/integration.ts); this guard also
 * covers a story edited while the dev server runs. It compiles nothing
 * itself, so it returns no plugin.
 */
export function storyGuard(root: string): MdastPluginEntry {
  return (ctx) => {
    const file = ctx.fileURL && fileURLToPath(ctx.fileURL);
    if (file && STORY_FILE.test(file.replaceAll('\\', '/'))) {
      const relative = file.startsWith(root) ? file.slice(root.length).replace(/^[\\/]/, '') : file;
      // The compiler receives the file with its front matter blanked out, line for line, so positions still match.
      const problems = storyCodeProblems(ctx.source, relative.replaceAll('\\', '/'));
      if (problems.length) throw DataError.combine(problems);
    }
    return null;
  };
}
