import type { RequestContext } from '../../platform/http/context.js';
import { Checkbox, CsrfField, ErrorSummary, Field, type FormErrors } from '../../platform/views/forms.js';

/** /moi/donnees: download everything, or delete the account (password + explicit confirmation). */
export function AccountPage({ ctx, errors }: { ctx: RequestContext; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  const labels = { password: t('account.delete.password'), confirm: t('account.delete.confirm') };
  return (
    <div class="stack narrow account-page">
      <h1>{t('account.title')}</h1>
      <p class="lead">{t('account.intro')}</p>
      <section aria-labelledby="export" class="card stack">
        <h2 id="export">{t('account.export.title')}</h2>
        <p>{t('account.export.body')}</p>
        <p class="inline-list">
          <a class="button button-secondary" href="/moi/donnees/export.json" download>{t('account.export.button')}</a>
          <a class="button button-secondary" href="/moi/donnees/export.csv" download>{t('account.export.buttonCsv')}</a>
        </p>
      </section>
      <section aria-labelledby="suppression" class="card stack danger-zone">
        <h2 id="suppression">{t('account.delete.title')}</h2>
        <p>{t('account.delete.body')}</p>
        <form method="post" action="/moi/donnees/supprimer" class="stack" noValidate data-confirm={t('account.delete.confirmDialog')}>
          <CsrfField token={ctx.csrfToken} />
          <ErrorSummary t={t} errors={errors} labels={labels} />
          <Field t={t} name="password" type="password" label={labels.password} errors={errors} required autocomplete="current-password" />
          <Checkbox t={t} name="confirm" label={labels.confirm} errors={errors} />
          <div class="form-actions">
            <button type="submit" class="button button-danger">{t('account.delete.button')}</button>
          </div>
        </form>
      </section>
    </div>
  );
}

/** Shown once, signed out, after the deletion. */
export function AccountDeletedPage({ ctx }: { ctx: RequestContext }) {
  return (
    <div class="stack narrow">
      <h1>{ctx.t('account.delete.title')}</h1>
      <p class="lead" role="status">{ctx.t('account.delete.done')}</p>
      <p><a href="/">{ctx.t('nav.home')}</a></p>
    </div>
  );
}
