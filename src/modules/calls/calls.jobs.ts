import type { Deps } from '../../platform/deps.js';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import { runPhaseTick } from './calls.service.js';

const JOB_CALL_PHASES = 'calls.phases';

/** Every minute: move the calls whose dates have come, one conditional UPDATE per transition (ADR 0020). */
export function callsJobs(deps: Pick<Deps, 'db'>): JobDefinition[] {
  return [{ name: JOB_CALL_PHASES, policy: 'short', schedule: { cron: '* * * * *' }, retryDelaySeconds: 15, expireInSeconds: 300, handler: async () => { await runPhaseTick(deps); } }];
}
