import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import type { Actor } from './context.js';
import { AppError } from '../errors.js';
import { hmac, randomToken, safeEqual } from '../crypto.js';
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, translator, type Locale } from '../i18n/i18n.js';
import { formatters } from '../i18n/format.js';
import { cookieNames } from './cookies.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false`: this unsafe route proves intent otherwise (e.g. a signed token) and skips the CSRF check. */
    csrf?: false;
  }
}

export type ActorResolvers = {
  fromSession(rawId: string): Promise<Actor | null>;
  fromToken(token: string): Promise<Actor | null>;
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function detectLocale(request: FastifyRequest, actor: Actor | null, langCookie: string | undefined): Locale {
  if (actor) return actor.locale;
  const q = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(q)) return q;
  if (isLocale(langCookie)) return langCookie;
  return localeFromAcceptLanguage(request.headers['accept-language']) ?? DEFAULT_LOCALE;
}

function setLocale(request: FastifyRequest, locale: Locale): void {
  request.ctx.locale = locale;
  request.ctx.t = translator(locale);
  request.ctx.fmt = formatters(locale);
}

/** The context before anything is known about the request (also used when an early hook fails). */
export function defaultContext(request: FastifyRequest, langCookie: string | undefined) {
  const locale = detectLocale(request, null, langCookie);
  return { locale, t: translator(locale), fmt: formatters(locale), actor: null, csrfToken: '', path: request.url };
}

function csrfTokenFor(secret: string, seed: string): string {
  return hmac(secret, `csrf:${seed}`);
}

/**
 * The request lifecycle's first steps: a default context (so even early errors render in the right
 * language), then who is asking (session cookie or Bearer token), then the CSRF check.
 */
export function registerRequestContext(app: FastifyInstance, deps: Deps, resolvers: ActorResolvers): void {
  const names = cookieNames(deps.config);
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('csrfSeed', null);
  app.decorateRequest('isApi', false);

  app.addHook('onRequest', async (request, reply) => {
    request.isApi = request.url.startsWith('/api/') || request.url === '/healthz' || request.url === '/readyz';
    const langCookie = request.cookies[names.lang];
    request.ctx = defaultContext(request, langCookie);
    const initial = request.ctx.locale;
    if (request.url.startsWith('/assets/') || request.url === '/healthz') return;

    let actor: Actor | null = null;
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      actor = await resolvers.fromToken(auth.slice(7).trim());
      if (!actor) throw new AppError('UNAUTHENTICATED');
    } else {
      const rawSession = request.cookies[names.session];
      if (rawSession) actor = await resolvers.fromSession(rawSession);
      request.csrfSeed = actor ? rawSession! : (request.cookies[names.anon] ?? null);
      if (!request.csrfSeed && !request.isApi && request.method === 'GET') {
        request.csrfSeed = randomToken(24);
        reply.setCookie(names.anon, request.csrfSeed, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies });
      }
    }
    request.ctx.actor = actor;
    request.ctx.csrfToken = request.csrfSeed ? csrfTokenFor(deps.config.sessionSecret, request.csrfSeed) : '';
    const locale = detectLocale(request, actor, langCookie);
    if (locale !== initial) setLocale(request, locale);
  });

  app.addHook('preValidation', async (request) => {
    if (!UNSAFE.has(request.method) || request.ctx.actor?.via === 'token') return;
    // A route whose proof of intent is in the request itself (a signed link) opts out in its config.
    if (request.routeOptions.config.csrf === false) return;
    const origin = request.headers.origin;
    const host = request.headers.host;
    if (origin !== undefined) {
      // `Origin: null` (sandboxed iframes, data: URLs, some redirects) is an opaque, foreign origin.
      let sameOrigin = false;
      try {
        sameOrigin = origin !== 'null' && (new URL(origin).host === host || origin === deps.config.publicUrl);
      } catch {
        sameOrigin = false;
      }
      if (!sameOrigin) throw new AppError('CSRF_INVALID');
    }
    const body = request.body as Record<string, unknown> | undefined;
    const sent = (request.headers['x-csrf-token'] as string | undefined) ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
    if (sent && request.csrfSeed && safeEqual(sent, request.ctx.csrfToken)) return;
    // JSON API calls from a same-origin page (Origin checked above) or from a client with no
    // cookies at all (nothing ambient to abuse) pass; HTML form posts always need the token.
    const isJson = (request.headers['content-type'] ?? '').startsWith('application/json') || request.headers['content-type'] === undefined;
    if (request.isApi && isJson && (origin || !request.csrfSeed)) return;
    throw new AppError('CSRF_INVALID');
  });
}
