import sharp from 'sharp';
import { AppError } from '../../platform/errors.js';

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'gif';

/** Decoding a bigger picture could exhaust memory (a "pixel flood"): refused before allocating it. */
export const MAX_INPUT_PIXELS = 40_000_000;
const PROFILE_PHOTO_SIZE = 512;

const startsWith = (buf: Buffer, bytes: number[], offset = 0) => buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** The image kind from the file's first bytes; the client's name and MIME type are never trusted. */
export function sniffImage(buf: Buffer): ImageKind | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(buf, ascii('GIF87a')) || startsWith(buf, ascii('GIF89a'))) return 'gif';
  return null;
}

/**
 * Turns an upload into a 512×512 WebP profile photo: magic bytes first, then a decoder with a pixel
 * cap, upright from its EXIF orientation, centre-cropped, re-encoded (which drops EXIF, GPS, XMP).
 */
export async function toProfilePhoto(upload: Buffer): Promise<Buffer> {
  const kind = sniffImage(upload);
  if (!kind) throw new AppError('IMAGE_INVALID', { reason: 'type' });
  try {
    const image = sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', pages: 1 });
    const meta = await image.metadata();
    if (meta.format !== kind || !meta.width || !meta.height || meta.width * meta.height > MAX_INPUT_PIXELS) throw new Error('unexpected image');
    return await image
      .rotate()
      .resize(PROFILE_PHOTO_SIZE, PROFILE_PHOTO_SIZE, { fit: 'cover', position: 'centre' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new AppError('IMAGE_INVALID', { reason: 'decode' });
  }
}

/** Longest side of a document image once re-encoded (a letter page scanned at 300 dpi fits). */
const DOCUMENT_IMAGE_SIZE = 4096;

/**
 * Re-encodes an image given as a document (call applications, ADR 0024) in its own format, upright,
 * at most 4096 px on its longest side: the re-encoding drops EXIF, GPS and XMP. JPEG, PNG and WebP only.
 */
export async function toDocumentImage(upload: Buffer): Promise<{ data: Buffer; kind: 'jpeg' | 'png' | 'webp' }> {
  const kind = sniffImage(upload);
  if (kind !== 'jpeg' && kind !== 'png' && kind !== 'webp') throw new AppError('IMAGE_INVALID', { reason: 'type' });
  try {
    const image = sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', pages: 1 });
    const meta = await image.metadata();
    if (meta.format !== kind || !meta.width || !meta.height || meta.width * meta.height > MAX_INPUT_PIXELS) throw new Error('unexpected image');
    const resized = image.rotate().resize(DOCUMENT_IMAGE_SIZE, DOCUMENT_IMAGE_SIZE, { fit: 'inside', withoutEnlargement: true });
    const data = kind === 'jpeg' ? await resized.jpeg({ quality: 85 }).toBuffer() : kind === 'png' ? await resized.png().toBuffer() : await resized.webp({ quality: 85 }).toBuffer();
    return { data, kind };
  } catch {
    throw new AppError('IMAGE_INVALID', { reason: 'decode' });
  }
}
