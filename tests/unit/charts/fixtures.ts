/**
 * Test datasets in the shape of the real ones, with figures quoted from the
 * source articles, plus hostile strings for the escaping tests.
 */
import { indexDatasets, type DatasetIndex } from '#/data/datasets.ts';
import { dataset, type ChartSpec } from '#/data/schemas.ts';

const sources = [
  { id: 'retu-2022', title: '阿里巴巴发布“热土计划 2022”：18项新举措助力乡村振兴', byline: '皮磊', date: '2022-07-25', file: '003_096f2e30b87b1bab.txt' },
  { id: 'tsinghua-2023', title: '清华大学发布阿里巴巴乡村振兴模式研究报告', byline: '皮磊', date: '2023-02-22', file: '004_d37ea6d2383917c8.txt' },
  {
    id: 'gongyi-baobei-2023',
    title: '《商业向善：百万商家参与中国式现代化慈善报告》发布',
    byline: '皮磊',
    date: '2023-02-23',
    file: '004_d37ea6d2383917c8.txt',
  },
  { id: 'xjtu-2023', title: '阿里公益助力乡村振兴', date: '2023-09-22', file: '000_85b9af03abc5302d.txt' },
];

const fig = (value: number, quote: string, source: string, extra: Record<string, unknown> = {}) => ({ value, quote, source, ...extra });
const text = (zh: string, en: string) => ({ zh, en });

export const LONGEST_COUNTY = '积石山保安族东乡族撒拉族自治县';
export const XSS_SCRIPT = '<script>alert(1)</script>';
export const XSS_ATTR = '"><img src=x onerror=alert(1)>';

const raw = [
  {
    id: 'programme',
    version: '1.0.0',
    released: '2026-11-23',
    title: text('项目数字', 'Programme figures'),
    description: text('测试数据', 'Test data'),
    license: 'CC-BY-4.0',
    sources,
    fields: [
      { key: 'period', label: text('时期', 'Period'), type: 'text' },
      { key: 'merchants', label: text('参与商家', 'Merchants taking part'), type: 'figure', unit: text('家', 'merchants') },
      { key: 'growth', label: text('增长', 'Growth'), type: 'figure', unit: text('倍', 'times') },
      { key: 'fen_per_donation', label: text('单笔平均捐赠额', 'Average per donation'), type: 'figure', unit: text('分', 'fen') },
      { key: 'provinces', label: text('省份', 'Provinces'), type: 'figure', unit: text('个省', 'provinces') },
      { key: 'counties', label: text('县区', 'Counties'), type: 'figure', unit: text('个县区', 'counties') },
      { key: 'women_share', label: text('员工中女性的比例', 'Share of staff who are women'), type: 'figure', unit: text('', ''), format: 'cheng' },
      { key: 'people', label: text('帮助就业', 'People helped into work'), type: 'figure', unit: text('人', 'people') },
      { key: 'tonnes', label: text('板栗销量', 'Chestnuts sold'), type: 'figure', unit: text('吨', 'tonnes') },
    ],
    rows: [
      {
        id: 'merchants-2012',
        period: text('2012年', '2012'),
        merchants: fig(240_000, '从2012年的24万家增长至近五年平均233万家', 'gongyi-baobei-2023', { asOf: '2012' }),
      },
      {
        id: 'merchants-recent',
        period: text('近五年平均', 'Five-year average'),
        merchants: fig(2_330_000, '从2012年的24万家增长至近五年平均233万家', 'gongyi-baobei-2023'),
        growth: fig(10, '增长近10倍', 'gongyi-baobei-2023', { qualifiers: ['近'] }),
      },
      { id: 'donation-2019', fen_per_donation: fig(4.5, '从2019年的4.5分增长到2022年的5.3分', 'gongyi-baobei-2023', { asOf: '2019' }) },
      { id: 'donation-2022', fen_per_donation: fig(5.3, '从2019年的4.5分增长到2022年的5.3分', 'gongyi-baobei-2023', { asOf: '2022' }) },
      {
        id: 'coverage-2022',
        provinces: fig(12, '驻扎到甘肃礼县、贵州普安等12个省22个偏远县域', 'retu-2022'),
        counties: fig(22, '驻扎到甘肃礼县、贵州普安等12个省22个偏远县域', 'retu-2022'),
      },
      {
        id: 'coverage-2023',
        provinces: fig(13, '向全国13个省25个欠发达县区累计派驻27名乡村特派员', 'tsinghua-2023'),
        counties: fig(25, '向全国13个省25个欠发达县区累计派驻27名乡村特派员', 'tsinghua-2023'),
      },
      {
        id: 'ai-dou',
        women_share: fig(60, '其中超过六成员工为女性', 'xjtu-2023', { qualifiers: ['超过'] }),
        people: fig(4000, '累计帮助4000余人就近高质量就业', 'xjtu-2023', { qualifiers: ['累计', '余'] }),
      },
      {
        id: 'long-name',
        period: text(LONGEST_COUNTY, 'Jishishan Bonan, Dongxiang and Salar Autonomous County'),
        tonnes: fig(38, '一次助农活动就销售板栗38吨', 'retu-2022'),
      },
      { id: 'short-name', period: text('礼县', 'Li County'), tonnes: fig(2100, '对接的2100余户', 'retu-2022') },
      { id: 'hostile', period: text(XSS_SCRIPT, XSS_ATTR), tonnes: fig(500, `${XSS_ATTR}${XSS_SCRIPT}`, 'retu-2022') },
    ],
  },
];

