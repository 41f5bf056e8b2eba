import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * The contest seed at rest: AES-256-GCM under a key derived from SESSION_SECRET, so a database dump
 * alone does not reveal a seed before its draw. Format: base64url(iv | tag | ciphertext).
 */
const keyOf = (secret: string) => createHash('sha256').update(`contest-seed:${secret}`).digest();

export function sealSeed(seedHex: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(Buffer.from(seedHex, 'hex')), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function openSeed(sealed: string, secret: string): string {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('hex');
}
