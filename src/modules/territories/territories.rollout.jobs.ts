import type { Deps } from '../../platform/deps.js';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import { runRolloutTick } from './territories.rollout.service.js';

export const JOB_ROLLOUT = 'territories.rollout';

/**
 * Every minute: apply the rollout changes whose date has come, then invite the waitlists of the
 * territories that opened (ADR 0015). `short`: at most one tick waits in the queue.
 */
export function rolloutJobs(deps: Pick<Deps, 'db' | 'config'>): JobDefinition[] {
  return [{ name: JOB_ROLLOUT, policy: 'short', schedule: { cron: '* * * * *' }, retryDelaySeconds: 15, expireInSeconds: 300, handler: async () => { await runRolloutTick(deps); } }];
}
