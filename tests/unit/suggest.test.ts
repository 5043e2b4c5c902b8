import { describe, expect, it } from 'vitest';
import { didYouMean, nearest } from '#/authoring/suggest.ts';
import { getDatasets } from '#/data/site-data.ts';

describe('nearest', () => {
  const datasetIds = [...new Set(getDatasets().all.map((d) => d.data.id))];

  it('finds the real dataset an author misspelt', () => {
    expect(nearest('qinglnog', datasetIds)).toBe('qinglong');
    expect(nearest('jishisan', datasetIds)).toBe('jishishan');
  });

  it('finds a misspelt figure key', () => {
    expect(nearest('qualifers', ['value', 'quote', 'source', 'qualifiers', 'status', 'asOf', 'note'])).toBe('qualifiers');
    expect(nearest('stauts', ['value', 'quote', 'source', 'qualifiers', 'status', 'asOf', 'note'])).toBe('status');
    expect(nearest('asof', ['value', 'asOf'])).toBe('asOf');
    expect(nearest('lable', ['key', 'label', 'type', 'unit'])).toBe('label');
    expect(nearest('titel', ['title', 'subtitle'])).toBe('title');
  });

  it('suggests nothing for an exact name or a name far from every candidate', () => {
    expect(nearest('qinglong', datasetIds)).toBeUndefined();
    expect(nearest('weather', datasetIds)).toBeUndefined();
    expect(didYouMean('x', ['id'])).toBe('');
  });

  it('words the hint for a message', () => {
    expect(didYouMean('pingan1', datasetIds)).toBe(' (did you mean "pingan"?)');
  });
});
