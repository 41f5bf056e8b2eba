import type { RequestContext } from '../../platform/http/context.js';
import { Checkbox, CsrfField, ErrorSummary, Field, Notice, Select, type FormErrors } from '../../platform/views/forms.js';

type Values = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export type TerritoryOption = { slug: string; name: string };

export function SignUpPage({ ctx, values, errors, territories }: { ctx: RequestContext; values: Values; errors?: FormErrors | undefined; territories: TerritoryOption[] }) {
  const { t } = ctx;
  const labels = {
    email: t('auth.fields.email'), password: t('auth.fields.password'), displayName: t('auth.fields.displayName'), territory: t('auth.fields.territory'),
    locale: t('auth.fields.locale'), birthYear: t('auth.fields.birthYear'), ageConfirmed: t('auth.fields.ageConfirmed'), acceptTerms: t('auth.fields.acceptTerms'),
  };
  return (
    <section class="narrow">
      <h1>{t('auth.register.title')}</h1>
      <p class="lead">{t('auth.register.intro')}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action="/inscription" novalidate class="stack">
        <CsrfField token={ctx.csrfToken} />
        <fieldset class="joining-as">
          <legend>{t('partners.signup.legend')}</legend>
          {(['self', 'organisation'] as const).map((v) => (
            <div class="field field-check">
              <input type="radio" id={`joiningAs-${v}`} name="joiningAs" value={v} checked={(str(values.joiningAs) || 'self') === v} />
              <label for={`joiningAs-${v}`}>{t(`partners.signup.${v}`)}</label>
            </div>
          ))}
          <p class="hint muted">{t('partners.signup.organisationHint')}</p>
        </fieldset>
        <Field t={t} name="displayName" label={labels.displayName} value={str(values.displayName)} errors={errors} required autocomplete="name" maxLength={80} hint={t('auth.register.displayNameHint')} />
        <Field t={t} name="email" type="email" label={labels.email} value={str(values.email)} errors={errors} required autocomplete="email" />
        <Field t={t} name="password" type="password" label={labels.password} errors={errors} required autocomplete="new-password" hint={t('auth.register.passwordHint')} />
        <Select t={t} name="territory" label={labels.territory} value={str(values.territory)} errors={errors} required emptyLabel={t('auth.register.chooseTerritory')} options={territories.map((x) => ({ value: x.slug, label: x.name }))} />
        <Select t={t} name="locale" label={labels.locale} value={str(values.locale) || ctx.locale} errors={errors} options={[{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]} />
        <Field t={t} name="birthYear" label={labels.birthYear} value={str(values.birthYear)} errors={errors} inputMode="numeric" maxLength={4} hint={t('auth.register.birthYearHint')} />
        <fieldset class="consents">
          <legend>{t('auth.register.consentsLegend')}</legend>
          <Checkbox t={t} name="ageConfirmed" label={labels.ageConfirmed} checked={values.ageConfirmed === 'on'} errors={errors} />
          <Checkbox t={t} name="acceptTerms" label={<>{t('auth.fields.acceptTerms')} (<a href="/confidentialite">{t('auth.register.readTerms')}</a>)</>} checked={values.acceptTerms === 'on'} errors={errors} />
          <Checkbox t={t} name="newsletter" label={t('auth.fields.newsletter')} checked={values.newsletter === 'on'} errors={errors} />
        </fieldset>
        <button type="submit" class="button">{t('auth.register.submit')}</button>
      </form>
      <p>{t('auth.register.haveAccount')} <a href="/connexion">{t('nav.signIn')}</a></p>
    </section>
  );
}

export function CheckEmailPage({ ctx, message }: { ctx: RequestContext; message: string }) {
  return (
    <section class="narrow">
      <h1>{ctx.t('auth.checkEmail.title')}</h1>
      <Notice kind="success">{message}</Notice>
      <p>{ctx.t('auth.checkEmail.help')}</p>
    </section>
  );
}

export function SignInPage({ ctx, values, errors, returnTo, notice }: { ctx: RequestContext; values: Values; errors?: FormErrors | undefined; returnTo: string; notice?: string | undefined }) {
  const { t } = ctx;
  const labels = { email: t('auth.fields.email'), password: t('auth.fields.password') };
  return (
    <section class="narrow">
      <h1>{t('auth.login.title')}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action="/connexion" novalidate class="stack">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <Field t={t} name="email" type="email" label={labels.email} value={str(values.email)} errors={errors} required autocomplete="email" />
        <Field t={t} name="password" type="password" label={labels.password} errors={errors} required autocomplete="current-password" />
        <button type="submit" class="button">{t('auth.login.submit')}</button>
      </form>
      <p><a href="/mot-de-passe-oublie">{t('auth.login.forgot')}</a></p>
      <p>{t('auth.login.noAccount')} <a href="/inscription">{t('nav.signUp')}</a></p>
    </section>
  );
}

export function VerifyEmailPage({ ctx, token, errors }: { ctx: RequestContext; token: string; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('auth.verify.title')}</h1>
      <ErrorSummary t={t} errors={errors} labels={{}} />
      <p>{t('auth.verify.intro')}</p>
      <form method="post" action="/verifier-courriel" class="stack">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        <button type="submit" class="button">{t('auth.verify.submit')}</button>
      </form>
    </section>
  );
}

export function ForgotPasswordPage({ ctx, values, errors, sent }: { ctx: RequestContext; values: Values; errors?: FormErrors | undefined; sent?: boolean }) {
  const { t } = ctx;
  return (
    <section class="narrow">
      <h1>{t('auth.forgot.title')}</h1>
      {sent ? <Notice kind="success">{t('auth.forgot.sent')}</Notice> : <p>{t('auth.forgot.intro')}</p>}
      <ErrorSummary t={t} errors={errors} labels={{ email: t('auth.fields.email') }} />
      <form method="post" action="/mot-de-passe-oublie" novalidate class="stack">
        <CsrfField token={ctx.csrfToken} />
        <Field t={t} name="email" type="email" label={t('auth.fields.email')} value={str(values.email)} errors={errors} required autocomplete="email" />
        <button type="submit" class="button">{t('auth.forgot.submit')}</button>
      </form>
    </section>
  );
}

export function ResetPasswordPage({ ctx, token, errors, usable }: { ctx: RequestContext; token: string; errors?: FormErrors | undefined; usable: boolean }) {
  const { t } = ctx;
  if (!usable) {
    return (
      <section class="narrow">
        <h1>{t('auth.reset.title')}</h1>
        <Notice kind="warning">{t('errors.TOKEN_INVALID')}</Notice>
        <p><a href="/mot-de-passe-oublie" class="button">{t('auth.reset.askAgain')}</a></p>
      </section>
    );
  }
  return (
    <section class="narrow">
      <h1>{t('auth.reset.title')}</h1>
      <ErrorSummary t={t} errors={errors} labels={{ password: t('auth.fields.newPassword') }} />
      <form method="post" action="/reinitialiser-mot-de-passe" novalidate class="stack">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        <Field t={t} name="password" type="password" label={t('auth.fields.newPassword')} errors={errors} required autocomplete="new-password" hint={t('auth.register.passwordHint')} />
        <button type="submit" class="button">{t('auth.reset.submit')}</button>
      </form>
    </section>
  );
}
