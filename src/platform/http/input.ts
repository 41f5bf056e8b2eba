import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validationError, type FieldIssue } from '../errors.js';

/** U+0000: PostgreSQL text cannot hold it, and it has no business in any field. */
const NUL = '\u0000';
/** Bidi embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they can reorder what a reader sees. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Secrets are compared byte for byte: never rewritten (a NUL in them is still refused). */
const SECRET_FIELD = /password|token|secret|_csrf/i;
const MAX_DEPTH = 8;

type Found = Record<string, FieldIssue>;

/**
 * Walks query, path parameters or a parsed body: records every field holding a NUL byte (in its
 * value or its name) and strips bidi control characters from text fields, in place.
 */
function scan(value: unknown, path: string, found: Found, depth: number, anyObject = false): unknown {
  if (typeof value === 'string') {
    if (value.includes(NUL)) found[path || '_'] = { key: 'validation.forbiddenCharacter' };
    return SECRET_FIELD.test(path) ? value : value.replace(BIDI_CONTROLS, '');
  }
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = scan(value[i], path ? `${path}.${i}` : String(i), found, depth + 1);
    return value;
  }
  // Query and params objects come from the router's own classes; a body is walked only when plain
  // (parsed JSON or form), never a multipart part or a stream.
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!anyObject && proto !== Object.prototype && proto !== null) return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const name = path ? `${path}.${key}` : key;
    if (key.includes(NUL)) found[name.replaceAll(NUL, '\\0')] = { key: 'validation.forbiddenCharacter' };
    record[key] = scan(record[key], name, found, depth + 1, anyObject);
  }
  return value;
}

/** The fields of a request that hold a NUL byte (and the same request with bidi controls removed). */
export function normaliseRequestInput(request: Pick<FastifyRequest, 'query' | 'params' | 'body'>): Found {
  const found: Found = {};
  scan(request.params, '', found, 0, true);
  scan(request.query, '', found, 0, true);
  const body = scan(request.body, '', found, 0);
  if (typeof body === 'string' && body !== request.body) (request as { body: unknown }).body = body;
  return found;
}

/**
 * The same rules for a multipart text part, which the preValidation hook never sees (the handler
 * reads the parts as they stream): records in `found` a NUL byte in the field's name or value, and
 * returns the value with bidi controls removed. Throw `validationError(found)` once the parts are read.
 */
export function normaliseMultipartField(name: string, value: string, found: Record<string, FieldIssue>): string {
  if (name.includes(NUL)) found[name.replaceAll(NUL, '\\0')] = { key: 'validation.forbiddenCharacter' };
  return scan(value, name.replaceAll(NUL, '\\0'), found, 0) as string;
}

/**
 * Input normalisation, in one place for every route (pages and API), before validation and the
 * CSRF check: a NUL byte anywhere in the query, path parameters or body is a 400 VALIDATION_FAILED
 * naming the field (it never reaches SQL or the logs); bidi controls are stripped from text.
 */
export function registerInputNormalisation(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found = normaliseRequestInput(request);
    if (Object.keys(found).length > 0) throw validationError(found);
  });
}
