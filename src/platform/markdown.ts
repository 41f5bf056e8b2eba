import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

/** Allow-list: text formatting, lists, quotes, code, links (http(s)/mailto only). No images, no raw HTML effects. */
const FULL: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'a', 'h3', 'h4', 'hr', 'del'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow ugc noopener noreferrer' } }),
    h1: 'h3',
    h2: 'h3',
  },
};

/** The subset for comments and messages: no headings, no rules. */
const SUBSET: sanitizeHtml.IOptions = { ...FULL, allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'blockquote', 'code', 'a', 'del'] };

/**
 * Markdown → safe HTML. marked renders, then sanitize-html keeps only the allow-list; `rel` is
 * added to every link. The result is the only HTML we ever inject with dangerouslySetInnerHTML.
 */
export function renderMarkdown(source: string, mode: 'full' | 'subset' = 'full'): string {
  const html = marked.parse(source) as string;
  return sanitizeHtml(html, mode === 'full' ? FULL : SUBSET);
}

/** Plain text for excerpts, meta descriptions and e-mails. */
export function markdownToText(source: string, max = 300): string {
  const text = sanitizeHtml(marked.parse(source) as string, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
