/**
 * HTML pages (and DOCX converted to HTML): Readability isolates the article of intranet pages, headings
 * become `#` lines, html-to-text renders blocks and tables without gluing words together.
 */
import { Readability } from '@mozilla/readability';
import { convert } from 'html-to-text';
import { parseHTML } from 'linkedom';
import { normalizeText } from '../normalize.ts';
import { decodeText, type ParseResult } from './parsed-document.ts';

const converterOptions = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
};

/** Elements a browser does not show; their text may hide instructions for an AI system. */
const hiddenSelector =
  '[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"], [style*="visibility:hidden"], [style*="visibility: hidden"], [style*="font-size:0"], [style*="font-size: 0"]';

/** Invisible separator around hidden text: the chunk stays searchable, and ingest quarantines it from model prompts. */
export const hiddenTextMarker = '\u2063';

function markHidden(document: { querySelectorAll(selector: string): Iterable<{ textContent: string | null }> }): void {
  for (const element of document.querySelectorAll(hiddenSelector)) {
    const text = (element.textContent ?? '').trim();
    if (text) element.textContent = `${hiddenTextMarker}${text}${hiddenTextMarker}`;
  }
}

function markHeadings(document: Document): void {
  for (let level = 1; level <= 6; level += 1) {
    for (const heading of document.querySelectorAll(`h${level}`)) {
      heading.textContent = `${'#'.repeat(level)} ${(heading.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
    }
  }
}

/** Converts an HTML fragment or page to normalised text with heading lines. */
export function htmlToText(html: string, options: { article: boolean }): string {
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`);
  for (const element of document.querySelectorAll('script, style, noscript, template')) element.remove();
  markHidden(document);
  let title = (document.querySelector('h1') ?? document.querySelector('title'))?.textContent?.trim();
  let content = document.body?.innerHTML ?? html;
  if (options.article) {
    const article = new Readability(document as unknown as Document).parse();
    if (article?.content) content = article.content;
    if (!title && article?.title) title = article.title.trim();
  }
  const { document: fragment } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  markHeadings(fragment as unknown as Document);
  const text = normalizeText(convert(fragment.body?.innerHTML ?? content, converterOptions));
  return title && !text.startsWith('#') ? `# ${title}\n\n${text}` : text;
}

/** Parses an `.html`/`.htm` file. */
export function parseHtml(bytes: Uint8Array): ParseResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { kind: 'failed', reason: decoded.reason };
  const text = htmlToText(decoded.text, { article: true });
  return text ? { kind: 'parsed', text } : { kind: 'failed', reason: 'no readable text in the HTML page' };
}
