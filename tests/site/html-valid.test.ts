/**
 * Every HTML file in the build is valid HTML and passes html-validate's
 * recommended rules (standards, accessibility, document structure).
 */
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { listPages, pageFile, siteDir } from '../helpers/site.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Titles carry a dataset's full name and version; search engines shorten long titles, readers lose nothing.
    'long-title': 'off',
    // ARIA lets any element whose role can be named take aria-label(ledby): maps and charts are <svg role="group|img" aria-labelledby>.
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
    // HTML allows any id without spaces; Chinese headings get ids such as "2021年5月17日发布", and #fragment links to them work.
    'valid-id': ['error', { relaxed: true }],
  },
});

const dir = siteDir();
const pages = listPages(dir);

describe('HTML validity', () => {
  it.for(pages)('%s is valid', async (page) => {
    const report = await validator.validateFile(pageFile(dir, page));
    const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} at ${m.line}:${m.column} (${m.selector ?? ''}): ${m.message}`));
    expect(problems).toEqual([]);
  });
});
