import { renderToString } from 'preact-render-to-string';
import { LOCALE_TAGS, type Locale } from '../i18n/i18n.js';
import type { OutgoingMail } from './mail.repository.js';

type SimpleMail = {
  to: string;
  kind: string;
  locale: Locale;
  subject: string;
  greeting: string;
  lines: string[];
  action?: { label: string; url: string };
  /** A list of linked items (digests), after the lines. */
  items?: { text: string; url: string }[];
  footer: string;
  /** Links under the footer (manage settings, unsubscribe). */
  footerLinks?: { label: string; url: string }[];
};

/** Every mail has a plain-text part and an escaped HTML part in the recipient's language. */
export function simpleMail(m: SimpleMail): OutgoingMail {
  const items = (m.items ?? []).flatMap((i) => [`• ${i.text}`, `  ${i.url}`]);
  const links = (m.footerLinks ?? []).map((l) => `${l.label}: ${l.url}`);
  const text = [m.greeting, '', ...m.lines.flatMap((l) => [l, '']), ...(items.length ? [...items, ''] : []), ...(m.action ? [`${m.action.label}: ${m.action.url}`, ''] : []), '— Espace Collectif', m.footer, ...links].join('\n');
  const html =
    '<!doctype html>' +
    renderToString(
      <html lang={LOCALE_TAGS[m.locale]}>
        <head>
          <meta charset="utf-8" />
          <title>{m.subject}</title>
        </head>
        <body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2328; max-width: 560px; margin: 0 auto; padding: 16px;">
          <p>{m.greeting}</p>
          {m.lines.map((l) => (
            <p>{l}</p>
          ))}
          {m.items?.length ? (
            <ul style="padding-left: 20px;">
              {m.items.map((i) => (
                <li style="margin-bottom: 8px;">
                  <a href={i.url}>{i.text}</a>
                </li>
              ))}
            </ul>
          ) : null}
          {m.action ? (
            <p>
              <a href={m.action.url} style="display:inline-block;background:#0b5d4b;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none;">
                {m.action.label}
              </a>
            </p>
          ) : null}
          <p style="color:#57606a;font-size:14px;">— Espace Collectif<br />{m.footer}
            {(m.footerLinks ?? []).map((l) => (
              <>
                <br />
                <a href={l.url} style="color:#57606a;">{l.label}</a>
              </>
            ))}
          </p>
        </body>
      </html>,
    );
  return { to: m.to, subject: m.subject, text, html, kind: m.kind };
}
