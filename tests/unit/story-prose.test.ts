/**
 * The story check (src/stories/prose.ts, src/stories/mdx.ts) on the real stories
 * in content/ and on copies of them broken the ways an author could: each
 * rule, with the file, line, column and message it reports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { loadAllDatasets } from '#/data/datasets.ts';
import { SourceError } from '#/authoring/errors.ts';
import { checkStoryFile, checkStoryProse, typedQuantities } from '#/stories/prose.ts';
import { findTags, storyCodeProblems, storyGuard } from '#/stories/mdx.ts';

const ROOT = process.cwd();
const datasets = loadAllDatasets(ROOT);
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

const ZH = 'content/counties/qinglong.mdx';
const EN = 'content/en/counties/qinglong.mdx';
const zh = read(ZH);
const en = read(EN);
const pins = { qinglong: '1.0.0' };

/** Where `needle` first occurs in `source` (after `after`, if given), as an editor counts: 1-based line and column. */
function placeOf(source: string, needle: string, after = ''): { line: number; column: number } {
  const offset = source.indexOf(needle, after ? source.indexOf(after) : 0);
  if (offset < 0) throw new Error(`test setup: "${needle}" is not in the text`);
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** The story with `text` added as a paragraph after its first heading. */
const withParagraph = (source: string, text: string) => source.replace(/^(## .*)$/m, `$1\n\n${text}`);
/** The story with one more exception in its front matter (after any it has). */
const withException = (source: string, text: string, reason: string) => {
  const item = `  - text: "${text}"\n    reason: "${reason}"`;
  return source.includes('\nnumbersInProse:\n')
    ? source.replace('\nnumbersInProse:\n', `\nnumbersInProse:\n${item}\n`)
    : source.replace(/\n---\n/, `\nnumbersInProse:\n${item}\n---\n`);
};

const check = (source: string, file = ZH) => checkStoryFile({ file, source }, pins, datasets) as SourceError[];

describe('the real stories', () => {
  it('pass the check, both editions', () => {
    expect(checkStoryProse(ROOT, datasets).map((e) => e.message)).toEqual([]);
  });

  it('findTags reads every <Fig> and <Chart> with the MDX parser', () => {
    expect(findTags(zh, 'Fig').length).toBe(zh.split('<Fig ').length - 1);
    expect(findTags(zh, 'Chart').map((t) => t.id)).toEqual(['qinglong-chestnut-drive', 'qinglong-chestnut-price']);
  });
});

describe('typed numbers', () => {
  it('stops a typed number in a county story, with file, line, column and what to do', () => {
    const source = withParagraph(zh, '全县还建起了30个村级物流网点。');
    const errors = check(source);
    expect(errors).toHaveLength(1);
    const [e] = errors;
    expect(e.file).toBe(ZH);
    expect({ line: e.line, column: e.column }).toEqual(placeOf(source, '30个村级'));
    expect(e.message).toContain(`${ZH}:${e.line}:${e.column}: "30" in the paragraph`);
    expect(e.message).toContain('<Fig data=');
    expect(e.message).toContain('numbersInProse');
  });

  it.each([
    ['３０个网点', '３０'],
    ['三十个网点', '三十'],
    ['两万元', '两万'],
    ['六成农户', '六成'.slice(0, 1)],
    ['价格翻了一番', '一'],
    ['收购价翻番', '翻番'],
    ['十余个村', '十'],
    ['上百户农民', '百'],
    ['一半农户', '一半'],
    ['4.5万户', '4.5万'],
  ])('stops "%s" (typed: "%s")', (text, typed) => {
    const source = withParagraph(zh, `据报道，${text}。`);
    const errors = check(source);
    expect(errors.map((e) => e.message)).toHaveLength(1);
    expect(errors[0].message).toContain(`"${typed}" in the paragraph`);
    expect({ line: errors[0].line, column: errors[0].column }).toEqual(placeOf(source, typed, '据报道'));
  });

  it.each([
    ['30 million yuan', '30 million'],
    ['thirty villages', 'thirty'],
    ['twice as much', 'twice'],
    ['sales doubled', 'doubled'],
    ['a dozen villages', 'dozen'],
    ['hundreds of farmers', 'hundreds'],
    ['one-third of the farmers', 'one-third'],
  ])('stops "%s" in a translation (typed: "%s")', (text, typed) => {
    const source = withParagraph(en, `The report says ${text}.`);
    const errors = check(source, EN);
    expect(errors.map((e) => e.message)).toHaveLength(1);
    expect(errors[0].file).toBe(EN);
    expect(errors[0].message).toContain(`"${typed}" in the paragraph`);
    expect({ line: errors[0].line, column: errors[0].column }).toEqual(placeOf(source, typed, 'The report says'));
  });

  it.each([
    '2022年7月的报道',
    '7月25日',
    '2023年',
    '2021—2023年',
    '2023年上半年',
    '2022-07-25',
    '一位特派员',
    '一次助农活动',
    '第一个县',
    '全国第四批',
    '其中之一',
    '这一年',
    '进一步',
    '老百姓',
    '零售价',
    '《乡村振兴报告2021》',
  ])('allows "%s" by rule', (text) => {
    expect(check(withParagraph(zh, `报道提到${text}。`)).map((e) => e.message)).toEqual([]);
  });

  it.each([
    'in July 2022',
    'on 25 July',
    'on July 25, 2022',
    'in 2021',
    'the 2022 report',
    'from 2021–2023',
    'in the 1990s',
    'in the first half of 2023',
    'one of the envoys',
    'one envoy',
    'no one',
  ])('allows "%s" by rule in English', (text) => {
    expect(check(withParagraph(en, `The report mentions it ${text}.`), EN).map((e) => e.message)).toEqual([]);
  });

  it('finds numbers in headings, list items, link texts, table cells, the title and the summary', () => {
    let source = zh.replace('## 一次活动的账', '## 30吨板栗');
    source = source.replace('- 那次助农活动是哪一天', '- 三个村的那次助农活动是哪一天');
    source = source.replace('见[乡村特派员]', '见[乡村特派员五人](/themes/envoys/)和[乡村特派员]');
    source = withParagraph(source, '| 年份 | 网点 |\n| --- | --- |\n| 2022年 | 两百 |');
    source = source.replace('title: 青龙：板栗的新销路', 'title: 青龙：板栗卖了8倍');
    source = source.replace(/^summary: /m, 'summary: 六位乡村特派员到过这里。');
    const found = check(source).map((e) => ({ where: /" in the (.+?) "/.exec(e.message)![1], line: e.line, column: e.column }));
    expect(found).toEqual(
      expect.arrayContaining([
        { where: 'title', ...placeOf(source, '8倍') },
        { where: 'summary', ...placeOf(source, '六位') },
        { where: 'heading', ...placeOf(source, '30吨') },
        { where: 'list item', ...placeOf(source, '三个村') },
        { where: 'link text', ...placeOf(source, '五人') },
        { where: 'table cell', ...placeOf(source, '两百') },
      ]),
    );
    expect(found).toHaveLength(6);
  });

  it('sees a digit written as a character reference (&#51;&#48;)', () => {
    const source = withParagraph(zh, '全县建起了&#51;&#48;个网点。');
    const [e] = check(source);
    expect(e.message).toContain('"30"');
    expect({ line: e.line, column: e.column }).toEqual(placeOf(source, '全县建起了'));
  });

  it('typedQuantities: one number per run, a covered date never', () => {
    expect(typedQuantities('2022年7月卖出30吨，约两万元').map((n) => n.text)).toEqual(['30', '两万']);
  });
});

describe('exceptions in the front matter (numbersInProse)', () => {
  const typed = withParagraph(zh, '当地把这片林子叫作“三十里栗乡”。');

  it('a reasoned exception allows exactly the words it names', () => {
    const source = withException(typed, '三十里栗乡', 'the local name of the chestnut area, not a count');
    expect(check(source).map((e) => e.message)).toEqual([]);
    // The same number elsewhere is still refused.
    const elsewhere = withParagraph(source, '全县有三十个网点。');
    expect(check(elsewhere).map((e) => e.message)).toEqual([expect.stringContaining('"三十" in the paragraph "全县有三十个网点。"')]);
  });

  it('an exception that matches nothing any more is an error, at its line in the front matter', () => {
    const source = withException(zh, '三十里栗乡', 'the local name of the chestnut area, not a count');
    const errors = check(source);
    expect(errors).toHaveLength(1);
    expect({ line: errors[0].line, column: errors[0].column }).toEqual(placeOf(source, '三十里栗乡'));
    expect(errors[0].message).toContain('field "numbersInProse": the exception "三十里栗乡" no longer matches a number');
  });

  it('an exception without a reason is refused', () => {
    const source = withException(typed, '三十里栗乡', 'name');
    const messages = check(source).map((e) => e.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('field "numbersInProse"'), expect.stringContaining('"三十" in the paragraph')]));
    expect(messages.join('\n')).toContain('say why this is not a quantity');
  });

  it('front matter that is not YAML is reported at its line, not skipped', () => {
    const source = zh.replace('kind: county', 'kind: county\nkind: theme');
    const errors = check(source);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('the front matter is not valid YAML: duplicated mapping key')]);
    expect(errors[0].line).toBe(placeOf(source, 'kind: theme').line);
  });
});

