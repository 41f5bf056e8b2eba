import type { Db } from '../../db/client.js';
import type { Config } from '../../config.js';
import { translator, type Locale } from '../../platform/i18n/i18n.js';
import { formatters } from '../../platform/i18n/format.js';
import { mailRepository } from '../../platform/mail/mail.repository.js';
import { simpleMail } from '../../platform/mail/templates.js';
import { notificationsRepository } from '../notifications/notifications.repository.js';

type Submitted = { applicationId: string; call: { id: string; slug: string; title: string; submissionsCloseAt: Date }; projectTitle: string };
type Applicant = { id: string; email: string; displayName: string; locale: Locale };

/**
 * A submitted application, inside the submitting transaction: the applicant is told in the app and
 * by e-mail (a confirmation through the outbox), the caisse's staff in the app.
 */
export async function notifySubmitted(tx: Db, config: Pick<Config, 'publicUrl'>, s: Submitted, applicant: Applicant, staffIds: readonly string[]): Promise<void> {
  const data = { projectTitle: s.projectTitle, subjectTitle: s.call.title };
  const mine = `/appels/${s.call.slug}#ma-candidature`;
  await notificationsRepository.insert(tx, { userId: applicant.id, kind: 'call.submitted', data, url: mine, subjectType: 'call_application', subjectId: s.applicationId });
  for (const userId of new Set(staffIds)) {
    if (userId === applicant.id) continue;
    await notificationsRepository.insert(tx, { userId, kind: 'call.new_submission', data, url: `/appels/${s.call.slug}/candidatures`, subjectType: 'call_application', subjectId: s.applicationId });
  }
  const t = translator(applicant.locale);
  const fmt = formatters(applicant.locale);
  await mailRepository.enqueue(tx, simpleMail({
    to: applicant.email,
    kind: 'call_submitted',
    locale: applicant.locale,
    subject: t('calls.mail.submitted.subject', { call: s.call.title }),
    greeting: t('mail.greeting', { name: applicant.displayName }),
    lines: [t('calls.mail.submitted.body', { project: s.projectTitle, call: s.call.title }), t('calls.mail.submitted.edit', { date: fmt.dateTime(s.call.submissionsCloseAt) })],
    action: { label: t('calls.mail.submitted.action'), url: `${config.publicUrl}${mine}` },
    footer: t('calls.mail.submitted.footer'),
  }));
}
