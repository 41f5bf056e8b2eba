import type { ComponentChildren } from 'preact';
import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, Notice } from '../../platform/views/forms.js';
import { PersonProfile } from '../people/people.views.js';
import type { PersonPage } from '../people/people.service.js';
import type { MeView } from './me.presenter.js';

export type MeNotices = { welcome: boolean; saved: boolean; verificationSent: boolean };

function UnverifiedBanner({ ctx, sent }: { ctx: RequestContext; sent: boolean }) {
  const { t } = ctx;
  return (
    <div class="notice notice-warning me-unverified">
      <p><strong>{t('me.unverified.title')}</strong> {t('me.unverified.body')}</p>
      {sent ? (
        <p role="status">{t('me.unverified.sent')}</p>
      ) : (
        <form method="post" action="/moi/courriel/renvoyer" class="inline-form">
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="button button-secondary button-small">{t('me.unverified.resend')}</button>
        </form>
      )}
    </div>
  );
}

/** /moi: my page as others see it (each section says who can see it), plus my own controls. */
export function MePage({ ctx, me, page, notices, children: extras }: { ctx: RequestContext; me: MeView; page: PersonPage; notices: MeNotices; children?: ComponentChildren }) {
  const { t } = ctx;
  const base = `/membres/${me.handle}`;
  return (
    <div class="stack me-page">
      <h1>{t('me.page.title')}</h1>
      {notices.welcome ? (
        <Notice kind="success">
          <strong>{t('me.page.welcomeTitle')}</strong> {t('me.page.welcomeBody')}
        </Notice>
      ) : null}
      {notices.saved ? <Notice kind="success">{t('form.saved')}</Notice> : null}
      {!me.emailVerified ? <UnverifiedBanner ctx={ctx} sent={notices.verificationSent} /> : null}
      <nav aria-label={t('me.page.toolsLabel')} class="me-tools">
        <ul class="inline-list">
          <li><a href="/moi/profil" class="button">{t('me.page.editProfile')}</a></li>
          <li><a href="/moi/photo" class="button button-secondary">{t('me.page.changePhoto')}</a></li>
          <li><a href="/moi/securite" class="button button-secondary">{t('me.page.security')}</a></li>
          <li><a href="/moi/donnees" class="button button-secondary">{t('account.title')}</a></li>
          <li><a href="/moi/notifications" class="button button-secondary">{t('notificationMail.settings.link')}</a></li>
          <li><a href="/moi/contributions" class="button button-secondary">{t('pledges.mine.title')}</a></li>
          <li><a href="/moi/engagements-recus" class="button button-secondary">{t('pledges.inbox.title')}</a></li>
        </ul>
      </nav>
      <p class="muted">
        {t('me.page.publicAddress')} <a href={base}>{base}</a>
        {' · '}<a href={`${base}?apercu=visiteur`}>{t('people.preview.link.visitor')}</a>
        {' · '}<a href={`${base}?apercu=membre`}>{t('people.preview.link.member')}</a>
      </p>
      <div class="card">
        <PersonProfile t={t} locale={ctx.locale} person={page.person} contentLang={page.contentLang} level={2} privacy={me.privacy} />
      </div>
      <section aria-labelledby="me-account" class="card">
        <h2 id="me-account">{t('me.page.account')}</h2>
        <dl class="me-account">
          <dt>{t('me.page.email')}</dt>
          <dd>{me.email} <span class="muted">({t(me.emailVerified ? 'me.page.verified' : 'me.page.notVerified')} · {t('me.page.onlyYou')})</span></dd>
          <dt>{t('me.page.language')}</dt>
          <dd>{t(`me.languages.${me.locale}`)}</dd>
          <dt>{t('me.page.indexing')}</dt>
          <dd>{t(me.indexable ? 'me.page.indexed' : 'me.page.notIndexed')}</dd>
          <dt>{t('me.page.memberSince')}</dt>
          <dd>{ctx.fmt.date(new Date(me.createdAt))}</dd>
        </dl>
      </section>
      {extras}
    </div>
  );
}
