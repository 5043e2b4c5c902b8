import { describe, expect, it } from 'vitest';
import { apa, citationText, citations, gbt7714 } from '#/publishing/cite.ts';
import { loadAllDatasets } from '#/data/datasets.ts';
import { absoluteUrl, datasetPagePath } from '#/publishing/urls.ts';

const site = 'https://county-stories.example.org';
const zh = { lang: 'zh', siteName: '县域故事', accessed: '2026-12-01' } as const;
const en = { lang: 'en', siteName: 'County Stories', accessed: '2026-12-01' } as const;

const story = { kind: 'story', title: '青龙：板栗上了直播间', published: '2026-11-23', url: `${site}/counties/qinglong/` } as const;

describe('GB/T 7714-2015', () => {
  it('cites a story as an online electronic bulletin [EB/OL] with publication and access dates', () => {
    expect(citationText(gbt7714(story, zh))).toBe(
      '县域故事. 青龙：板栗上了直播间[EB/OL]. (2026-11-23)[2026-12-01]. https://county-stories.example.org/counties/qinglong/.',
    );
  });

  it('cites every released dataset version as [DS/OL] with its version and permanent URL', () => {
    const datasets = loadAllDatasets(process.cwd());
    expect(datasets.all.length).toBeGreaterThan(0);
    for (const { data } of datasets.all) {
      const url = absoluteUrl(datasetPagePath(data.id, data.version), site);
      const text = citationText(gbt7714({ kind: 'dataset', title: data.title.zh, released: data.released, version: data.version, url }, zh));
      expect(text).toBe(`县域故事. ${data.title.zh}[DS/OL]. ${data.version}版. (${data.released})[2026-12-01]. ${url}.`);
      expect(text).toContain(`/datasets/${data.id}/${data.version}/`);
    }
  });

  it('names the pinned dataset version in a chart citation', () => {
    const chart = {
      kind: 'chart',
      title: '公益宝贝捐赠笔数',
      published: '2026-11-23',
      url: `${site}/charts/x/`,
      dataset: { id: 'gongyi-baobei', version: '1.2.0' },
    } as const;
    expect(citationText(gbt7714(chart, zh))).toBe(
      '县域故事. 公益宝贝捐赠笔数（数据：gongyi-baobei@1.2.0）[EB/OL]. (2026-11-23)[2026-12-01]. https://county-stories.example.org/charts/x/.',
    );
  });
});

describe('APA 7', () => {
  it('cites a story with the full date and an italic title', () => {
    const c = apa(story, en);
    expect(citationText(c)).toBe('County Stories. (2026, November 23). 青龙：板栗上了直播间. https://county-stories.example.org/counties/qinglong/');
    expect(c.parts).toContainEqual({ em: story.title });
  });

  it('cites a dataset version as "(Version x) [Data set]", in either edition', () => {
    const item = { kind: 'dataset', title: 'Qinglong, Hebei', released: '2026-11-23', version: '1.0.0', url: `${site}/en/datasets/qinglong/1.0.0/` } as const;
    expect(citationText(apa(item, en))).toBe(
      'County Stories. (2026). Qinglong, Hebei (Version 1.0.0) [Data set]. https://county-stories.example.org/en/datasets/qinglong/1.0.0/',
    );
    expect(citationText(apa({ ...item, title: '河北青龙' }, zh))).toBe(
      '县域故事. (2026). 河北青龙 (版本 1.0.0) [数据集]. https://county-stories.example.org/en/datasets/qinglong/1.0.0/',
    );
  });

  it('gives both styles, GB/T 7714 first', () => {
    expect(citations(story, zh).map((c) => c.style)).toEqual(['gbt7714', 'apa']);
  });
});
