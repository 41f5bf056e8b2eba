import { sniffImage } from '../media/media.images.js';
import type { ApplicationFileExt } from './calls.domain.js';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/**
 * What an uploaded document is, from its first bytes only (the name and declared type are never
 * trusted): a PDF starts with `%PDF-`; images are JPEG, PNG or WebP (GIF is not a document).
 */
export function sniffDocument(buf: Buffer): ApplicationFileExt | null {
  if (buf.length >= PDF_MAGIC.length && buf.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return 'pdf';
  const image = sniffImage(buf);
  if (image === 'jpeg') return 'jpg';
  if (image === 'png' || image === 'webp') return image;
  return null;
}

const EXTENSIONS: Record<ApplicationFileExt, readonly string[]> = { pdf: ['pdf'], jpg: ['jpg', 'jpeg'], png: ['png'], webp: ['webp'] };

/**
 * The name a file is kept and downloaded under: the base of what the browser sent (no folders),
 * without control, bidi or path characters, at most 120 characters, ending in the extension of
 * what the file really is. Nothing left → `document.<ext>`.
 */
export function sanitiseFileName(raw: string, ext: ApplicationFileExt): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"*:<>?|]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const given = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const keep = EXTENSIONS[ext].includes(given) ? given : ext;
  name = stem.slice(0, 120 - keep.length - 1).trim();
  return `${name || 'document'}.${keep}`;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
