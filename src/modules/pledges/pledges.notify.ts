import type { Db } from '../../db/client.js';
import type { Config } from '../../config.js';
import { translator } from '../../platform/i18n/i18n.js';
import { formatters } from '../../platform/i18n/format.js';
import { mailRepository } from '../../platform/mail/mail.repository.js';
import { simpleMail } from '../../platform/mail/templates.js';
import { notificationsRepository } from '../notifications/notifications.repository.js';
import type { PledgeDetail } from './pledges.types.js';
import { describeCommitment } from './pledges.quantity.js';

export type PledgeNotificationKind = 'proposed' | 'accepted' | 'declined' | 'withdrawn' | 'fulfil_requested' | 'fulfilled' | 'lapsed' | 'thanks';

const pledgeUrl = (id: string) => `/engagements/${id}`;

/**
 * In-app notifications of a pledge event, written inside the transaction of the event. Data holds
 * ids and titles only; the reader's page translates `pledge.<kind>`.
 */
export async function notifyPledge(tx: Db, recipients: (string | null)[], kind: PledgeNotificationKind, p: Pick<PledgeDetail, 'id' | 'project' | 'need'>): Promise<void> {
  const unique = [...new Set(recipients.filter((r): r is string => r !== null))];
  for (const userId of unique) {
    await notificationsRepository.insert(tx, {
      userId,
      kind: `pledge.${kind}`,
      data: { pledgeId: p.id, projectId: p.project.id, projectTitle: p.project.title, needTitle: p.need.title },
      url: pledgeUrl(p.id),
    });
  }
}

/** The thank-you e-mail of a fulfilled pledge, in the supporter's language, through the outbox (same transaction). */
export async function enqueueThanksMail(tx: Db, config: Pick<Config, 'publicUrl'>, p: PledgeDetail): Promise<void> {
  const supporter = p.supporter;
  if (!supporter || supporter.deletedAt) return;
  const t = translator(supporter.locale);
  const fmt = formatters(supporter.locale);
  const commitment = describeCommitment(t, fmt, {
    kind: p.need.kind, unit: p.need.unit, materialMode: p.need.materialMode, quantity: p.quantity, needTitle: p.need.title, projectTitle: p.project.title, startDate: p.startDate, endDate: p.endDate,
  }, 'they');
  await mailRepository.enqueue(tx, simpleMail({
    to: supporter.email,
    kind: 'pledge_thanks',
    locale: supporter.locale,
    subject: t('pledges.mail.thanks.subject', { project: p.project.title }),
    greeting: t('mail.greeting', { name: supporter.displayName }),
    lines: [t('pledges.mail.thanks.body', { project: p.project.title, commitment }), t('pledges.mail.thanks.impact')],
    action: { label: t('pledges.mail.thanks.action'), url: `${config.publicUrl}/moi/contributions` },
    footer: t('pledges.mail.thanks.footer'),
  }));
}
