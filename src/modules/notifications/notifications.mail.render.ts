import type { Config } from '../../config.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { OutgoingMail } from '../../platform/mail/mail.repository.js';
import { simpleMail } from '../../platform/mail/templates.js';
import { hmac, safeEqual } from '../../platform/crypto.js';
import type { MailableNotification } from './notifications.mail.repository.js';
import { notificationText, safeUrl } from './notifications.presenter.js';

/** Kinds that need the recipient's action: mailed at once (unless the person turned that off). */
export const ACTION_KINDS = ['pledge.proposed', 'pledge.fulfil_requested'] as const;

/** Kinds a person may refuse by e-mail (settings checkboxes, one-click unsubscribe of a kind). */
export const OPT_OUT_KINDS = [
  'pledge.proposed', 'pledge.fulfil_requested', 'pledge.accepted', 'pledge.declined', 'pledge.withdrawn', 'pledge.fulfilled', 'pledge.lapsed', 'pledge.thanks',
  'comment.mention', 'comment.reply', 'comment.new', 'call.opened',
] as const;
export type OptOutKind = (typeof OPT_OUT_KINDS)[number];

/** `pledge.proposed` → `pledge_proposed` (i18n keys have no dots inside a segment). */
export const kindKey = (kind: string) => kind.replace(/\./g, '_');

/** One sentence for a notification in the reader's language: the in-app centre's own sentence, so both agree. */
function itemText(locale: Locale, n: Pick<MailableNotification, 'kind' | 'data'>): string {
  return notificationText(translator(locale), n.kind, n.data);
}

// ——— signed unsubscribe links ———

export type UnsubscribeScope = { userId: string; what: 'digest' | OptOutKind };

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

/** `payload.signature`: HMAC-SHA256 with the app secret over the payload (user + what). */
export function unsubscribeToken(secret: string, scope: UnsubscribeScope): string {
  const payload = b64(JSON.stringify({ u: scope.userId, w: scope.what }));
  return `${payload}.${hmac(secret, `unsubscribe:${payload}`)}`;
}

/** The scope of a genuine token, or null for anything tampered, truncated or unknown. */
export function verifyUnsubscribeToken(secret: string, token: string | undefined): UnsubscribeScope | null {
  if (!token || token.length > 600) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  if (!safeEqual(signature, hmac(secret, `unsubscribe:${payload}`))) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { u?: unknown; w?: unknown };
    if (typeof parsed.u !== 'string' || typeof parsed.w !== 'string') return null;
    if (parsed.w !== 'digest' && !(OPT_OUT_KINDS as readonly string[]).includes(parsed.w)) return null;
    return { userId: parsed.u, what: parsed.w as UnsubscribeScope['what'] };
  } catch {
    return null;
  }
}

export const unsubscribeUrl = (config: Pick<Config, 'publicUrl' | 'sessionSecret'>, scope: UnsubscribeScope) =>
  `${config.publicUrl}/desabonnement?token=${encodeURIComponent(unsubscribeToken(config.sessionSecret, scope))}`;
const SETTINGS_PATH = '/moi/notifications';

type Recipient = { userId: string; email: string; locale: Locale; displayName: string };
/** Same-site paths only (anything else becomes the notification centre), made absolute for mail. */
const absolute = (config: Pick<Config, 'publicUrl'>, url: string) => `${config.publicUrl}${safeUrl(url)}`;

/** The immediate e-mail of one action notification. */
export function renderImmediateMail(config: Pick<Config, 'publicUrl' | 'sessionSecret'>, to: Recipient, n: MailableNotification): OutgoingMail {
  const t = translator(to.locale);
  const key = kindKey(n.kind);
  const project = n.data.projectTitle === null || n.data.projectTitle === undefined ? '' : String(n.data.projectTitle);
  const optOut = (OPT_OUT_KINDS as readonly string[]).includes(n.kind) ? (n.kind as OptOutKind) : null;
  return simpleMail({
    to: to.email,
    kind: `notification.${n.kind}`,
    locale: to.locale,
    subject: t(`notificationMail.immediate.subject_${key}`, { project, defaultValue: itemText(to.locale, n) }),
    greeting: t('mail.greeting', { name: to.displayName }),
    lines: [itemText(to.locale, n)],
    action: { label: t('notificationMail.immediate.action'), url: absolute(config, n.url) },
    footer: t('notificationMail.immediate.why'),
    footerLinks: [
      { label: t('notificationMail.footer.manage'), url: absolute(config, SETTINGS_PATH) },
      ...(optOut ? [{ label: t('notificationMail.footer.unsubscribeKind'), url: unsubscribeUrl(config, { userId: to.userId, what: optOut }) }] : []),
    ],
  });
}

/** One digest e-mail: the items (newest first) with their links, the rest counted. */
export function renderDigestMail(config: Pick<Config, 'publicUrl' | 'sessionSecret'>, to: Recipient, frequency: 'daily' | 'weekly', items: MailableNotification[], more: number): OutgoingMail {
  const t = translator(to.locale);
  const count = items.length + more;
  const unsubscribe = unsubscribeUrl(config, { userId: to.userId, what: 'digest' });
  const mail = simpleMail({
    to: to.email,
    kind: `digest.${frequency}`,
    locale: to.locale,
    subject: t(`notificationMail.digest.subject_${frequency}`, { count }),
    greeting: t('mail.greeting', { name: to.displayName }),
    lines: [t(`notificationMail.digest.intro_${frequency}`)],
    items: items.map((n) => ({ text: itemText(to.locale, n), url: absolute(config, n.url) })),
    action: { label: more > 0 ? t('notificationMail.digest.more', { count: more }) : t('notificationMail.digest.all'), url: absolute(config, '/notifications') },
    footer: t('notificationMail.footer.digest'),
    footerLinks: [
      { label: t('notificationMail.footer.manage'), url: absolute(config, SETTINGS_PATH) },
      { label: t('notificationMail.footer.unsubscribeDigest'), url: unsubscribe },
    ],
  });
  // RFC 8058 one-click unsubscribe: mail clients POST to this address without cookies.
  return { ...mail, headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } };
}
