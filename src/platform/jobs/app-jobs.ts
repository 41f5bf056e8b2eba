import type { Deps } from '../deps.js';
import { createJobs, type JobDefinition, type Jobs } from './jobs.js';
import { notificationJobs } from '../../modules/notifications/notifications.mail.jobs.js';
import { lapseOverduePledges } from '../../modules/pledges/pledges.lapse.service.js';
import { runHousekeeping } from '../../housekeeping.js';

/** Every background job of the app, on one pg-boss queue (ADR 0009). Started by main.ts. */
export function createAppJobs(deps: Deps): Jobs {
  let jobs: Jobs | null = null;
  const self = () => jobs!;
  const definitions: JobDefinition[] = [
    ...notificationJobs(deps, self),
    { name: 'pledges.lapse', policy: 'short', schedule: { cron: '*/10 * * * *' }, expireInSeconds: 600, handler: async () => { await lapseOverduePledges(deps); } },
    { name: 'housekeeping', policy: 'short', schedule: { cron: '17 * * * *' }, expireInSeconds: 600, handler: async () => { await runHousekeeping(deps); } },
  ];
  jobs = createJobs(deps.database, definitions, { log: deps.log });
  return jobs;
}
