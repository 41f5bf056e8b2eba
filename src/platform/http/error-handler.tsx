import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue } from '../errors.js';
import { zodIssuesToFields } from '../validation.js';
import type { T } from '../i18n/i18n.js';
import { sendPage } from '../views/render.js';
import { ErrorPage } from '../views/error-page.js';
import { defaultContext } from './request-context.js';
import type { RequestContext } from './context.js';

/** Translates field issues for the JSON body. */
function translateFields(t: T, fields: Record<string, FieldIssue>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([name, issue]) => [name, t(issue.key, issue.params)]));
}

/** Turns anything thrown into an AppError (the one place that knows framework error shapes). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({ ...(v.params), code: v.keyword, message: v.message ?? '', path: v.instancePath.split('/').filter(Boolean) }));
    return new AppError('VALIDATION_FAILED', { fields: zodIssuesToFields(issues as never) });
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('INVALID_JSON');
    default:
      break;
  }
  if (fe.statusCode === 400 && (fe instanceof SyntaxError || /JSON/i.test(fe.message))) return new AppError('INVALID_JSON');
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED', { retryAfter: 60 });
  if (fe.statusCode === 503) return new AppError('UNAVAILABLE');
  return new AppError('INTERNAL');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, appError: AppError): FastifyReply {
  // A hook that runs before the request context (overload protection) may fail first.
  if (!(request.ctx as RequestContext | null)) {
    request.ctx = defaultContext(request, undefined);
    request.isApi = request.url.startsWith('/api/') || request.url === '/readyz';
  }
  const t = request.ctx.t;
  const retryAfter = appError.details.retryAfter;
  if (typeof retryAfter === 'number') reply.header('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
  const message = t(`errors.${appError.code}`);
  const { fields, retryAfter: _r, ...rest } = appError.details as { fields?: Record<string, FieldIssue>; retryAfter?: number };
  const details: Record<string, unknown> = { ...rest };
  if (fields) details.fields = translateFields(t, fields);
  if (typeof retryAfter === 'number') details.retryAfter = retryAfter;
  if (request.isApi) {
    return reply.status(appError.status).send({ error: { code: appError.code, message, details } });
  }
  if (appError.code === 'UNAUTHENTICATED' && request.method === 'GET') {
    return reply.redirect(`/connexion?retour=${encodeURIComponent(request.url)}`, 303);
  }
  return sendPage(request, reply, <ErrorPage ctx={request.ctx} status={appError.status} code={appError.code} message={message} />, {
    title: t(`errorPage.title${appError.status}`, { defaultValue: t('errorPage.titleGeneric') }),
    status: appError.status,
    noindex: true,
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: appError.code }, 'request failed');
    return sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('ROUTE_NOT_FOUND')));
}
