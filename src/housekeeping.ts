import type { Deps } from './platform/deps.js';
import { purgeExpiredBuckets } from './platform/rate-limit.js';
import { purgeOldIdempotencyKeys } from './platform/idempotency.js';
import { sessionsRepository } from './modules/auth/sessions.repository.js';

/** Deletes what has expired: sessions and one-time links, rate-limit windows, idempotency keys. */
export async function runHousekeeping(deps: Pick<Deps, 'db'>): Promise<void> {
  await sessionsRepository.purgeExpired(deps.db);
  await purgeExpiredBuckets(deps.db);
  await purgeOldIdempotencyKeys(deps.db);
}

