/**
 * The story check, run before any page renders (src/integration.ts), on every
 * story and translation: content/counties, content/themes, content/en/**.
 *
 * 1. Code: a story is prose and the site's components only (src/stories/mdx.ts).
 * 2. No typed numbers: every number a reader sees comes through <Fig>, so a
 *    quantity typed in the prose — digits (half- or full-width), a quantity in
 *    Chinese characters (三十个, 两万元, 六成, 翻了一番, 十余, 上百) or English
 *    number words ("thirty", "30 million", "twice", "doubled", "a dozen") —
 *    stops the build. Headings, list items, table cells, link texts, image
 *    descriptions, and the front matter's title and summary are prose too.
 *    Allowed by rule (NOT_QUANTITIES below): dates and years, 一 and "one"
 *    as an article (一位特派员, 一次, one envoy, one of), ordinals (第一), a
 *    few fixed words (一些, 老百姓, 之一, 零售), titles of works in 《》.
 *    (A year is 19xx/20xx next to 年, a month, or a word such as "in" or
 *    "the": "the 2000 households" would pass as a year; rare enough to
 *    leave to review.) Anything else needs a
 *    reasoned exception in the front matter, `numbersInProse`; an exception
 *    that no longer matches a number is itself an error.
 * 3. Qualifiers: <Fig> prints its figure's qualifiers (超过, 累计, "more
 *    than" …, src/i18n/format.ts); the same or another qualifier typed right next
 *    to it ("累计<Fig …/>") stops the build.
 *
 * The rules are documented for authors in AUTHORING.md, "Write a story".
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { loadAllDatasets, type DatasetIndex } from '#/data/datasets.ts';
import { collect, DataError, SourceError } from '#/authoring/errors.ts';
import { QUALIFIERS, type Qualifier } from '#/data/qualifiers.ts';
import { bindStory, refKey, type ChartLookup, type ResolvedFigure } from './binding.ts';
import { numbersInProse, type NumberInProse } from '#/data/schemas.ts';
import { isJsxElement, MdxSyntaxError, parseMdx, storyCodeProblems, stringAttributes, walk, type MdxNode } from './mdx.ts';
import type { Lang } from '#/i18n/format.ts';

// ——— Where prose is, with its place in the file ———

/** A piece of prose a reader sees, and how to find a character of it in the file. */
export interface Prose {
  text: string;
  /** What the reader sees it as: "paragraph", "heading", "link text", "title" … */
  where: string;
  /** 1-based line and column in the file of text[index]. */
  locate(index: number): { line: number; column: number };
}

