/**
 * What every authorisation matrix shares: how one request is sent as one person (through the JSON
 * API, or as a browser form post with its CSRF field) and how its answer reads as an outcome.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { TestContext } from '../helpers/test-app.js';
import { FORM, form } from '../helpers/factories.js';

export type Outcome = 'ok' | 'signIn' | 'forbidden' | 'notFound' | 'refused';
export type Req = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body?: Record<string, unknown> };
export type Via = 'api' | 'page';

export function sendAs(ctx: TestContext, s: { cookie: string; csrf: string }, req: Req, via: Via): Promise<LightMyRequestResponse> {
  if (via === 'page' && req.method === 'POST') {
    return ctx.app.inject({ method: 'POST', url: req.url, headers: { cookie: s.cookie, ...FORM }, payload: form({ _csrf: s.csrf, ...(req.body as Record<string, string>) }) });
  }
  return ctx.app.inject({ method: req.method, url: req.url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, ...(req.body ? { payload: req.body } : {}) });
}

export function outcomeOf(res: LightMyRequestResponse): Outcome | `unexpected ${number}` {
  const location = String(res.headers.location ?? '');
  if (res.statusCode === 401 || (res.statusCode === 303 && location.startsWith('/connexion'))) return 'signIn';
  if (res.statusCode === 403) return 'forbidden';
  if (res.statusCode === 404) return 'notFound';
  if (res.statusCode === 400 || res.statusCode === 409 || res.statusCode === 422) return 'refused';
  if (res.statusCode >= 200 && res.statusCode < 400) return 'ok';
  return `unexpected ${res.statusCode}`;
}
