import { sql } from 'drizzle-orm';
import { execRows, type Db } from '../db/client.js';
import { AppError } from './errors.js';
import { rateLimitBuckets } from './platform.tables.js';

export type Limit = { name: string; max: number; windowSeconds: number };

/** The limits of quality.md, in one place. */
export const LIMITS = {
  loginPerIpMinute: { name: 'login-ip-m', max: 6, windowSeconds: 60 },
  loginPerIpHour: { name: 'login-ip-h', max: 30, windowSeconds: 3600 },
  loginPerAccount: { name: 'login-acct', max: 10, windowSeconds: 900 },
  signupPerIp: { name: 'signup-ip', max: 5, windowSeconds: 1800 },
  resetPerAddress: { name: 'reset-addr', max: 5, windowSeconds: 1800 },
  resetPerIp: { name: 'reset-ip', max: 20, windowSeconds: 1800 },
  waitlistPerIp: { name: 'waitlist-ip', max: 10, windowSeconds: 1800 },
} satisfies Record<string, Limit>;

/**
 * Counts a hit in a fixed window stored in the database (shared by every instance), and throws
 * RATE_LIMITED with the seconds to wait once the limit is passed. One atomic upsert per hit.
 */
export async function hit(db: Db, limit: Limit, subject: string, enabled = true): Promise<void> {
  if (!enabled) return;
  const key = `${limit.name}:${subject}`;
  const rows = await execRows<{ count: number; retry_after: number }>(db, sql`
    INSERT INTO ${rateLimitBuckets} (key, count, reset_at)
    VALUES (${key}, 1, now() + make_interval(secs => ${limit.windowSeconds}))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN ${rateLimitBuckets.resetAt} <= now() THEN 1 ELSE ${rateLimitBuckets.count} + 1 END,
      reset_at = CASE WHEN ${rateLimitBuckets.resetAt} <= now() THEN EXCLUDED.reset_at ELSE ${rateLimitBuckets.resetAt} END
    RETURNING count, extract(epoch FROM (reset_at - now()))::float8 AS retry_after`);
  const row = rows[0];
  if (row && row.count > limit.max) throw new AppError('RATE_LIMITED', { retryAfter: Math.max(1, Math.ceil(row.retry_after)) });
}

export async function purgeExpiredBuckets(db: Db): Promise<void> {
  await db.execute(sql`DELETE FROM ${rateLimitBuckets} WHERE reset_at < now() - interval '1 hour'`);
}