/** Offsets to lines and columns, for positions the parser does not give (inside a text, in the front matter). */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(source: string) {
    for (let i = 0; i < source.length; i++) if (source[i] === '\n') this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

const PLACE: Record<string, string> = {
  heading: 'heading',
  link: 'link text',
  linkReference: 'link text',
  tableCell: 'table cell',
  listItem: 'list item',
  blockquote: 'quotation',
};

/** Every piece of prose in an MDX tree: texts, code, image descriptions and link titles. */
function bodyProse(tree: MdxNode, source: string, lines: LineIndex): Prose[] {
  const found: Prose[] = [];
  const visit = (node: MdxNode, where: string) => {
    const here = PLACE[node.type] ?? where; // the innermost place: a link in a list item is a link text
    const add = (text: string | null | undefined, what: string) => {
      if (!text) return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const raw = start !== undefined && end !== undefined ? source.slice(start, end) : undefined;
      // A text's characters map one to one onto the file unless it had escapes or entities (&#49;): then point at the node.
      const base = raw === undefined ? undefined : raw === text ? start! : raw.indexOf(text) >= 0 ? start! + raw.indexOf(text) : undefined;
      found.push({
        text,
        where: what,
        locate: (i) => (base !== undefined ? lines.at(base + i) : { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 }),
      });
    };
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') add(node.value, node.type === 'text' ? here : 'code');
    if (node.type === 'image') add(node.alt, 'image description');
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') add(node.title, 'link title');
    for (const child of node.children ?? []) visit(child, here);
  };
  visit(tree, 'paragraph');
  return found;
}

/** The prose of an MDX text (a story body), as the reader sees it: no tags, no link targets, no code. */
export const proseOf = (mdx: string): string[] => bodyProse(parseMdx(mdx), mdx, new LineIndex(mdx)).map((p) => p.text);

/** The front matter's title and summary, located on their lines. */
function frontMatterProse(front: Record<string, unknown>, source: string, lines: LineIndex, yamlEnd: number): Prose[] {
  const found: Prose[] = [];
  for (const key of ['title', 'summary'] as const) {
    const text = front[key];
    if (typeof text !== 'string') continue;
    const keyAt = new RegExp(`^${key}:`, 'm').exec(source.slice(0, yamlEnd));
    if (!keyAt) continue;
    const lineEnd = source.indexOf('\n', keyAt.index);
    const line = source.slice(keyAt.index, lineEnd < 0 ? undefined : lineEnd);
    const inLine = line.indexOf(text);
    const base = keyAt.index + (inLine >= 0 ? inLine : key.length + 1);
    found.push({ text, where: key, locate: (i) => lines.at(inLine >= 0 ? base + i : base) });
  }
  return found;
}

// ——— What counts as a number ———

/**
 * Quantities, written any way: digits (half- and full-width), Chinese
 * numerals (一 … 十, 百, 千, 万, 亿, 两, 半, 〇, 零; not the financial forms
 * 壹 … 仟, which stand in ordinary words: 陆续, 队伍), the Chinese words for
 * doubling, English number words and fractions.
 */
const QUANTITY =
  /[0-9０-９]+(?:[.,．，][0-9０-９]+)*(?:\s*(?:[十百千万亿]+|(?:hundred|thousand|million|billion|trillion)s?\b))?|[〇零一二两三四五六七八九十百千万亿半]+|翻番|翻倍|成倍|倍增|\b(?:one[\s-]+(?:half|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|twice|thrice|double[sd]?|doubling|triple[sd]?|tripling|quadrupled?|half|halved|halves|(?:two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|multi)fold)\b/gi;

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const YEAR = '(?:19|20)\\d{2}';
const CLASSIFIERS = '位个次种家名条项场套份批座片棵件句段张本篇支所间台辆只头把门封首幅则笔轮届年天周季趟回人类群处股阵声眼步口层';

/**
 * Words and patterns that hold a number but state no quantity. A number is
 * allowed only where one of these covers it completely.
 */
export const NOT_QUANTITIES: { rule: string; pattern: RegExp }[] = [
  {
    rule: 'a date or a year: 2022年7月25日, 2023年, 2023年上半年, 7月25日, 2022-07-25',
    pattern: new RegExp(
      `${YEAR}(?:\\s*[-–—~～至到]\\s*${YEAR})?\\s*年(?:[上下]半年|\\s*(?:1[0-2]|0?[1-9])\\s*月(?:\\s*(?:3[01]|[12]\\d|0?[1-9])\\s*[日号])?)?|(?<![\\d.])(?:1[0-2]|0?[1-9])\\s*月(?:\\s*(?:3[01]|[12]\\d|0?[1-9])\\s*[日号])?|${YEAR}-[01]\\d-[0-3]\\d`,
      'g',
    ),
  },
  {
    rule: 'a date or a year in English: 25 July 2022, July 25, 2022, July 2022, in 2021, the 2022 report, 2021–2023, the 1990s',
    pattern: new RegExp(
      `\\b(?:(?:3[01]|[12]\\d|0?[1-9])\\s+${MONTH}(?:\\s+${YEAR})?|${MONTH}\\s+(?:(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?(?:,\\s*${YEAR})?|${YEAR})|(?:in|since|by|until|till|from|to|of|and|or|between|before|after|during|early|late|mid-?|the|a|an|year|years|for|through)\\s+${YEAR}(?:\\s*[-–—]\\s*${YEAR})?|${YEAR}\\s*[-–—]\\s*${YEAR}|${YEAR}s|${YEAR}(?=[’']s\\b))\\b`,
      'gi',
    ),
  },
  {
    rule: '一 as an article: 一位特派员, 一次, 一个 (not 一番, 一倍, 一成, 一半)',
    pattern: new RegExp(`(?<![〇零一二两三四五六七八九十百千万亿])一(?=[${CLASSIFIERS}])`, 'g'),
  },
  { rule: 'an ordinal: 第一, 第四批', pattern: /第[一二三四五六七八九十百]+/g },
  {
    rule: 'a fixed word: 一些, 一起, 一直, 之一, 这一, 进一步, 老百姓 …',
    pattern:
      /一些|一起|一直|一样|一般|一定|一边|一同|一致|一切|一旦|一道|一体|一度|一方面|一线|一手|一流|一再|一向|一贯|一律|一举|一时|一下|一点|一键|一路|一部分|进一步|[统唯同单之这那另每万]一|十分|万分|老?百姓|百货|零售|零星|零散|零件|零食|零钱/g,
  },
  { rule: 'the title of a work, in 《》', pattern: /《[^》]*》/g },
  {
    rule: '"one" as an article or a pronoun, as 一 above: one envoy, one of, no one, one-tap (not one-third, one and a half)',
    pattern: /\bone\b(?![\s-]+(?:and\s+a\s+half|half|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?\b)/gi,
  },
  { rule: 'half of a year: the first half of 2023', pattern: new RegExp(`\\b(?:first|second)\\s+half\\s+of\\s+${YEAR}\\b`, 'gi') },
];

export interface TypedNumber {
  /** The number as typed: "30", "三十", "thirty". */
  text: string;
  index: number;
}

interface Span {
  start: number;
  end: number;
}

const spansOf = (text: string, pattern: RegExp): Span[] => [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
const covered = (n: TypedNumber, spans: Span[]) => spans.some((s) => s.start <= n.index && n.index + n.text.length <= s.end);

/** Numbers in a text that no rule allows (exceptions aside). */
export function typedQuantities(text: string): TypedNumber[] {
  const allowed = NOT_QUANTITIES.flatMap((r) => spansOf(text, r.pattern));
  return [...text.matchAll(QUANTITY)].map((m) => ({ text: m[0], index: m.index })).filter((n) => !covered(n, allowed));
}

// ——— Qualifiers next to a figure ———
// The language conditionals below are not words for readers: they choose how to
// read what an author typed, which differs by grammar (Chinese qualifiers sit
// around the number, English ones before it), so they stay out of src/i18n/words.ts.

/** What a figure prints around its number in an edition: the words before it and after it. */
function printedQualifiers(qualifiers: readonly Qualifier[], lang: Lang): { before: string[]; after: string[] } {
  if (lang === 'zh') {
    return {
      before: qualifiers.filter((q) => QUALIFIERS[q].position === 'before'),
      after: qualifiers.filter((q) => QUALIFIERS[q].position !== 'before'),
    };
  }
  const en = (qs: Qualifier[]) => qs.map((q) => QUALIFIERS[q].en).filter(Boolean);
  return {
    before: en(qualifiers.filter((q) => QUALIFIERS[q].position !== 'after-unit')),
    after: en(qualifiers.filter((q) => QUALIFIERS[q].position === 'after-unit')),
  };
}

/** Chinese words that end in a qualifier's character but are not qualifiers: 通过, 附近, 到达, 公共 … */
const NOT_QUALIFIERS = /(?:通|经|不|越|跨|度|穿|路)过$|(?:附|最)近$|(?:到|抵|发|表|传|下|送|直)达$|公共$|(?:合|签|预|节|制)约$/;
const ZH_QUALIFIERS = Object.keys(QUALIFIERS).sort((a, b) => b.length - a.length);
/** Synonyms of the qualifiers that an author might type: 将近 for 近, 总共 for 共 … */
const ZH_EXTRA = ['将近', '接近', '大约', '总共', '一共', '合计', '至少', '不少于', '多达'];
/** English qualifiers an author might type. Those that are also ordinary prepositions ("spread over", "talk about") count only when the figure prints the same word. */
const EN_QUALIFIERS = [
  ...new Set([
    ...Object.values(QUALIFIERS)
      .map((q) => q.en)
      .filter(Boolean),
    'almost',
    'roughly',
    'approximately',
    'at least',
    'in total',
  ]),
];
const EN_AMBIGUOUS = new Set(['over', 'about', 'around', 'some', 'up to']);

function typedQualifierBefore(text: string, lang: Lang): string | undefined {
  if (lang === 'zh') {
    const t = text.trimEnd();
    const q = [...ZH_EXTRA, ...ZH_QUALIFIERS].find((w) => t.endsWith(w));
    return q && !NOT_QUALIFIERS.test(t) ? q : undefined;
  }
  const t = text.trimEnd().toLowerCase();
  return [...EN_QUALIFIERS, ...EN_AMBIGUOUS].find((w) => t === w || t.endsWith(` ${w}`) || t.endsWith(`\u00a0${w}`));
}

function typedQualifierAfter(text: string, lang: Lang): string | undefined {
  if (lang === 'zh') {
    const t = text.trimStart();
    return ['以上', '余', '多', '有余', '左右'].find((w) => t.startsWith(w) && !(w === '多' && /^多[少么数样元种]/.test(t)));
  }
  const t = text.trimStart().toLowerCase();
  return ['or more', 'and more', 'or so', 'plus'].find((w) => t === w || t.startsWith(`${w} `) || t.startsWith(`${w},`) || t.startsWith(`${w}.`));
}

// ——— The check ———

export interface StoryFile {
  /** Project-relative path: content/counties/qinglong.mdx */
  file: string;
  source: string;
}

export const isTranslation = (file: string) => /(?:^|\/)content\/en\//.test(file);

const context = (text: string, index: number, length: number) => {
  const from = Math.max(0, index - 8);
  const to = Math.min(text.length, index + length + 8);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
};

const HOW_TO_CITE =
  'cite the figure with <Fig data="…" row="…" field="…" /> or reword without the number; if it is not a quantity, add an exception to the front matter: numbersInProse: [{ text: "…", reason: "…" }] (AUTHORING.md, "Write a story")';

/**
 * Every problem in one story file. `pins` are the dataset versions the
 * original story pins (a translation uses its original's); `datasets` is
 * every released dataset, to find what each <Fig> prints; `findChart`, when
 * the charts are known, binds each <Chart> too.
 */
export function checkStoryFile(story: StoryFile, pins: Record<string, string> | undefined, datasets: DatasetIndex, findChart?: ChartLookup): DataError[] {
  const { file, source } = story;
  const code = storyCodeProblems(source, file);
  let tree: MdxNode;
  try {
    tree = parseMdx(source);
  } catch (e) {
    if (e instanceof MdxSyntaxError) return code; // reported there; nothing else can be read
    throw e;
  }
  const lines = new LineIndex(source);
  const yaml = tree.children?.find((n) => n.type === 'yaml');
  let front: Record<string, unknown> = {};
  try {
    front = (yaml?.value ? parseYaml(yaml.value) : {}) as Record<string, unknown>;
  } catch (e) {
    const mark = (e as { mark?: { line: number; column: number }; reason?: string }).mark;
    return [
      ...code,
      new SourceError(
        file,
        (mark?.line ?? 0) + 2,
        (mark?.column ?? 0) + 1,
        `the front matter is not valid YAML: ${(e as { reason?: string }).reason ?? (e as Error).message}`,
      ),
    ];
  }
  const errors: DataError[] = [...code];
  const yamlEnd = yaml?.position?.end.offset ?? 0;
  const exceptionsAt = Math.max(0, source.slice(0, yamlEnd).indexOf('numbersInProse'));
  const lineOf = (needle: string) => lines.at(Math.max(exceptionsAt, source.slice(0, yamlEnd).indexOf(needle, exceptionsAt)));

  // Exceptions: each must match a typed number somewhere, or it is stale.
  const parsedExceptions = numbersInProse.safeParse(front.numbersInProse ?? []);
  const exceptions: NumberInProse[] = parsedExceptions.success ? parsedExceptions.data : [];
  if (!parsedExceptions.success) {
    const where = lineOf('numbersInProse');
    errors.push(
      new SourceError(
        file,
        where.line,
        where.column,
        `field "numbersInProse": write each exception as { text: "the words as typed", reason: "why it is not a quantity" } (${parsedExceptions.error.issues.map((i) => i.message).join('; ')})`,
      ),
    );
  }
  const used = new Set<NumberInProse>();

  for (const prose of [...frontMatterProse(front, source, lines, yamlEnd), ...bodyProse(tree, source, lines)]) {
    const excepted = exceptions.flatMap((e) => spansOf(prose.text, new RegExp(e.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')).map((s) => ({ ...s, e })));
    for (const n of typedQuantities(prose.text)) {
      const exception = excepted.find((s) => covered(n, [s]));
      if (exception) {
        used.add(exception.e);
        continue;
      }
      const { line, column } = prose.locate(n.index);
      errors.push(
        new SourceError(
          file,
          line,
          column,
          `"${n.text}" in the ${prose.where} "${context(prose.text, n.index, n.text.length)}" is a number typed in the prose: ${HOW_TO_CITE}`,
        ),
      );
    }
  }
  for (const e of exceptions) {
    if (used.has(e)) continue;
    const { line, column } = lineOf(e.text);
    errors.push(
      new SourceError(file, line, column, `field "numbersInProse": the exception "${e.text}" no longer matches a number in the story's prose; remove it`),
    );
  }

  // The binding (src/stories/binding.ts): every pin, <Fig> and <Chart> resolves. Code problems come first:
  // a tag refused there (a missing attribute, an expression) is not reported twice.
  if (pins && !code.length) {
    const bound: DataError[] = [];
    const figures = collect(bound, () => bindStory(source, pins, datasets, file, findChart));
    errors.push(...bound.flatMap((e) => e.parts));
    if (figures) errors.push(...qualifierProblems(tree, source, file, figures));
  }
  return errors;
}

/** A qualifier typed next to a <Fig> that prints qualifiers of its own ("累计<Fig …/>" → 累计累计4000余人). */
function qualifierProblems(tree: MdxNode, source: string, file: string, figures: Map<string, ResolvedFigure>): DataError[] {
  const lang: Lang = isTranslation(file) ? 'en' : 'zh';
  const errors: DataError[] = [];
  for (const parent of walk(tree)) {
    const children = parent.children ?? [];
    children.forEach((node, i) => {
      if (!isJsxElement(node) || node.name !== 'Fig') return;
      const attrs = stringAttributes(node);
      const figure = figures.get(refKey({ data: attrs.data, row: attrs.row, field: attrs.field }));
      if (!figure) return;
      const printed = printedQualifiers(figure.figure.qualifiers ?? [], lang);
      const prev = children[i - 1];
      const next = children[i + 1];
      const tag = source.slice(node.position!.start.offset, node.position!.end.offset);
      const say = (typed: string, side: 'before' | 'after', prints: string[]) => {
        const { line, column } = node.position!.start;
        return new SourceError(
          file,
          line,
          column,
          `"${typed}" is typed ${side} ${tag}, which already prints ${prints.map((p) => `"${p}"`).join(' and ')} from ${figure.dataset.file} (row "${attrs.row}"): delete "${typed}"; a figure's qualifiers come only from its dataset`,
        );
      };
      const before = prev?.type === 'text' ? typedQualifierBefore(prev.value ?? '', lang) : undefined;
      if (before && printed.before.length && (!EN_AMBIGUOUS.has(before) || printed.before.includes(before))) errors.push(say(before, 'before', printed.before));
      const after = next?.type === 'text' ? typedQualifierAfter(next.value ?? '', lang) : undefined;
      if (after && (printed.after.length || (lang === 'en' && printed.before.length)))
        errors.push(say(after, 'after', printed.after.length ? printed.after : printed.before));
    });
  }
  return errors;
}

/** Story files under content/: originals in counties/ and themes/, translations in en/. */
export function listStoryFiles(root: string): string[] {
  const files: string[] = [];
  for (const folder of ['content/counties', 'content/themes', 'content/en/counties', 'content/en/themes']) {
    let names: string[];
    try {
      names = readdirSync(path.join(root, folder));
    } catch {
      continue;
    }
    for (const name of names.sort()) if (name.endsWith('.mdx')) files.push(`${folder}/${name}`);
  }
  return files;
}

/** The dataset pins in a story's front matter, read without compiling anything. */
function pinsOf(source: string): Record<string, string> | undefined {
  try {
    const yaml = parseMdx(source).children?.find((n) => n.type === 'yaml');
    const front = (yaml?.value ? parseYaml(yaml.value) : {}) as { datasets?: Record<string, string> };
    return front.datasets ?? {};
  } catch {
    return undefined;
  }
}

/**
 * Check every story and translation under root (interface I2). Reads the
 * files itself: it runs before Astro compiles any MDX, so nothing in a story
 * is ever executed before it has passed.
 */
export function checkStoryProse(root: string, datasets: DatasetIndex = loadAllDatasets(root), findChart?: ChartLookup): DataError[] {
  const stories = listStoryFiles(root).map((file) => ({ file, source: readFileSync(path.join(root, file), 'utf8') }));
  const pins = new Map(stories.filter((s) => !isTranslation(s.file)).map((s) => [s.file, pinsOf(s.source)]));
  return stories.flatMap((s) => checkStoryFile(s, pins.get(s.file.replace(/(^|\/)content\/en\//, '$1content/')), datasets, findChart));
}
