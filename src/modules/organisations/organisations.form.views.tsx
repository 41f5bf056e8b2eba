import type { RequestContext } from '../../platform/http/context.js';
import { LOCALE_TAGS, translator, type Locale } from '../../platform/i18n/i18n.js';
import { CsrfField, ErrorSummary, Field, Notice, Select, TextArea, type FormErrors } from '../../platform/views/forms.js';
import type { OrganisationView } from './organisations.presenter.js';
import { CHARTER_VERSION } from './organisations.policy.js';
import { kindOptions, type PlaceOption } from './organisations.views.js';

/** A form value as text (anything that is not text or a number shows empty). */
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

type FormProps = { ctx: RequestContext; mode: 'create' | 'edit'; action: string; values: Record<string, unknown>; errors?: FormErrors | undefined; places: PlaceOption[]; cancelHref: string };

/** Creating or editing an organisation: the same fields, posted without JavaScript. */
export function OrganisationFormPage({ ctx, mode, action, values, errors, places, cancelHref }: FormProps) {
  const { t } = ctx;
  const v = (name: string) => str(values[name]);
  const labels = { name: t('organisations.fields.name'), kind: t('organisations.fields.kind'), description: t('organisations.fields.description'), website: t('organisations.fields.website'), territory: t('organisations.fields.territory') };
  return (
    <section class="narrow stack">
      <h1>{t(mode === 'create' ? 'organisations.form.createTitle' : 'organisations.form.editTitle')}</h1>
      {mode === 'create' ? <p class="lead">{t('organisations.form.createIntro')}</p> : null}
      <form method="post" action={action} class="stack" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <Field t={t} name="name" label={labels.name} value={v('name')} errors={errors} required maxLength={120} />
        <Select t={t} name="kind" label={labels.kind} value={v('kind')} errors={errors} required emptyLabel={t('organisations.form.chooseKind')} options={kindOptions(t)} />
        <TextArea t={t} name="description" label={labels.description} hint={t('organisations.form.descriptionHint')} value={v('description')} errors={errors} maxLength={5000} rows={6} />
        <Field t={t} name="website" type="url" label={labels.website} hint={t('organisations.form.websiteHint')} value={v('website')} errors={errors} maxLength={300} inputMode="url" autocomplete="url" />
        <Select t={t} name="territory" label={labels.territory} value={v('territory')} errors={errors} emptyLabel={t('organisations.form.noTerritory')} options={places.map((p) => ({ value: p.slug, label: p.name }))} />
        <div class="form-actions">
          <button type="submit" class="button">{t(mode === 'create' ? 'organisations.form.create' : 'form.save')}</button>
          <a href={cancelHref}>{t('form.cancel')}</a>
        </div>
      </form>
    </section>
  );
}

/** The charter's articles in one language (the page shows both, each marked with its language); the other language also states the commitment. */
function CharterText({ locale, organisation }: { locale: Locale; organisation?: string }) {
  const t = translator(locale);
  const articles = ['keepWord', 'warn', 'noStrings', 'respect', 'confirm'] as const;
  return (
    <div lang={LOCALE_TAGS[locale]} class="charter-text">
      <p>{t('organisations.charter.preamble')}</p>
      <ol>{articles.map((a) => <li>{t(`organisations.charter.articles.${a}`)}</li>)}</ol>
      {organisation ? <p class="charter-commitment">{t('organisations.charter.commitment', { organisation })}</p> : null}
    </div>
  );
}

export type CharterPageData = { organisation: OrganisationView; canSign: boolean; isRepresentative: boolean; errors?: FormErrors | undefined };

export function CharterPage({ ctx, data }: { ctx: RequestContext; data: CharterPageData }) {
  const { t, fmt, locale } = ctx;
  const o = data.organisation;
  const other: Locale = locale === 'fr' ? 'en' : 'fr';
  return (
    <section class="narrow stack charter-page">
      <p><a href={`/organisations/${o.slug}`}>← {o.name}</a></p>
      <h1>{t('organisations.charter.title')}</h1>
      <p class="muted">{t('organisations.charter.version', { version: CHARTER_VERSION })}</p>
      <CharterText locale={locale} />
      <details>
        <summary lang={LOCALE_TAGS[other]}>{translator(other)('organisations.charter.otherLanguage')}</summary>
        <CharterText locale={other} organisation={o.name} />
      </details>
      {o.partner && o.partnerSince ? (
        <Notice kind="success"><span class="badge badge-partner">{t('organisations.partner.since', { date: fmt.date(new Date(o.partnerSince)) })}</span></Notice>
      ) : data.canSign ? (
        <form method="post" action={`/organisations/${o.slug}/charte`} class="stack charter-form" data-confirm={t('organisations.charter.confirm', { organisation: o.name })} noValidate>
          <CsrfField token={ctx.csrfToken} />
          <ErrorSummary t={t} errors={data.errors} labels={{ accept: t('organisations.charter.acceptLabel') }} />
          <div class={`field field-check${data.errors?.accept ? ' field-invalid' : ''}`}>
            <input id="accept" name="accept" type="checkbox" value="on" required aria-invalid={data.errors?.accept ? 'true' : undefined} aria-describedby={data.errors?.accept ? 'accept-error' : undefined} />
            <label for="accept">{t('organisations.charter.commitment', { organisation: o.name })}</label>
            {data.errors?.accept ? <p class="field-error" id="accept-error">{t(data.errors.accept.key, data.errors.accept.params)}</p> : null}
          </div>
          <div><button type="submit" class="button">{t('organisations.charter.sign')}</button></div>
        </form>
      ) : (
        <p class="notice">{t(data.isRepresentative ? 'organisations.charter.alreadySigned' : 'organisations.charter.onlyRepresentatives')}</p>
      )}
    </section>
  );
}