describe('a qualifier typed next to a <Fig>', () => {
  const talent = '<Fig data="qinglong" row="ecommerce-talent" field="ecommerce_people" />'; // qualifiers: 累计
  const points = '<Fig data="qinglong" row="village-logistics" field="logistics_points" />'; // qualifiers: 超

  it('stops "累计<Fig …/>" when the figure prints 累计', () => {
    const source = zh.replace(`电商从业者${talent}`, `电商从业者累计${talent}`);
    const errors = check(source);
    expect(errors).toHaveLength(1);
    expect({ line: errors[0].line, column: errors[0].column }).toEqual(placeOf(source, talent));
    expect(errors[0].message).toContain(`"累计" is typed before ${talent}, which already prints "累计" from data/datasets/qinglong/1.0.0.json`);
  });

  it('stops another qualifier of the same kind ("超过" before a figure that prints 超)', () => {
    const source = zh.replace(`建起${points}`, `建起超过${points}`);
    expect(check(source).map((e) => e.message)).toEqual([expect.stringContaining(`"超过" is typed before ${points}, which already prints "超"`)]);
  });

  it('does not mistake 通过 for a qualifier', () => {
    expect(check(zh.replace(`建起${points}`, `通过${points}`)).map((e) => e.message)).toEqual([]);
  });

  it('does not mistake a preposition for a qualifier in English ("spread over", unless the figure prints "over")', () => {
    const talentEn = en.replace(`: ${talent}`, `: spread over ${talent}`); // prints "a total of"
    expect(check(talentEn, EN).map((e) => e.message)).toEqual([]);
    const pointsEn = en.replace(`built ${points}`, `built over ${points}`); // prints "over"
    expect(check(pointsEn, EN).map((e) => e.message)).toEqual([expect.stringContaining(`"over" is typed before ${points}, which already prints "over"`)]);
  });

  it('stops "a total of <Fig …/>" in English when the figure prints it', () => {
    const source = en.replace(`: ${talent}`, `: a total of ${talent}`);
    const errors = check(source, EN);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining(`"a total of" is typed before ${talent}, which already prints "a total of"`)]);
    expect({ line: errors[0].line, column: errors[0].column }).toEqual(placeOf(source, talent, 'a total of'));
  });

  it('stops "more than <Fig …/>" in English when the figure prints "over"', () => {
    const source = en.replace(`built ${points}`, `built more than ${points}`);
    expect(check(source, EN).map((e) => e.message)).toEqual([expect.stringContaining(`"more than" is typed before ${points}, which already prints "over"`)]);
  });
});

