import { translator, type Locale } from '../../platform/i18n/i18n.js';
import type { OutgoingMail } from '../../platform/mail/mail.repository.js';
import { simpleMail } from '../../platform/mail/templates.js';

/** A winner is told by e-mail, in their language: the prize, the claim deadline and the skill-testing question ahead. */
export function winMail(o: { to: string; locale: Locale; name: string; contest: string; prize: string; deadline: string; url: string }): OutgoingMail {
  const t = translator(o.locale);
  return simpleMail({
    to: o.to,
    kind: 'contest_won',
    locale: o.locale,
    subject: t('contests.mail.subject', { contest: o.contest }),
    greeting: t('mail.greeting', { name: o.name }),
    lines: [t('contests.mail.body', { contest: o.contest, prize: o.prize }), t('contests.mail.claim', { deadline: o.deadline })],
    action: { label: t('contests.mail.action'), url: o.url },
    footer: t('contests.mail.footer'),
  });
}
