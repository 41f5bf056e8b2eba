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
  footer: string;
};

/** Every mail has a plain-text part and an escaped HTML part in the recipient's language. */
export function simpleMail(m: SimpleMail): OutgoingMail {
  const text = [m.greeting, '', ...m.lines.flatMap((l) => [l, '']), ...(m.action ? [`${m.action.label}: ${m.action.url}`, ''] : []), '— Espace Collectif', m.footer].join('\n');
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
          {m.action ? (
            <p>
              <a href={m.action.url} style="display:inline-block;background:#0b5d4b;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none;">
                {m.action.label}
              </a>
            </p>
          ) : null}
          <p style="color:#57606a;font-size:14px;">— Espace Collectif<br />{m.footer}</p>
        </body>
      </html>,
    );
  return { to: m.to, subject: m.subject, text, html, kind: m.kind };
}
