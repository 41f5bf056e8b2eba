import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

type Op = { operationId?: string; summary?: string; security?: Record<string, string[]>[]; parameters?: { in: string }[]; responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>; requestBody?: { content: Record<string, unknown> } };
type Doc = { paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, unknown>; responses: Record<string, unknown> } };

let ctx: TestContext;
let doc: Doc;
beforeAll(async () => {
  ctx = await createTestApp();
  doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(async () => ctx.close());

const operations = () => Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
const signedInOnly = (op: Op) => (op.security ?? []).length > 0 && !(op.security ?? []).some((s) => Object.keys(s).length === 0);

describe('the OpenAPI document', () => {
  it('passes Redocly lint with no errors and no warnings', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ec-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const run = await promisify(execFile)('npx', ['redocly', 'lint', file, '--format=json', '--max-problems=1000', '--config=redocly.yaml'], { cwd: process.cwd() }).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
    const result = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string }[] };
    expect(result.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(result.totals.errors).toBe(0);
  }, 60_000);

  it('gives every operation a unique id, a summary, its security and the error envelope', () => {
    const ids = new Set<string>();
    for (const { path, method, op } of operations()) {
      expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
      expect(ids.has(op.operationId!), `${op.operationId} is unique`).toBe(false);
      ids.add(op.operationId!);
      expect(op.summary, `${method} ${path}`).toBeTruthy();
      expect(Array.isArray(op.security), `${method} ${path} security`).toBe(true);
      expect(op.responses['400']?.$ref).toBe('#/components/responses/BadRequest');
      expect(op.responses['500']?.$ref).toBe('#/components/responses/InternalError');
      if (signedInOnly(op)) expect(op.responses['401']?.$ref, `${method} ${path}`).toBe('#/components/responses/Unauthorized');
      if (path.includes('{')) expect(op.responses['404'], `${method} ${path}`).toBeDefined();
    }
    expect(JSON.stringify(doc.components.responses.NotFound)).toContain('PROJECT_NOT_FOUND');
  });

  it('names the main resources as components', () => {
    for (const name of ['Project', 'ProjectList', 'Need', 'Pledge', 'Offer', 'Organisation', 'Territory', 'Me', 'Notification', 'Board', 'Comment', 'FeedPage', 'Error']) expect(Object.keys(doc.components.schemas)).toContain(name);
    expect(JSON.stringify(doc.paths['/api/v1/projects/{id}']?.get?.responses['200'])).toContain('#/components/schemas/Project');
  });

  it('documents the multipart uploads, the CSV download and the event stream', () => {
    const upload = doc.paths['/api/v1/projects/{id}/images']!.post!;
    expect(Object.keys(upload.requestBody!.content)).toEqual(['multipart/form-data']);
    expect(JSON.stringify(upload.requestBody)).toContain('"format":"binary"');
    expect(Object.keys(doc.paths['/api/v1/me/photo']!.put!.requestBody!.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(doc.paths['/api/v1/impact.csv']!.get!.responses['200']!.content!)).toEqual(['text/csv']);
    expect(Object.keys(doc.paths['/api/v1/notifications/stream']!.get!.responses['200']!.content!)).toEqual(['text/event-stream']);
  });

  it('says truthfully which reads need a signed-in caller (checked against the running app)', async () => {
    const reads = operations().filter(({ method, path, op }) => method === 'get' && !path.includes('{') && !(op.parameters ?? []).some((p) => (p as { required?: boolean }).required));
    expect(reads.length).toBeGreaterThan(15);
    for (const { path, op } of reads) {
      const res = await ctx.app.inject({ method: 'GET', url: path });
      if (signedInOnly(op)) expect(res.statusCode, `${path} is documented as signed-in only`).toBe(401);
      else expect(res.statusCode, `${path} is documented as open to visitors`).not.toBe(401);
    }
  });
});
