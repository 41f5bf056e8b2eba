import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { Actor } from './context.js';

export function requireActor(request: FastifyRequest): Actor {
  const actor = request.ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

export function clientMeta(request: FastifyRequest) {
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') };
}

/** Origin used to resolve return paths when the caller does not pass PUBLIC_URL (same result for paths). */
const DEFAULT_BASE = 'http://localhost';

/**
 * The one place that decides where to send someone back (`retour`, `returnTo`): only a path on
 * this site. The value is resolved like a browser would (`new URL(value, PUBLIC_URL)`), so tab,
 * CR/LF, backslashes and dot segments cannot turn it into `//evil.example`; the result is the
 * normalised, percent-encoded path (non-ASCII is encoded, so it is always a valid Location).
 */
export function safeReturnPath(value: unknown, fallback = '/', publicUrl: string = DEFAULT_BASE): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2_000) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(publicUrl);
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\') || path.length > 500) return fallback;
  return path;
}
