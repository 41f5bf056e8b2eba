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

/** Only same-site relative paths are followed after sign-in (no open redirect). */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value.slice(0, 500);
}
