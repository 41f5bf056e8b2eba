import { translator, type Locale } from '../../platform/i18n/i18n.js';
import type { OutgoingMail } from '../../platform/mail/mail.repository.js';
import { simpleMail } from '../../platform/mail/templates.js';

/** The invitation to join an organisation: who invites, as what, the link and when it expires. */
export function invitationMail(o: { to: string; locale: Locale; organisation: string; inviter: string; role: 'owner' | 'representative' | 'member'; url: string; expiresAt: Date }): OutgoingMail {
  const t = translator(o.locale);
  const date = new Intl.DateTimeFormat(o.locale === 'en' ? 'en-CA' : 'fr-CA', { dateStyle: 'long', timeZone: 'America/Toronto' }).format(o.expiresAt);
  return simpleMail({
    to: o.to,
    kind: 'organisation_invitation',
    locale: o.locale,
    subject: t('partners.mail.inviteSubject', { organisation: o.organisation }),
    greeting: t('partners.mail.hello'),
    lines: [t('partners.mail.inviteBody', { inviter: o.inviter, organisation: o.organisation, role: t(`organisations.role.${o.role}`) }), t('partners.mail.inviteExpiry', { date })],
    action: { label: t('partners.mail.inviteAction'), url: o.url },
    footer: t('partners.mail.inviteFooter'),
  });
}
