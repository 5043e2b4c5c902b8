/** Corrections in the open: the front-matter check, the notice's words and the story's JSON-LD. */
import { describe, expect, it } from 'vitest';
import { checkCorrections, correctionLine, newestFirst, noticesHeading } from '#/stories/corrections.ts';
import { jsonLd, newsArticle } from '#/publishing/structured-data.ts';

const published = new Date('2026-11-23');
const correction = {
  date: '2026-11-29',
  kind: 'correction' as const,
  text: { zh: '原文写“产假”，已改为“由于生育暂时离职”。', en: 'We had written “maternity leave”; the article says she left for a while to have a baby.' },
};

describe('the corrections check', () => {
  it('accepts corrections between publication and "updated"', () => {
    expect(checkCorrections({ published, updated: new Date('2026-11-29'), corrections: [correction] }, 'content/counties/x.mdx')).toEqual([]);
  });

  it('names the file and field when "updated" is missing, earlier than a correction, or a correction predates publication', () => {
    const file = 'content/counties/x.mdx';
    expect(checkCorrections({ published, updated: undefined, corrections: [correction] }, file).map((e) => e.message)).toEqual([
      `${file}: field "corrections[0].date": a corrected story needs "updated: 2026-11-29" (the date of its last change) in its front matter`,
    ]);
    expect(checkCorrections({ published, updated: new Date('2026-11-25'), corrections: [correction] }, file)[0].message).toContain(
      '2026-11-29 is after "updated" (2026-11-25)',
    );
    expect(checkCorrections({ published, updated: new Date('2026-11-29'), corrections: [{ ...correction, date: '2026-11-01' }] }, file)[0].message).toContain(
      'is before the story was published (2026-11-23)',
    );
  });

  it('words the notice with its date in each edition, newest first', () => {
    expect(correctionLine(correction, 'zh')).toBe(`更正（2026年11月29日）：${correction.text.zh}`);
    expect(correctionLine(correction, 'en')).toBe(`Correction (29 November 2026): ${correction.text.en}`);
    expect(newestFirst([{ ...correction, date: '2026-11-24' }, correction]).map((c) => c.date)).toEqual(['2026-11-29', '2026-11-24']);
  });

  it('words an update (nothing was wrong) as an update, never as a correction', () => {
    const update = { ...correction, kind: 'update' as const };
    expect(correctionLine(update, 'zh')).toBe(`更新（2026年11月29日）：${correction.text.zh}`);
    expect(correctionLine(update, 'en')).toBe(`Update (29 November 2026): ${correction.text.en}`);
    expect([noticesHeading([update]), noticesHeading([update, update]), noticesHeading([correction, update]), noticesHeading([correction])]).toEqual([
      'update',
      'updates',
      'correctionsAndUpdates',
      'correction',
    ]);
  });
});

describe('the story’s JSON-LD', () => {
  const facts = {
    headline: '积石山：白雪的数字工作',
    description: '摘要',
    lang: 'zh' as const,
    url: 'https://s.example/counties/jishishan/',
    image: 'https://s.example/og.png',
    published,
  };

  it('is a schema.org NewsArticle with dateModified from "updated" and each correction as a CorrectionComment', () => {
    const parsed = JSON.parse(jsonLd(newsArticle({ ...facts, updated: new Date('2026-11-29'), corrections: [correction] })));
    expect(parsed).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: facts.headline,
      inLanguage: 'zh-CN',
      datePublished: '2026-11-23',
      dateModified: '2026-11-29',
    });
    expect(parsed.correction).toEqual([{ '@type': 'CorrectionComment', text: correction.text.zh, datePublished: '2026-11-29' }]);
  });

  it('carries only corrections as CorrectionComment: an update shows in dateModified alone', () => {
    const parsed = JSON.parse(jsonLd(newsArticle({ ...facts, updated: new Date('2026-11-29'), corrections: [{ ...correction, kind: 'update' }] })));
    expect(parsed.dateModified).toBe('2026-11-29');
    expect(parsed).not.toHaveProperty('correction');
  });

  it('has no correction, and dateModified = datePublished, for a story never changed', () => {
    const parsed = JSON.parse(jsonLd(newsArticle({ ...facts, corrections: [] })));
    expect(parsed.dateModified).toBe('2026-11-23');
    expect(parsed).not.toHaveProperty('correction');
  });

  it('cannot close its script element, whatever the text says', () => {
    const text = jsonLd(newsArticle({ ...facts, headline: '</script><script>alert(1)</script>', corrections: [] }));
    expect(text).not.toContain('</script');
    expect(JSON.parse(text).headline).toBe('</script><script>alert(1)</script>');
  });
});
