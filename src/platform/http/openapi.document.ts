import { z } from 'zod';
import { errorStatuses as knownErrorStatuses } from '../errors.js';

/** Extra facts a route gives its OpenAPI operation through `config.openapi`. */
export type RouteDocs = {
  /** A `multipart/form-data` body: each field and whether it is a file. */
  multipart?: Record<string, { file?: boolean; description: string; required?: boolean }>;
  /** A success response that is not JSON (CSV download, server-sent events). */
  produces?: { status: number; contentType: string; description: string };
};

type Json = Record<string, unknown>;
type Operation = Json & { operationId?: string; summary?: string; description?: string; security?: unknown; parameters?: { in: string }[]; responses?: Record<string, unknown>; requestBody?: unknown };
type Document = Json & { paths?: Record<string, Record<string, Operation>>; components?: Json & { schemas?: Json; responses?: Json } };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SCHEMA_REF = '#/components/schemas/';
const SIGNED_IN = [{ bearer: [] }, { session: [] }];
const OPTIONAL = [{}, { bearer: [] }, { session: [] }];

const STATUS_NAMES: Record<number, string> = {
  400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict', 413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType', 422: 'UnprocessableContent', 429: 'TooManyRequests', 500: 'InternalError', 503: 'Unavailable',
};
const STATUS_TEXT: Record<number, string> = {
  400: 'The request is malformed or fails validation (`details.fields` names each field).',
  401: 'Not signed in, or the token is unknown, revoked or expired.',
  403: 'Signed in but not allowed here (or the CSRF check failed for a session).',
  404: 'No such resource, or not visible to the caller.',
  409: 'The resource is not in a state that allows this (the code says which).',
  413: 'The upload is larger than allowed.',
  415: 'The upload is not a supported image type.',
  422: 'The request is well formed but cannot be processed (e.g. `Idempotency-Key` reused with another body).',
  429: 'Too many requests: wait for the `Retry-After` seconds.',
  500: 'An unexpected error; the `details.requestId` helps support find it.',
  503: 'The instance is overloaded or shutting down: retry after `Retry-After` seconds.',
};

function codesFor(status: number): string[] {
  return [...knownErrorStatuses()].filter(([, s]) => s === status).map(([c]) => c);
}

/** The error envelope and one reusable response per status, listing the codes it can carry. */
function errorComponents(): { schemas: Json; responses: Json } {
  const responses: Json = {};
  for (const [status, name] of Object.entries(STATUS_NAMES)) {
    const codes = codesFor(Number(status));
    responses[name] = {
      description: `${STATUS_TEXT[Number(status)]} Codes: ${codes.map((c) => `\`${c}\``).join(', ') || '`INTERNAL`'}.`,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  const schemas: Json = {
    Error: {
      type: 'object',
      description: 'The one error envelope of the API.',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', enum: [...knownErrorStatuses().keys()], description: 'Stable machine-readable code.' },
            message: { type: 'string', description: 'Human-readable message in the request language.' },
            details: { type: 'object', additionalProperties: true, description: 'Extra facts, e.g. `fields` for validation errors.' },
          },
        },
      },
    },
  };
  return { schemas, responses };
}

/** `getProjectsByIdComments` from `get /api/v1/projects/{id}/comments`. */
function operationIdFor(method: string, path: string): string {
  const words = path.replace(/^\/api\/v1\/?/, '').split(/[/.]/).filter(Boolean).map((seg) => {
    const param = /^\{(.+)\}$/.exec(seg);
    const word = param ? `by-${param[1]}` : seg;
    return word.split(/[-_]/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  });
  return method + words.join('');
}

/** First sentence of the description, or a plain reading of the route. */
function summaryFor(method: string, path: string, description: string | undefined): string {
  const first = description?.split(/(?<=\.)\s/)[0]?.replace(/`/g, '').trim();
  if (first && first.length <= 100) return first.replace(/\.$/, '');
  const segs = path.replace(/^\/api\/v1\/?/, '').split('/').filter((s) => !s.startsWith('{'));
  const what = segs.join(' ').replace(/[-_.]/g, ' ');
  const verb = { get: path.endsWith('}') ? 'Get' : 'List', post: 'Create', put: 'Replace', patch: 'Update', delete: 'Delete' }[method] ?? method;
  return `${verb} ${what}`.trim();
}