export function fixtureDatasets(): DatasetIndex {
  return indexDatasets(raw.map((r) => ({ file: `data/datasets/${r.id}/${r.version}.json`, data: dataset.parse(r), hash: 'test', bytesHash: 'test' })));
}

const base = { dataset: 'programme', version: '1.0.0' } as const;
const t = (zh: string, en: string) => ({ zh, en });

export const specs = {
  bar: {
    ...base,
    id: 'bars',
    type: 'bar',
    labelField: 'period',
    title: t('板栗销量', 'Chestnut sales'),
    subtitle: t('测试', 'Test'),
    items: [
      { row: 'long-name', field: 'tonnes' },
      { row: 'short-name', field: 'tonnes' },
    ],
  },
  comparison: {
    ...base,
    id: 'merchants',
    type: 'comparison',
    labelField: 'period',
    title: t('参与公益宝贝的商家增长近10倍', 'Nearly ten times as many merchants'),
    subtitle: t('参与“公益宝贝”的商家数', 'Merchants in the charity-item scheme'),
    before: { row: 'merchants-2012', field: 'merchants' },
    after: { row: 'merchants-recent', field: 'merchants' },
    change: { row: 'merchants-recent', field: 'growth' },
  },
  slope: {
    ...base,
    id: 'coverage',
    type: 'slope',
    title: t('特派员覆盖的省和县都在增加', 'Envoys reached more provinces and counties'),
    subtitle: t('乡村特派员驻扎的省份和县区数', 'Provinces and counties with a rural envoy'),
    series: [
      {
        points: [
          { row: 'coverage-2022', field: 'provinces' },
          { row: 'coverage-2023', field: 'provinces' },
        ],
      },
      {
        points: [
          { row: 'coverage-2022', field: 'counties' },
          { row: 'coverage-2023', field: 'counties' },
        ],
      },
    ],
  },
  part: {
    ...base,
    id: 'ai-dou-women',
    type: 'part-of-whole',
    title: t('AI豆计划的员工超过六成是女性', 'More than 60% of AI Dou staff are women'),
    subtitle: t('截至2023年上半年', 'By mid-2023'),
    part: { row: 'ai-dou', field: 'women_share' },
    whole: { row: 'ai-dou', field: 'people' },
  },
  card: {
    ...base,
    id: 'ai-dou-people',
    type: 'number-card',
    title: t('4000余人就近就业', 'More than 4,000 people found work near home'),
    subtitle: t('截至2023年上半年', 'By mid-2023'),
    items: [{ row: 'ai-dou', field: 'people' }],
  },
} satisfies Record<string, ChartSpec>;
