import { translator, type Locale } from '../../platform/i18n/i18n.js';
import type { OutgoingMail } from '../../platform/mail/mail.repository.js';
import { simpleMail } from '../../platform/mail/templates.js';

/** The results of a call, told to one applicant in their language: selected with the amount, or not. */
export function resultsMail(o: { to: string; locale: Locale; name: string; callTitle: string; projectTitle: string; amount: string | null; url: string }): OutgoingMail {
  const t = translator(o.locale);
  const key = o.amount === null ? 'notSelected' : 'selected';
  return simpleMail({
    to: o.to,
    kind: `call_results_${key === 'selected' ? 'selected' : 'not_selected'}`,
    locale: o.locale,
    subject: t(`callReviews.mail.${key}.subject`, { call: o.callTitle }),
    greeting: t('mail.greeting', { name: o.name }),
    lines: [t(`callReviews.mail.${key}.body`, { call: o.callTitle, project: o.projectTitle, amount: o.amount ?? '' })],
    action: { label: t('callReviews.mail.action'), url: o.url },
    footer: t('callReviews.mail.footer'),
  });
}
