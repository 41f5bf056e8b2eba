import type { Deps } from '../../platform/deps.js';
import { mailRepository } from '../../platform/mail/mail.repository.js';
import { accessRepository } from '../access/access.repository.js';
import { privacyRegisterRepository as repo } from './privacy-register.repository.js';
import { reminderHorizon, reminderItems } from './privacy-register.rules.js';
import { reminderMail } from './privacy-register.mails.js';
import { registerToday } from './privacy-register.service.js';

/** A reminder lists at most this many requests; the counts line and "N more" cover the rest. */
const LISTED_MAX = 50;

export type ReminderOutcome = { day: string; due: number; mails: number };

/**
 * The daily deadline reminder (ADR 0028): when open requests are overdue or due within the soon
 * window, every platform admin gets one e-mail in their language, queued in the outbox in the same
 * transaction that records the day in `privacy_reminders` (ON CONFLICT DO NOTHING): a second or
 * concurrent run the same Montréal day queues nothing. Nothing due: no mail, and the day stays free.
 */
export async function sendDeadlineReminder(deps: Pick<Deps, 'db' | 'config'>, today = registerToday()): Promise<ReminderOutcome> {
  const soonUntil = reminderHorizon(today);
  return deps.db.transaction(async (tx) => {
    const counts = await repo.deadlineCounts(tx, today, soonUntil);
    const due = counts.overdue + counts.dueToday + counts.dueSoon;
    const nothing = { day: today, due, mails: 0 };
    if (due === 0) return nothing;
    const admins = await accessRepository.platformAdmins(tx);
    if (admins.length === 0) return nothing;
    if (!(await repo.claimReminderDay(tx, { day: today, recipients: admins.length, requests: due }))) return nothing;
    const items = reminderItems(await repo.openRequestsDueBy(tx, soonUntil, LISTED_MAX), today);
    for (const admin of admins) {
      await mailRepository.enqueue(tx, reminderMail({ to: admin.email, locale: admin.locale, name: admin.displayName, counts, items, publicUrl: deps.config.publicUrl }));
    }
    return { day: today, due, mails: admins.length };
  });
}
