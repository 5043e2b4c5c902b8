/**
 * Fact binding (src/stories/binding.ts): a story's <Fig data row field /> must
 * resolve to a figure in a pinned dataset version; otherwise the build stops
 * with an error naming the story file and what is missing.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexDatasets, loadDatasetFile } from '#/data/datasets.ts';
import { bindStory } from '#/stories/binding.ts';
import { messageOf } from '../helpers/errors.ts';

const GOOD = path.resolve(import.meta.dirname, '../fixtures/datasets/good');
const datasets = indexDatasets([loadDatasetFile(GOOD, 'data/datasets/sample/1.0.0.json')]);
const FILE = 'content/counties/example.mdx';
const pins = { sample: '1.0.0' };
const fig = (data: string, row: string, field: string) => `<Fig data="${data}" row="${row}" field="${field}" />`;

const bindingError = (body: string, p: Record<string, string> = pins) => messageOf(() => bindStory(body, p, datasets, FILE));

describe('bindStory', () => {
  it('numbers notes in order of first citation and reuses a number for a repeated figure', () => {
    const body = `卖出${fig('sample', 'chestnut-drive', 'tonnes_sold')}，销售额${fig('sample', 'chestnut-drive', 'sales_yuan')}；再说一次${fig('sample', 'chestnut-drive', 'tonnes_sold')}。`;
    const notes = bindStory(body, pins, datasets, FILE);
    expect([...notes.values()].map((n) => [n.ref.field, n.note, n.figure.value])).toEqual([
      ['tonnes_sold', 1, 38],
      ['sales_yuan', 2, 2_300_000],
    ]);
    expect(notes.get('sample/chestnut-drive/sales_yuan')?.source.id).toBe('retu-2022');
  });

  it.each([
    [
      'a dataset that does not exist',
      fig('sample', 'chestnut-drive', 'tonnes_sold'),
      { sample: '1.0.0', nowhere: '1.0.0' },
      'field "datasets.nowhere": there is no dataset "nowhere"',
    ],
    [
      'a version that does not exist',
      fig('sample', 'chestnut-drive', 'tonnes_sold'),
      { sample: '2.0.0' },
      'field "datasets.sample": sample has no version 2.0.0 (versions: 1.0.0)',
    ],
    ['a dataset the front matter does not pin', fig('other', 'chestnut-drive', 'tonnes_sold'), pins, 'which the front matter\'s "datasets" does not pin'],
    ['a row that does not exist', fig('sample', 'no-such-row', 'tonnes_sold'), pins, 'has no row "no-such-row"'],
    ['a field that does not exist', fig('sample', 'chestnut-drive', 'tonnes'), pins, 'has no field "tonnes"'],
    [
      'a field that is not a figure',
      fig('sample', 'chestnut-drive', 'event'),
      pins,
      '"event" is a text field of data/datasets/sample/1.0.0.json, not a figure',
    ],
    ['an empty figure cell', fig('sample', 'no-sales', 'sales_yuan'), pins, 'row "no-sales" of data/datasets/sample/1.0.0.json has no figure in "sales_yuan"'],
    ['a <Fig> without a row', '<Fig data="sample" field="tonnes_sold" />', pins, 'figure 1 (<Fig …/>) has no row="…" attribute'],
  ])('stops on %s, naming the story file', (_, body, p, says) => {
    const message = bindingError(`正文${body}。`, p);
    expect(message.startsWith(`${FILE}: `), `error "${message}" should start with the story file`).toBe(true);
    expect(message).toContain(says);
  });
});
