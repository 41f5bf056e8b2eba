import type { ComponentChildren } from 'preact';
import type { RequestContext } from '../http/context.js';
import { LOCALE_TAGS } from '../i18n/i18n.js';
import { CsrfField } from './forms.js';
import { navigationFor, splitNavigation } from './nav.js';

export type LayoutProps = {
  ctx: RequestContext;
  title: string;
  description?: string;
  noindex?: boolean;
  children: ComponentChildren;
  /** Which top navigation entry is current. */
  /** A NavEntry key (src/platform/views/nav.ts, contributed by module descriptors) or 'me' | 'messages' | 'notifications' for the header links. */
  nav?: string;
  /** Extra tags for <head> (Open Graph meta, canonical link). */
  head?: ComponentChildren;
};

export function Layout({ ctx, title, description, noindex, children, nav, head }: LayoutProps) {
  const { t, actor, locale } = ctx;
  const other = locale === 'fr' ? 'en' : 'fr';
  const can = ctx.abilities;
  const current = (name: LayoutProps['nav']) => (nav === name ? { 'aria-current': 'page' as const } : {});
  const menu = splitNavigation(navigationFor(can), (entry) => t(entry.label));
  const navLink = (entry: (typeof menu.inline)[number]) => <li key={entry.key}><a href={entry.href} {...current(entry.key)}>{t(entry.label)}</a></li>;
  return (
    <html lang={LOCALE_TAGS[locale]}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Espace Collectif`}</title>
        {description ? <meta name="description" content={description} /> : null}
        {noindex ? <meta name="robots" content="noindex" /> : null}
        {head}
        <meta name="csrf-token" content={ctx.csrfToken} />
        {/* htmx must not inject its indicator <style> (CSP style-src 'self'): the rules are in app.css. */}
        <meta name="htmx-config" content='{"includeIndicatorStyles":false}' />
        <link rel="stylesheet" href="/assets/css/app.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script src="/assets/vendor/htmx.min.js" defer></script>
        <script src="/assets/js/app.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">{t('layout.skipToContent')}</a>
        <header class="site-header">
          <div class="container header-inner">
            <a class="brand" href="/">
              <span class="brand-mark" aria-hidden="true">◆</span> Espace Collectif
            </a>
            {/* Phones: the navigation folds behind a native disclosure (no JavaScript needed); wide screens: always shown (app.css). */}
            <details class="site-menu">
              <summary class="site-menu-button">
                <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22"><path fill="currentColor" d="M3 6h18v2H3V6Zm0 5h18v2H3v-2Zm0 5h18v2H3v-2Z" /></svg>
                <span>{t('layout.menu')}</span>
              </summary>
              <div class="site-menu-panel">
            <nav aria-label={t('layout.mainNav')} class="main-nav">
              <ul>
                {menu.inline.map(navLink)}
                {/* Wide screens: the entries beyond the row fold under "More" (one header row whatever the roles); phones: listed flat (app.css). */}
                {menu.more.length > 0 ? (
                  <li class="nav-more">
                    <details class="nav-more-menu">
                      <summary class={menu.more.some((entry) => entry.key === nav) ? 'nav-more-button nav-more-current' : 'nav-more-button'}>{t('layout.more')}</summary>
                      <ul class="nav-more-panel">{menu.more.map(navLink)}</ul>
                    </details>
                  </li>
                ) : null}
              </ul>
            </nav>
            <div class="header-actions">
              <form method="post" action="/langue" class="lang-switch">
                <CsrfField token={ctx.csrfToken} />
                <input type="hidden" name="lang" value={other} />
                <input type="hidden" name="returnTo" value={ctx.path} />
                <button type="submit" class="link-button" lang={LOCALE_TAGS[other]}>
                  {t('layout.switchLanguage')}
                </button>
              </form>
              {actor ? (
                <>
                  <a href="/messages" class="link-button header-messages" {...current('messages')}>
                    <svg class="header-messages-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22"><path fill="currentColor" d="M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Zm1 3.2V17h16V8.2l-8 5-8-5ZM5.3 7l6.7 4.2L18.7 7H5.3Z" /></svg>
                    <span class="header-messages-text">{t('nav.messages')}</span>
                    <span class="visually-hidden" data-live-messages-label>{ctx.badges?.messages ? `, ${t('notifications.messagesUnread', { count: ctx.badges.messages })}` : ''}</span>
                    <span class="header-badge" aria-hidden="true" data-live-messages-count hidden={!ctx.badges?.messages}>{ctx.badges?.messages || ''}</span>
                  </a>
                  {/* Wide screens: the account links fold into a menu under the name, so the header keeps one row; phones: listed flat (app.css). */}
                  <details class="account-menu">
                    <summary class="button button-small account-menu-button" title={actor.displayName}>{actor.displayName}</summary>
                    <div class="account-menu-panel">
                      <a href="/moi" class="link-button" {...current('me')}>{t('nav.me')}</a>
                      <form method="post" action="/deconnexion">
                        <CsrfField token={ctx.csrfToken} />
                        <button type="submit" class="link-button">{t('nav.signOut')}</button>
                      </form>
                    </div>
                  </details>
                </>
              ) : (
                <>
                  <a href="/connexion" class="link-button">{t('nav.signIn')}</a>
                  <a href="/inscription" class="button button-small">{t('nav.signUp')}</a>
                </>
              )}
            </div>
              </div>
            </details>
            {actor ? (
              <a href="/notifications" class="header-bell" data-live-notifications {...current('notifications')}>
                <svg class="header-bell-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22"><path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" /></svg>
                <span class="visually-hidden" data-live-notifications-label>{ctx.badges?.notifications ? t('notifications.bell.unread', { count: ctx.badges.notifications }) : t('notifications.bell.label')}</span>
                <span class="header-badge" aria-hidden="true" data-live-notifications-count hidden={!ctx.badges?.notifications}>{ctx.badges?.notifications || ''}</span>
              </a>
            ) : null}
          </div>
        </header>
        <main id="main" tabIndex={-1} class="container">
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{t('layout.footerTagline')}</p>
            <p>
              <a href="/confidentialite">{t('layout.privacy')}</a> · <a href="/api/openapi.json">{t('layout.api')}</a>
            </p>
          </div>
        </footer>
        {actor ? <div id="live-notifications" class="visually-hidden" role="status" aria-live="polite" data-template={t('notifications.live.announce', { text: '%s' })}></div> : null}
      </body>
    </html>
  );
}
