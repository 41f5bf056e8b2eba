import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, validationError, type FieldIssue } from '../errors.js';
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
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new AppError('INVALID_JSON');
    case 'FST_ERR_BAD_URL':
    case 'FST_PROTO_VIOLATION':
      return new AppError('MALFORMED_REQUEST');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('URI_TOO_LONG');
    default:
      break;
  }
  // Truncated or broken multipart bodies (busboy reports them as plain errors).
  if (fe.statusCode === undefined && /multipart|boundary not found/i.test(fe.message ?? '')) return new AppError('MALFORMED_REQUEST');
  // Safety net behind the input hook: PostgreSQL refuses NUL in text (22021) and JSON (22P05).
  const sqlState = (fe as { code?: unknown }).code ?? (fe.cause as { code?: unknown } | undefined)?.code;
  if (sqlState === '22021' || sqlState === '22P05') return validationError({ _: { key: 'validation.forbiddenCharacter' } });
  if (fe.statusCode === 400 && (fe instanceof SyntaxError || /JSON/i.test(fe.message))) return new AppError('INVALID_JSON');
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED', { retryAfter: 60 });
  if (fe.statusCode === 503) return new AppError('UNAVAILABLE');
  if (fe.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (fe.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA');
  if (fe.statusCode === 400) return new AppError('MALFORMED_REQUEST');
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
  // `messageParams` fill the message's {{placeholders}} (e.g. the phase a call is in); they are not echoed in details.
  const { fields, retryAfter: _r, messageParams, ...rest } = appError.details as { fields?: Record<string, FieldIssue>; retryAfter?: number; messageParams?: Record<string, string> };
  const message = t(`errors.${appError.code}`, messageParams);
  const details: Record<string, unknown> = { ...rest };
  if (fields) details.fields = translateFields(t, fields);
  if (typeof retryAfter === 'number') details.retryAfter = retryAfter;
  if (request.isApi) {
    return reply.status(appError.status).send({ error: { code: appError.code, message, details } });
  }
  if (appError.code === 'UNAUTHENTICATED' && request.method === 'GET') {
    return reply.redirect(`/connexion?retour=${encodeURIComponent(request.url)}`, 303);
  }
  // A page that failed before its own form could show the field errors says what was wrong.
  const pageMessage = fields ? [message, ...new Set(Object.values(details.fields as Record<string, string>))].join(' ') : message;
  return sendPage(request, reply, <ErrorPage ctx={request.ctx} status={appError.status} code={appError.code} message={pageMessage} />, {
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
