import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Field, Notice, Select, type FormErrors } from '../../platform/views/forms.js';
import type { ApiTokenView } from './me.presenter.js';

export type SecurityState = {
  tokens: ApiTokenView[];
  passwordChanged?: boolean;
  tokenRevoked?: boolean;
  /** Shown once, right after creation; never stored in clear. */
  newToken?: { name: string; token: string } | undefined;
  passwordErrors?: FormErrors | undefined;
  tokenErrors?: FormErrors | undefined;
  tokenName?: string;
  tokenLifetime?: string;
};

function TokenTable({ ctx, tokens }: { ctx: RequestContext; tokens: ApiTokenView[] }) {
  const { t, fmt } = ctx;
  if (tokens.length === 0) return <p class="muted">{t('me.security.tokens.none')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{t('me.security.tokens.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('me.security.tokens.name')}</th>
            <th scope="col">{t('me.security.tokens.prefix')}</th>
            <th scope="col">{t('me.security.tokens.createdAt')}</th>
            <th scope="col">{t('me.security.tokens.lastUsedAt')}</th>
            <th scope="col">{t('me.security.tokens.expiresAt')}</th>
            <th scope="col"><span class="visually-hidden">{t('me.security.tokens.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr>
              <td>{token.name}</td>
              <td><code>{token.prefix}…</code></td>
              <td>{fmt.dateTime(new Date(token.createdAt))}</td>
              <td>{token.lastUsedAt ? fmt.dateTime(new Date(token.lastUsedAt)) : t('me.security.tokens.never')}</td>
              <td>{token.expiresAt ? fmt.dateTime(new Date(token.expiresAt)) : t('me.security.tokens.never')}</td>
              <td>
                <form method="post" action={`/moi/securite/jetons/${encodeURIComponent(token.id)}/revoquer`} class="inline-form" data-confirm={t('me.security.tokens.revokeConfirm', { name: token.name })}>
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="button button-danger button-small">
                    {t('me.security.tokens.revoke')}<span class="visually-hidden"> {token.name}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /moi/securite: change the password (ends every other session) and manage personal access tokens. */
export function SecurityPage({ ctx, state }: { ctx: RequestContext; state: SecurityState }) {
  const { t } = ctx;
  const pw = { currentPassword: t('auth.fields.currentPassword'), newPassword: t('auth.fields.newPassword') };
  return (
    <div class="stack narrow me-security">
      <h1>{t('me.security.title')}</h1>
      {state.passwordChanged ? <Notice kind="success">{t('me.security.password.changed')}</Notice> : null}
      {state.tokenRevoked ? <Notice kind="success">{t('me.security.tokens.revoked')}</Notice> : null}
      <section aria-labelledby="password-title" class="card stack">
        <h2 id="password-title">{t('me.security.password.title')}</h2>
        <p>{t('me.security.password.intro')}</p>
        <ErrorSummary t={t} errors={state.passwordErrors} labels={pw} />
        <form method="post" action="/moi/securite/mot-de-passe" novalidate class="stack">
          <CsrfField token={ctx.csrfToken} />
          <Field t={t} name="currentPassword" type="password" label={pw.currentPassword} errors={state.passwordErrors} required autocomplete="current-password" />
          <Field t={t} name="newPassword" type="password" label={pw.newPassword} errors={state.passwordErrors} required autocomplete="new-password" hint={t('auth.register.passwordHint')} />
          <button type="submit" class="button">{t('me.security.password.submit')}</button>
        </form>
      </section>
      <section aria-labelledby="tokens-title" class="card stack">
        <h2 id="tokens-title">{t('me.security.tokens.title')}</h2>
        <p>{t('me.security.tokens.intro')}</p>
        {state.newToken ? (
          <div class="notice notice-success new-token" role="status">
            <p><strong>{t('me.security.tokens.createdTitle', { name: state.newToken.name })}</strong></p>
            <p>{t('me.security.tokens.copyNow')}</p>
            <p><code class="token-value">{state.newToken.token}</code></p>
          </div>
        ) : null}
        <TokenTable ctx={ctx} tokens={state.tokens} />
        <h3>{t('me.security.tokens.create')}</h3>
        <ErrorSummary t={t} errors={state.tokenErrors} labels={{ name: t('me.security.tokens.name'), expiresInDays: t('me.security.tokens.lifetime') }} />
        <form method="post" action="/moi/securite/jetons" novalidate class="stack">
          <CsrfField token={ctx.csrfToken} />
          <Field t={t} name="name" label={t('me.security.tokens.name')} value={state.tokenName ?? ''} errors={state.tokenErrors} required maxLength={60} hint={t('me.security.tokens.nameHint')} />
          <Select t={t} name="expiresInDays" label={t('me.security.tokens.lifetime')} value={state.tokenLifetime ?? '90'} errors={state.tokenErrors} hint={t('me.security.tokens.lifetimeHint')}
            options={['30', '90', '365'].map((d) => ({ value: d, label: t('me.security.tokens.lifetimeDays', { count: Number(d) }) }))} />
          <button type="submit" class="button button-secondary">{t('me.security.tokens.createSubmit')}</button>
        </form>
      </section>
      <p><a href="/moi">{t('me.backToMyPage')}</a></p>
    </div>
  );
}
