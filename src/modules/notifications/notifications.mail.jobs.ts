import type { Deps } from '../../platform/deps.js';
import type { JobDefinition, Jobs } from '../../platform/jobs/jobs.js';
import { sendAllImmediate } from './notifications.mail.service.js';
import { dueDigests, sendDigest, type DigestTarget } from './notifications.digest.service.js';

const JOB_IMMEDIATE = 'notifications.immediate';
const JOB_DIGEST_TICK = 'notifications.digest-tick';
const JOB_DIGEST = 'notifications.digest';

/**
 * The notification e-mail jobs: a sweep every minute relays action notifications to the mail
 * outbox; an hourly tick finds who is due a digest and queues one job per person and period
 * (singleton key: a second tick in the same period queues nothing while the first waits).
 */
export function notificationJobs(deps: Pick<Deps, 'db' | 'config'>, jobs: () => Jobs): JobDefinition[] {
  return [
    { name: JOB_IMMEDIATE, policy: 'short', schedule: { cron: '* * * * *' }, retryDelaySeconds: 15, expireInSeconds: 120, handler: async () => { await sendAllImmediate(deps); } },
    {
      name: JOB_DIGEST_TICK, policy: 'short', schedule: { cron: '3 * * * *' }, expireInSeconds: 600,
      handler: async () => {
        for (const target of await dueDigests(deps, new Date())) {
          await jobs().enqueue(undefined, JOB_DIGEST, target, { singletonKey: `${target.userId}:${target.period}` });
        }
      },
    },
    { name: JOB_DIGEST, policy: 'short', concurrency: 2, handler: async (p) => { await sendDigest(deps, ...digestArgs(p)); } },
  ];
}

function digestArgs(p: Record<string, unknown>): [string, DigestTarget['frequency'], string] {
  const frequency = p.frequency === 'daily' ? 'daily' : 'weekly';
  if (typeof p.userId !== 'string' || typeof p.period !== 'string') throw new Error('notifications.digest: bad payload');
  return [p.userId, frequency, p.period];
}
