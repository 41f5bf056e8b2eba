import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { imageSources, toProjectImage, variantKey, variantWidths } from './projects.images.js';
import { MEDIA_KEY } from '../media/media.storage.js';
import { safeExcerpt } from './projects.presenter.js';

describe('responsive variants', () => {
  it('are 400, 800 and 1200 px wide, never wider than the original', () => {
    expect(variantWidths(1200)).toEqual([400, 800, 1200]);
    expect(variantWidths(900)).toEqual([400, 800, 900]);
    expect(variantWidths(300)).toEqual([300]);
  });
  it('are named so the /media route serves them', () => {
    expect(variantKey('AbCdEfGhIjKlMnOpQrStUvWx', 800)).toMatch(MEDIA_KEY);
    expect(imageSources({ storageKey: 'k'.repeat(24), width: 900, height: 600 })).toEqual({
      src: `/media/${'k'.repeat(24)}-900.webp`,
      srcset: [400, 800, 900].map((w) => `/media/${'k'.repeat(24)}-${w}.webp ${w}w`).join(', '),
      width: 900,
      height: 600,
    });
  });
  it('come out upright, as WebP, without the EXIF of the upload', async () => {
    const stored = await sharp({ create: { width: 600, height: 1000, channels: 3, background: '#123456' } }).jpeg().withMetadata({ orientation: 6, exif: { IFD0: { Artist: 'secret-artist' } } }).toBuffer();
    const out = await toProjectImage(stored);
    expect([out.width, out.height]).toEqual([1000, 600]);
    expect(out.variants.map((v) => v.width)).toEqual([400, 800, 1000]);
    const meta = await sharp(out.variants[0]!.data).metadata();
    expect([meta.format, meta.exif, out.variants[0]!.data.includes('secret-artist')]).toEqual(['webp', undefined, false]);
  });
});

describe('safeExcerpt', () => {
  it('keeps <mark> and turns every other "<" into text', () => {
    expect(safeExcerpt('des <mark>bénévoles</mark> &lt;b&gt; <script>x</script>')).toBe('des <mark>bénévoles</mark> &lt;b&gt; &lt;script>x&lt;/script>');
    expect(safeExcerpt(null)).toBeNull();
  });
});
