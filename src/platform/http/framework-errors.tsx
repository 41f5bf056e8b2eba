import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { AppError } from '../errors.js';
import { DEFAULT_LOCALE, localeFromAcceptLanguage, translator } from '../i18n/i18n.js';
import { formatters } from '../i18n/format.js';
import { Layout } from '../views/layout.js';
import { ErrorPage } from '../views/error-page.js';
import type { RequestContext } from './context.js';
import { sendError, toAppError } from './error-handler.js';

type ClientError = Error & { code?: string; rawPacket?: unknown };

/**
 * Errors found before routing (malformed % escapes in the path, a path parameter over the length
 * limit): Fastify's `frameworkErrors`. No hook has run, so the security headers are set here; the
 * body is the usual envelope (JSON under /api, the HTML error page elsewhere).
 */
export function frameworkErrorHandler(headers: Record<string, string>) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    reply.headers(headers);
    const appError = toAppError(error);
    request.log.info({ code: appError.code }, 'request refused before routing');
    void sendError(request, reply, appError);
  };
}

function statusOfClientError(err: ClientError, requestLine: string | undefined): AppError {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new AppError('REQUEST_TIMEOUT');
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    // Node counts the request line in the header limit: a line that never ended is a too-long URI.
    return requestLine === undefined ? new AppError('URI_TOO_LONG') : new AppError('HEADERS_TOO_LARGE');
  }
  return new AppError('MALFORMED_REQUEST');
}

/** The request line and Accept-Language of what could be read of a request the HTTP parser refused. */
function readHead(raw: unknown): { requestLine: string | undefined; target: string; acceptLanguage: string | undefined } {
  const text = Buffer.isBuffer(raw) ? raw.subarray(0, 16_384).toString('latin1') : '';
  const end = text.indexOf('\r\n');
  const requestLine = end === -1 ? undefined : text.slice(0, end);
  const target = (requestLine ?? text).split(' ')[1] ?? '';
  const acceptLanguage = /\r\naccept-language:[ \t]*([^\r\n]*)/i.exec(text)?.[1];
  return { requestLine, target, acceptLanguage };
}

/**
 * Errors of the HTTP parser itself (431 header overflow, 414 request line too long, 408, garbage):
 * Fastify's `clientErrorHandler` gets only the socket, so the response is written raw, with the
 * same envelope and security headers as every other response.
 */
export function clientErrorHandler(headers: Record<string, string>) {
  return (err: ClientError, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const { requestLine, target, acceptLanguage } = readHead(err.rawPacket);
    const appError = statusOfClientError(err, requestLine);
    const locale = localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
    const t = translator(locale);
    const message = t(`errors.${appError.code}`);
    let body: string;
    let type: string;
    if (target.startsWith('/api/')) {
      body = JSON.stringify({ error: { code: appError.code, message, details: {} } });
      type = 'application/json; charset=utf-8';
    } else {
      const ctx: RequestContext = { locale, t, fmt: formatters(locale), actor: null, csrfToken: '', path: '/' };
      const title = t(`errorPage.title${appError.status}`, { defaultValue: t('errorPage.titleGeneric') });
      body = '<!doctype html>' + renderToString(
        <Layout ctx={ctx} title={title} noindex>
          <ErrorPage ctx={ctx} status={appError.status} code={appError.code} message={message} />
        </Layout>,
      );
      type = 'text/html; charset=utf-8';
    }
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const all: Record<string, string> = { ...headers, 'content-type': type, 'cache-control': 'no-store', 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
    const head = Object.entries(all).map(([k, v]) => `${k}: ${v}`).join('\r\n');
    socket.end(`HTTP/1.1 ${appError.status} ${statusText(appError.status)}\r\n${head}\r\n\r\n${body}`);
  };
}

function statusText(status: number): string {
  return { 400: 'Bad Request', 408: 'Request Timeout', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' }[status] ?? 'Error';
}
