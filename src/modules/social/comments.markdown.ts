import sanitizeHtml from 'sanitize-html';
import { renderMarkdown } from '../../platform/markdown.js';
import { linkMentions, parseMentions } from './comments.policy.js';

/** The comment subset: the platform's (no images, no headings), then links narrowed to http(s). */
const HTTP_ONLY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'blockquote', 'code', 'a', 'del'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
};

/**
 * Rendering is the costliest part of reading a thread (Markdown, then two sanitiser passes), and
 * popular threads are read far more often than written: the last few thousand results are kept,
 * keyed by the source and the mentions that resolved (so a new account changes the key).
 */
const CACHE_MAX = 5_000;
const cache = new Map<string, string>();

/** Safe HTML of a comment body, with `@handle` linked for the people in `known`. */
export function renderComment(body: string, known: ReadonlySet<string>): string {
  const linked = parseMentions(body).filter((h) => known.has(h));
  const key = `${linked.join(' ')}\n${body}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = linkMentions(sanitizeHtml(renderMarkdown(body, 'subset'), HTTP_ONLY), new Set(linked)).trim();
  cache.set(key, html);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return html;
}
