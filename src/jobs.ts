import type { Deps } from './platform/deps.js';
import { createJobs, type JobDefinition, type Jobs } from './platform/jobs/jobs.js';
import { modules } from './modules/index.js';
import { runHousekeeping } from './housekeeping.js';

/** Every background job of the app, on one pg-boss queue (ADR 0009): the modules' (ADR 0011) and housekeeping. Started by main.ts. */
export function createAppJobs(deps: Deps): Jobs {
  let jobs: Jobs | null = null;
  const self = () => jobs!;
  const definitions: JobDefinition[] = [
    ...modules.flatMap((m) => m.jobs?.(deps, self) ?? []),
    { name: 'housekeeping', policy: 'short', schedule: { cron: '17 * * * *' }, expireInSeconds: 600, handler: async () => { await runHousekeeping(deps); } },
  ];
  jobs = createJobs(deps.database, definitions, { log: deps.log });
  return jobs;
}
