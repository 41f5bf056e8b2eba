import type { OutgoingMail } from '../../platform/mail/mail.repository.js';
import { simpleMail } from '../../platform/mail/templates.js';
import { translator, type Locale } from '../../platform/i18n/i18n.js';
import { formatters } from '../../platform/i18n/format.js';
import type { DeadlineCounts } from './privacy-register.repository.js';
import type { ReminderItem } from './privacy-register.rules.js';

type Reminder = { to: string; locale: Locale; name: string; counts: DeadlineCounts; items: ReminderItem[]; publicUrl: string };

const REQUESTS = '/admin/confidentialite/demandes';

/**
 * The daily deadline reminder to one platform admin, in their language (ADR 0028). Data
 * minimisation: the requests appear by reference, kind, due date and days left, linked to the
 * register; never the requester's name or e-mail.
 */
export function reminderMail(r: Reminder): OutgoingMail {
  const t = translator(r.locale);
  const fmt = formatters(r.locale);
  const m = (k: string, o?: Record<string, unknown>) => t(`privacyRegister.reminder.${k}`, o);
  const due = r.counts.overdue + r.counts.dueToday + r.counts.dueSoon;
  const left = (i: ReminderItem) =>
    i.bucket === 'overdue' ? t('privacyRegister.requests.overdue', { count: -i.daysLeft }) : i.bucket === 'dueToday' ? t('privacyRegister.requests.dueToday') : t('privacyRegister.requests.daysLeft', { count: i.daysLeft });
  const more = due - r.items.length;
  return simpleMail({
    to: r.to,
    kind: 'privacy_reminder',
    locale: r.locale,
    subject: m('subject', { count: due }),
    greeting: t('mail.greeting', { name: r.name }),
    lines: [
      m('intro'),
      m('counts', { overdue: fmt.number(r.counts.overdue), dueToday: fmt.number(r.counts.dueToday), dueSoon: fmt.number(r.counts.dueSoon) }),
      ...(more > 0 ? [m('more', { count: more })] : []),
    ],
    items: r.items.map((i) => ({
      text: m('item', { kind: t(`privacyRegister.requests.kinds.${i.kind}`), ref: i.id, date: fmt.date(new Date(`${i.dueOn}T12:00:00Z`)), left: left(i) }),
      url: `${r.publicUrl}${REQUESTS}/${i.id}`,
    })),
    action: { label: m('action'), url: `${r.publicUrl}${REQUESTS}?etat=en-cours` },
    footer: m('footer'),
  });
}
