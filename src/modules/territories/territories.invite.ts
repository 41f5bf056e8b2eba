import { hmac, safeEqual } from '../../platform/crypto.js';
import { translator, type Locale } from '../../platform/i18n/i18n.js';
import { simpleMail } from '../../platform/mail/templates.js';
import type { OutgoingMail } from '../../platform/mail/mail.repository.js';
import type { ClaimedInvite } from './territories.rollout.repository.js';

/** Invitations stay valid for 60 days after they are sent. */
const VALID_MS = 60 * 24 * 3600 * 1000;

function signature(secret: string, waitlistId: string, slug: string, expires: number): string {
  return hmac(secret, `waitlist-invite:${waitlistId}:${slug}:${expires}`);
}

/** The signed link of one waitlisted address: it leads to sign-up with the territory chosen. */
export function inviteUrl(publicUrl: string, secret: string, invite: { id: string; slug: string }, now = Date.now()): string {
  const expires = Math.floor((now + VALID_MS) / 1000);
  const params = new URLSearchParams({ w: invite.id, e: String(expires), s: signature(secret, invite.id, invite.slug, expires) });
  return `${publicUrl}/territoires/${encodeURIComponent(invite.slug)}/invitation?${params.toString()}`;
}

export type InviteQuery = { w?: string | undefined; e?: string | undefined; s?: string | undefined };

/** Whether a link was signed by us for this territory and has not expired. */
export function verifyInvite(secret: string, slug: string, q: InviteQuery, now = Date.now()): boolean {
  if (!q.w || !q.e || !q.s || !/^\d{1,12}$/.test(q.e)) return false;
  const expires = Number(q.e);
  if (expires * 1000 < now) return false;
  return safeEqual(signature(secret, q.w, slug, expires), q.s);
}

/** The invitation mail, in the language the person used to join the waitlist. */
export function inviteMail(invite: ClaimedInvite, url: string): OutgoingMail {
  const locale: Locale = invite.locale === 'en' ? 'en' : 'fr';
  const t = translator(locale);
  const name = locale === 'en' ? invite.nameEn : invite.nameFr;
  return simpleMail({
    to: invite.email,
    kind: 'territory_invite',
    locale,
    subject: t('territories.invite.subject', { name }),
    greeting: t('territories.invite.greeting'),
    lines: [t('territories.invite.opened', { name }), t('territories.invite.next')],
    action: { label: t('territories.invite.action', { name }), url },
    footer: t('territories.invite.footer', { name }),
  });
}