function errorStatuses(method: string, op: Operation, multipart: boolean): number[] {
  const out = new Set<number>([400, 429, 500, 503]);
  const security = op.security as unknown[] | undefined;
  const needsAuth = Array.isArray(security) && security.length > 0 && !security.some((s) => Object.keys(s as Json).length === 0);
  if (needsAuth) out.add(401);
  if (method !== 'get' || needsAuth) out.add(403);
  if ((op.parameters ?? []).some((p) => p.in === 'path')) out.add(404);
  if (method !== 'get') { out.add(409); out.add(422); }
  if (multipart) { out.add(413); out.add(415); }
  return [...out].sort();
}

/** Completes the generated document: ids, summaries, security, error responses, multipart bodies. */
export function completeDocument<D extends Document>(doc: D, routeDocs: ReadonlyMap<string, RouteDocs>): D {
  const errors = errorComponents();
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, ...errors.schemas }, responses: { ...doc.components?.responses, ...errors.responses } };
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const routeUrl = path.replace(/\{([^}]+)\}/g, ':$1');
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      op.operationId ??= operationIdFor(method, path);
      op.summary ??= summaryFor(method, path, op.description);
      op.security ??= method === 'get' ? OPTIONAL : SIGNED_IN;
      const docs = routeDocs.get(`${method} ${routeUrl}`);
      if (docs?.multipart) {
        const properties: Json = {};
        for (const [name, f] of Object.entries(docs.multipart)) properties[name] = f.file ? { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream', description: f.description } : { type: 'string', description: f.description };
        const required = Object.entries(docs.multipart).filter(([, f]) => f.required).map(([n]) => n);
        op.requestBody = { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties, required } } } };
      }
      op.responses ??= {};
      if (docs?.produces) op.responses[String(docs.produces.status)] = { description: docs.produces.description, content: { [docs.produces.contentType]: { schema: { type: 'string' } } } };
      for (const status of errorStatuses(method, op, docs?.multipart !== undefined)) {
        op.responses[String(status)] ??= { $ref: `#/components/responses/${STATUS_NAMES[status]}` };
      }
    }
  }
  nameRecordKeys(doc);
  pruneUnusedSchemas(doc);
  return doc;
}

/**
 * zod writes a record with enumerated keys as `required` keys + `additionalProperties`; OpenAPI tools
 * want each required key under `properties` too.
 */
function nameRecordKeys(node: unknown): void {
  if (Array.isArray(node)) { for (const n of node) nameRecordKeys(n); return; }
  if (typeof node !== 'object' || node === null) return;
  const o = node as Json & { required?: unknown; properties?: Json; additionalProperties?: unknown };
  if (Array.isArray(o.required) && typeof o.additionalProperties === 'object' && o.additionalProperties !== null) {
    o.properties ??= {};
    for (const key of o.required as string[]) o.properties[key] ??= o.additionalProperties;
  }
  for (const v of Object.values(o)) nameRecordKeys(v);
}

/**
 * Presenters name every exported schema, and the zod transform adds an input twin of each: keep
 * only the components an operation reaches (`Error` always), following `$ref`s from schema to
 * schema in one pass, each schema walked once.
 */
function pruneUnusedSchemas(doc: Document): void {
  const schemas = doc.components?.schemas;
  if (!schemas) return;
  const reached = new Set<string>();
  const pending: unknown[] = [{ ...doc, components: { ...doc.components, schemas: undefined } }];
  const reach = (name: string) => {
    if (reached.has(name) || !Object.hasOwn(schemas, name)) return;
    reached.add(name);
    pending.push(schemas[name]);
  };
  reach('Error');
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node === 'string') {
      if (node.startsWith(SCHEMA_REF)) reach(node.slice(SCHEMA_REF.length));
    } else if (typeof node === 'object' && node !== null) {
      for (const value of Object.values(node as Json)) pending.push(value);
    }
  }
  for (const name of Object.keys(schemas)) if (!reached.has(name)) delete schemas[name];
}

/**
 * Names the response schemas of the given presenter modules as OpenAPI components: every exported
 * zod schema called `ZSomething` becomes `#/components/schemas/Something` (inputs: `SomethingInput`).
 */
export function registerSchemaComponents(presenters: readonly Record<string, unknown>[]): void {
  for (const mod of presenters) {
    for (const [name, value] of Object.entries(mod)) {
      if (!/^Z[A-Z]/.test(name) || !(value instanceof z.ZodType) || z.globalRegistry.has(value)) continue;
      const id = name.slice(1);
      if (z.globalRegistry._idmap.has(id)) continue;
      z.globalRegistry.add(value, { id });
    }
  }
}
