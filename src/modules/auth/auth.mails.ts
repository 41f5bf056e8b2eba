import { translator, type Locale } from '../../platform/i18n/i18n.js';
import type { OutgoingMail } from '../../platform/mail/mail.repository.js';
import { simpleMail } from '../../platform/mail/templates.js';

export function verifyEmailMail(opts: { to: string; locale: Locale; name: string; url: string }): OutgoingMail {
  const t = translator(opts.locale);
  return simpleMail({ to: opts.to, kind: 'verify_email', locale: opts.locale, subject: t('mail.verify.subject'), greeting: t('mail.greeting', { name: opts.name }), lines: [t('mail.verify.body')], action: { label: t('mail.verify.action'), url: opts.url }, footer: t('mail.verify.footer') });
}

export function alreadyRegisteredMail(opts: { to: string; locale: Locale; name: string; signInUrl: string; resetUrl: string }): OutgoingMail {
  const t = translator(opts.locale);
  return simpleMail({ to: opts.to, kind: 'already_registered', locale: opts.locale, subject: t('mail.already.subject'), greeting: t('mail.greeting', { name: opts.name }), lines: [t('mail.already.body'), t('mail.already.reset', { url: opts.resetUrl })], action: { label: t('mail.already.action'), url: opts.signInUrl }, footer: t('mail.already.footer') });
}

export function passwordResetMail(opts: { to: string; locale: Locale; name: string; url: string }): OutgoingMail {
  const t = translator(opts.locale);
  return simpleMail({ to: opts.to, kind: 'password_reset', locale: opts.locale, subject: t('mail.reset.subject'), greeting: t('mail.greeting', { name: opts.name }), lines: [t('mail.reset.body')], action: { label: t('mail.reset.action'), url: opts.url }, footer: t('mail.reset.footer') });
}

export function passwordChangedMail(opts: { to: string; locale: Locale; name: string }): OutgoingMail {
  const t = translator(opts.locale);
  return simpleMail({ to: opts.to, kind: 'password_changed', locale: opts.locale, subject: t('mail.changed.subject'), greeting: t('mail.greeting', { name: opts.name }), lines: [t('mail.changed.body')], footer: t('mail.changed.footer') });
}
