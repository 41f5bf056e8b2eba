import { translator, type Locale } from '../../platform/i18n/i18n.js';
import type { OutgoingMail } from '../../platform/mail/mail.repository.js';
import { simpleMail } from '../../platform/mail/templates.js';

/** The decision on a delegate application, in the applicant's language, with staff's message. */
export function decisionMail(o: { to: string; locale: Locale; name: string; caisseName: string; approved: boolean; message: string; termEnd: string; url: string }): OutgoingMail {
  const t = translator(o.locale);
  const key = o.approved ? 'approved' : 'declined';
  const lines = [t(`delegates.mail.${key}.body`, { caisse: o.caisseName, termEnd: o.termEnd }), ...(o.message ? [t('delegates.mail.message', { message: o.message })] : [])];
  return simpleMail({
    to: o.to,
    kind: `delegate_${key}`,
    locale: o.locale,
    subject: t(`delegates.mail.${key}.subject`, { caisse: o.caisseName }),
    greeting: t('mail.greeting', { name: o.name }),
    lines,
    action: { label: t('delegates.mail.action'), url: o.url },
    footer: t('delegates.mail.footer'),
  });
}
