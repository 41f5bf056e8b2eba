import type { Deps } from '../../platform/deps.js';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import { runPhaseTick } from './calls.service.js';
import { sweepOrphanFiles } from './calls.files.service.js';

const JOB_CALL_PHASES = 'calls.phases';
const JOB_CALL_FILES_SWEEP = 'calls.files-sweep';

/**
 * Every minute: move the calls whose dates have come, one conditional UPDATE per transition (ADR 0020).
 * Every night: remove the private application files no row names any more (ADR 0024).
 */
export function callsJobs(deps: Pick<Deps, 'db' | 'config'>): JobDefinition[] {
  return [
    { name: JOB_CALL_PHASES, policy: 'short', schedule: { cron: '* * * * *' }, retryDelaySeconds: 15, expireInSeconds: 300, handler: async () => { await runPhaseTick(deps); } },
    { name: JOB_CALL_FILES_SWEEP, policy: 'short', schedule: { cron: '17 3 * * *' }, retryDelaySeconds: 300, expireInSeconds: 900, handler: async () => { await sweepOrphanFiles(deps); } },
  ];
}
