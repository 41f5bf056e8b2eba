import { randomBytes } from 'node:crypto';

/** Opaque, URL-safe, 16-character ids (96 bits of randomness). */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}
