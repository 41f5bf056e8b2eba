import sharp from 'sharp';
import { AppError } from '../../platform/errors.js';
import { randomToken } from '../../platform/crypto.js';
import { MAX_INPUT_PIXELS, sniffImage } from '../media/media.images.js';
import { MEDIA_KEY } from '../media/media.storage.js';

/** Responsive widths of a project image; a smaller original is never enlarged. */
const IMAGE_WIDTHS = [400, 800, 1200] as const;
const LARGEST = 1200;
export const MAX_PROJECT_IMAGES = 10;

/** The widths stored for an image whose largest variant is `width` pixels wide. */
export function variantWidths(width: number): number[] {
  return [...new Set(IMAGE_WIDTHS.map((w) => Math.min(w, width)))];
}

/** `<storageKey>-<width>.webp`: a name the /media/:key route serves (random, never derived from the upload). */
export function variantKey(storageKey: string, width: number): string {
  return `${storageKey}-${width}.webp`;
}

export function newImageStorageKey(): string {
  return randomToken(18);
}

export function isImageStorageKey(storageKey: string): boolean {
  return MEDIA_KEY.test(variantKey(storageKey, 1200));
}

export type ImageSources = { src: string; srcset: string; width: number; height: number };

/** `src` (the largest) and `srcset` for an `<img>`, from what the row stores. */
export function imageSources(image: { storageKey: string; width: number; height: number }): ImageSources {
  const widths = variantWidths(image.width);
  return {
    src: `/media/${variantKey(image.storageKey, widths[widths.length - 1]!)}`,
    srcset: widths.map((w) => `/media/${variantKey(image.storageKey, w)} ${w}w`).join(', '),
    width: image.width,
    height: image.height,
  };
}

export type ProcessedImage = { width: number; height: number; variants: { width: number; height: number; data: Buffer }[] };

/**
 * An upload → WebP variants at 400, 800 and 1200 px wide (never upscaled): the media pipeline's
 * checks (magic bytes, pixel cap before decoding, first frame only), upright from EXIF, re-encoded
 * so EXIF, GPS and XMP are dropped.
 */
export async function toProjectImage(upload: Buffer): Promise<ProcessedImage> {
  const kind = sniffImage(upload);
  if (!kind) throw new AppError('IMAGE_INVALID', { reason: 'type' });
  try {
    const image = sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', pages: 1 });
    const meta = await image.metadata();
    if (meta.format !== kind || !meta.width || !meta.height || meta.width * meta.height > MAX_INPUT_PIXELS) throw new Error('unexpected image');
    const uprightWidth = (meta.orientation ?? 1) >= 5 ? meta.height : meta.width;
    const fullWidth = Math.min(uprightWidth, LARGEST);
    const upright = image.rotate();
    const variants = await Promise.all(
      variantWidths(fullWidth).map(async (width) => {
        const out = await upright.clone().resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
        return { width, height: out.info.height, data: out.data };
      }),
    );
    const largest = variants[variants.length - 1]!;
    return { width: fullWidth, height: largest.height, variants };
  } catch {
    throw new AppError('IMAGE_INVALID', { reason: 'decode' });
  }
}
