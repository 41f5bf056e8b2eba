import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { AppError } from './errors.js';
import { idempotencyKeys } from './platform.tables.js';

const IN_PROGRESS = 0;

function requestHash(request: FastifyRequest): string {
  return createHash('sha256').update(request.method).update(request.url).update(JSON.stringify(request.body ?? null)).digest('base64url');
}

/**
 * `Idempotency-Key` for creating POSTs: the same key and body give the same answer (and one row);
 * the same key with another body gives 422. Parallel duplicates wait for the first to finish.
 * Keys are scoped to the caller, so two people cannot collide.
 */
export async function idempotent(db: Db, request: FastifyRequest, reply: FastifyReply, run: () => Promise<{ status: number; body: unknown }>): Promise<FastifyReply> {
  const header = request.headers['idempotency-key'];
  if (typeof header !== 'string' || header.length === 0) {
    const result = await run();
    return reply.status(result.status).send(result.body);
  }
  if (header.length > 200) throw new AppError('VALIDATION_FAILED', { fields: { 'Idempotency-Key': { key: 'validation.tooLong', params: { count: 200 } } } });
  const key = `${request.ctx.actor?.id ?? request.ip}:${header}`;
  const hash = requestHash(request);
  const inserted = await db.insert(idempotencyKeys).values({ key, requestHash: hash, status: IN_PROGRESS }).onConflictDoNothing().returning({ key: idempotencyKeys.key });
  if (inserted.length === 0) return replay(db, key, hash, reply);
  try {
    const result = await run();
    await db.update(idempotencyKeys).set({ status: result.status, body: result.body }).where(eq(idempotencyKeys.key, key));
    return reply.status(result.status).send(result.body);
  } catch (err) {
    await db.delete(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    throw err;
  }
}

async function replay(db: Db, key: string, hash: string, reply: FastifyReply): Promise<FastifyReply> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    if (!row) throw new AppError('IDEMPOTENCY_MISMATCH'); // the first attempt failed and was rolled back
    if (row.requestHash !== hash) throw new AppError('IDEMPOTENCY_MISMATCH');
    if (row.status !== IN_PROGRESS) return reply.status(row.status).header('Idempotent-Replayed', 'true').send(row.body);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new AppError('UNAVAILABLE', { retryAfter: 1 });
}

export async function purgeOldIdempotencyKeys(db: Db): Promise<void> {
  await db.delete(idempotencyKeys).where(sql`${idempotencyKeys.createdAt} < now() - interval '24 hours'`);
}