describe('code in a story', () => {
  const one = (source: string, file = ZH) => {
    const errors = storyCodeProblems(source, file);
    expect(errors.map((e) => e.message)).toHaveLength(1);
    return errors[0];
  };

  it.each([
    ['import', 'import fs from "node:fs"', 'import fs', 'import and export are not allowed'],
    ['export', 'export const secret = fs.readFileSync("/etc/passwd", "utf8")', 'export const', 'import and export are not allowed'],
    ['an expression', '我的家目录是{process.env.HOME}。', '{process', 'an expression in braces runs code'],
    ['a comment expression', '{/* 待核实 */}', '{/*', 'an expression in braces'],
    ['<script>', '<script>alert(1)</script>', '<script', '<script> is not allowed in a story'],
    ['<style>', '<style>p</style>', '<style', 'a story carries no scripts or styles'],
    ['<iframe>', '<iframe src="https://example.com/"></iframe>', '<iframe', 'link to it instead: [text](https://…)'],
    ['an event handler', '<span onclick="alert(1)">点我</span>', '<span', 'with the event handler onclick'],
    ['a raw <a> link', '<a href="https://example.com/">链接</a>', '<a ', 'write a link as [text](https://…)'],
    ['a javascript: link', '[点我](javascript:alert(1))', '[点我]', 'uses "javascript:", which is not allowed'],
    ['a JavaScript: link with spaces', '[点我]( JavaScript:alert(1))', '[点我]', 'uses "javascript:"'],
    ['a data: image', '![图](data:image/svg+xml;base64,PHN2Zz4=)', '![图]', 'uses "data:"'],
    ['a vbscript: reference', '[x]: vbscript:msgbox', '[x]:', 'uses "vbscript:"'],
    ['an expression attribute', '<Fig data={"qinglong"} row="chestnut-drive" field="tonnes_sold" />', '<Fig data={', 'must be a plain string in double quotes'],
    ['a spread attribute', '<Fig {...props} data="qinglong" row="chestnut-drive" field="tonnes_sold" />', '<Fig {...', 'a spread expression is not allowed'],
    [
      'an event handler on a component',
      '<Chart id="qinglong-chestnut-drive" onload="alert(1)" />',
      '<Chart id="qinglong-chestnut-drive" onload',
      'event handlers (onload) are not allowed',
    ],
    ['an unknown attribute', '<Chart id="qinglong-chestnut-drive" lang="en" />', '<Chart id="qinglong-chestnut-drive" lang', '<Chart> takes only id="…"'],
    ['an HTML comment (not MDX)', '<!-- 待核实 -->', '<!--', 'is not valid MDX'],
  ])('refuses %s, with its place and what to write instead', (_what, snippet, at, says) => {
    const source = withParagraph(zh, snippet);
    const e = one(source);
    expect(e.file).toBe(ZH);
    const { line, column } = placeOf(source, at, '## 一次活动的账');
    expect(e.line).toBe(line);
    // A syntax error points inside the construct; everything else at its start.
    if (!says.includes('not valid MDX')) expect(e.column).toBe(column);
    expect(e.message).toContain(says);
  });

  it('checks a translation the same way, and reports every problem at once', () => {
    const source = withParagraph(en, 'export const home = process.env.HOME\n\nSold {home} and 30 tonnes.');
    const errors = check(source, EN);
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining('import and export are not allowed'),
      expect.stringContaining('an expression in braces'),
      expect.stringContaining(`${EN}:${placeOf(source, '30 tonnes').line}:${placeOf(source, '30 tonnes').column}: "30" in the paragraph`),
    ]);
    expect(errors.every((e) => e.file === EN)).toBe(true);
  });

  it('the guard inside the MDX compiler refuses the story before compiling it, and compiles a clean one', async () => {
    const processor = satteri({ mdastPlugins: [storyGuard(ROOT)] });
    const renderer = await processor.createMdxRenderer!(
      { syntaxHighlight: false, gfm: true, smartypants: true } as never,
      { optimize: false, srcDir: new URL(`file://${ROOT}/src/`), sourcemap: false } as never,
    );
    const file = path.join(ROOT, EN);
    // The compiler gets the file with its front matter blanked, line for line.
    const blank = (s: string) => s.replace(/^---\n[\s\S]*?\n---/, (m) => m.replace(/[^\n]/g, ' '));
    const bad = withParagraph(en, 'export const home = process.env.HOME');
    await expect(renderer.process(blank(bad), file, {})).rejects.toThrow(
      `${EN}:${placeOf(bad, 'export const').line}:1: "export const home = process.env.HOME": import and export are not allowed`,
    );
    await expect(renderer.process(blank(en), file, {})).resolves.toHaveProperty('code');
  });
});
