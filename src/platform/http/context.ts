import type { Locale, T } from '../i18n/i18n.js';
import type { Formatters } from '../i18n/format.js';

export type RoleGrantView = { role: 'staff' | 'moderator' | 'admin' | 'delegate'; caisseId: string | null };

/** Who is making the request. `null` for a visitor. */
export type Actor = {
  id: string;
  handle: string;
  displayName: string;
  email: string;
  locale: Locale;
  emailVerified: boolean;
  roles: RoleGrantView[];
  /** How the request authenticated: a browser session or a personal access token. */
  via: 'session' | 'token';
  sessionIdHash: string | null;
  reauthAt: Date | null;
};

export type RequestContext = {
  locale: Locale;
  t: T;
  fmt: Formatters;
  actor: Actor | null;
  /** Token to embed in forms (`_csrf`) and htmx headers. */
  csrfToken: string;
  /** Canonical path + query of this request, for language switch and redirects. */
  path: string;
  /** Header badges of a signed-in person's page (one query, loaded before page handlers). */
  badges?: { notifications: number; messages: number } | undefined;
  /** What the header may offer this person, computed once from their grants (`navAbilities`); views never read roles. */
  abilities?: { admin: boolean; moderation: boolean; staffSpace: boolean } | undefined;
};

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    /** Raw CSRF seed (session id or anonymous cookie) before it becomes a token. */
    csrfSeed: string | null;
    isApi: boolean;
  }
}
