/**
 * Search filter values (province, theme) as the index must hold them.
 *
 * Pagefind's default UI (1.6.0, src/publishing/search.ts) writes filter values into the
 * search page as HTML, unlike titles. So each value must reach the index
 * HTML-escaped: the UI then shows "<b>" as text and runs nothing. It is given
 * in an attribute (data-pagefind-filter="Province[data-filter]"), and Pagefind
 * 1.6.0 decodes an attribute's character references twice (measured: the
 * attribute text `&amp;amp;lt;` is stored as `&lt;`), so the value is escaped
 * twice here and Astro escapes it once more for the attribute. A Pagefind
 * upgrade must keep tests/bad-inputs' real search over a province name with
 * markup in it passing. Values read through Pagefind's JS API are HTML-escaped.
 *
 * Apart from src/publishing/search.ts, which loads the indexer, so pages can import it.
 */
import { esc } from '#/svg/markup.ts';

export const searchFilterValue = (text: string) => esc(esc(text));
