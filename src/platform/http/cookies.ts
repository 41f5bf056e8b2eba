import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.js';

/** `__Host-` cookies need HTTPS; on plain-http local use the same names without the prefix. */
export function cookieNames(config: Config) {
  const prefix = config.secureCookies ? '__Host-' : '';
  return { session: `${prefix}ec_session`, anon: `${prefix}ec_anon`, lang: 'ec_lang' } as const;
}

export function setSessionCookie(reply: FastifyReply, config: Config, rawId: string, expiresAt: Date): void {
  reply.setCookie(cookieNames(config).session, rawId, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(cookieNames(config).session, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
}
