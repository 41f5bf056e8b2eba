import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { sniffImage, toProfilePhoto } from './media.images.js';
import { MEDIA_KEY, newMediaKey } from './media.storage.js';

describe('sniffImage', () => {
  it('knows JPEG, PNG, WebP and GIF by their first bytes, and nothing else', async () => {
    const base = sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } });
    expect(sniffImage(await base.clone().jpeg().toBuffer())).toBe('jpeg');
    expect(sniffImage(await base.clone().png().toBuffer())).toBe('png');
    expect(sniffImage(await base.clone().webp().toBuffer())).toBe('webp');
    expect(sniffImage(await base.clone().gif().toBuffer())).toBe('gif');
    for (const other of ['<svg xmlns="http://www.w3.org/2000/svg"/>', '<?xml version="1.0"?><svg/>', '%PDF-1.7', 'RIFF....WAVE', '']) expect(sniffImage(Buffer.from(other)), other).toBeNull();
  });
});

describe('toProfilePhoto', () => {
  it('stands a photo upright from its EXIF orientation before cropping', async () => {
    // Left half red, right half blue, stored rotated: orientation 6 means "turn 90° clockwise to view".
    const upright = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#ff0000' } })
      .composite([{ input: { create: { width: 100, height: 100, channels: 3, background: '#0000ff' } }, left: 100, top: 0 }])
      .png().toBuffer();
    const stored = await sharp(upright).rotate(-90).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const out = await toProfilePhoto(stored);
    const { data } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const [r0, , b0] = [data[0]!, data[1]!, data[2]!];
    expect(r0).toBeGreaterThan(b0); // top-left is red again
  });
});

describe('media keys', () => {
  it('are random, URL-safe and match the served pattern', () => {
    const a = newMediaKey();
    expect(a).toMatch(MEDIA_KEY);
    expect(a).not.toBe(newMediaKey());
    expect('../../etc/passwd.webp').not.toMatch(MEDIA_KEY);
  });
});
