import type { Deps } from '../../platform/deps.js';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import { sendDeadlineReminder } from './privacy-register.reminder.service.js';

export const JOB_DEADLINE_REMINDER = 'privacy-register.reminder';

/**
 * Every day at 8:00 in Montréal: e-mail the platform admins the open requests that are overdue or
 * due within 7 days (ADR 0028). `short`: at most one run waits in the queue; a run that fails is
 * retried (its transaction left nothing behind), a second run the same day sends nothing.
 */
export function privacyRegisterJobs(deps: Pick<Deps, 'db' | 'config' | 'log'>): JobDefinition[] {
  return [{
    name: JOB_DEADLINE_REMINDER, policy: 'short', schedule: { cron: '0 8 * * *' }, expireInSeconds: 300,
    handler: async () => {
      const outcome = await sendDeadlineReminder(deps);
      if (outcome.mails > 0) deps.log.info(outcome, 'privacy register: deadline reminder queued');
    },
  }];
}
