import { Parser } from 'htmlparser2';

/** What a page says about itself for a link preview: Open Graph title and image, else `<title>`. */
export type PageMeta = { title: string | null; imageUrl: string | null };

const TITLE_MAX = 200;

/**
 * Reads `og:title` / `og:image` (then `twitter:*`, then `<title>`) with htmlparser2, a tolerant
 * streaming parser (no regex over HTML). The image URL is made absolute against `pageUrl` and kept
 * only when http(s); fetching it is the caller's job (through safe-fetch again).
 */
export function readPageMeta(html: string, pageUrl: string): PageMeta {
  const meta = new Map<string, string>();
  let titleText = '';
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true;
        if (name !== 'meta') return;
        const key = (attrs.property ?? attrs.name ?? '').toLowerCase();
        const content = attrs.content;
        if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
      },
      ontext(text) {
        if (inTitle) titleText += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const rawTitle = meta.get('og:title') ?? meta.get('twitter:title') ?? titleText;
  const title = rawTitle.replace(/\s+/g, ' ').trim().slice(0, TITLE_MAX) || null;
  return { title, imageUrl: absoluteHttpUrl(meta.get('og:image') ?? meta.get('og:image:url') ?? meta.get('twitter:image'), pageUrl) };
}

function absoluteHttpUrl(raw: string | undefined, base: string): string | null {
  if (!raw?.trim()) return null;
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
