import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Field, Notice, Select, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { kindOptions, type PlaceOption } from './organisations.views.js';

/** A form value as text (anything that is not text or a number shows empty). */
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

type FormProps = { ctx: RequestContext; notice?: string | undefined; logoAction?: string | undefined; mode: 'create' | 'edit'; action: string; values: Record<string, unknown>; errors?: FormErrors | undefined; places: PlaceOption[]; cancelHref: string };

/** Creating or editing an organisation: the same fields, posted without JavaScript. */
export function OrganisationFormPage({ ctx, notice, logoAction, mode, action, values, errors, places, cancelHref }: FormProps) {
  const { t } = ctx;
  const v = (name: string) => str(values[name]);
  const labels = { name: t('organisations.fields.name'), kind: t('organisations.fields.kind'), description: t('organisations.fields.description'), website: t('organisations.fields.website'), territory: t('organisations.fields.territory'), neq: t('partners.fields.neq'), language: t('organisations.fields.language') };
  return (
    <section class="narrow stack">
      <h1>{t(mode === 'create' ? 'organisations.form.createTitle' : 'organisations.form.editTitle')}</h1>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {mode === 'create' ? <p class="lead">{t('organisations.form.createIntro')}</p> : null}
      <form method="post" action={action} class="stack" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        <Field t={t} name="name" label={labels.name} value={v('name')} errors={errors} required maxLength={120} />
        <Select t={t} name="kind" label={labels.kind} value={v('kind')} errors={errors} required emptyLabel={t('organisations.form.chooseKind')} options={kindOptions(t)} />
        <Field t={t} name="neq" label={labels.neq} hint={t('partners.fields.neqHint')} value={v('neq')} errors={errors} maxLength={14} inputMode="numeric" />
        <TextArea t={t} name="description" label={labels.description} hint={t('organisations.form.descriptionHint')} value={v('description')} errors={errors} maxLength={5000} rows={6} />
        <Select t={t} name="language" label={labels.language} value={v('language') || ctx.locale} errors={errors} options={[{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]} />
        <Field t={t} name="website" type="url" label={labels.website} hint={t('organisations.form.websiteHint')} value={v('website')} errors={errors} maxLength={300} inputMode="url" autocomplete="url" />
        <Select t={t} name="territory" label={labels.territory} value={v('territory')} errors={errors} emptyLabel={t('organisations.form.noTerritory')} options={places.map((p) => ({ value: p.slug, label: p.name }))} />
        <div class="form-actions">
          <button type="submit" class="button">{t(mode === 'create' ? 'organisations.form.create' : 'form.save')}</button>
          <a href={cancelHref}>{t('form.cancel')}</a>
        </div>
      </form>
      {mode === 'edit' && logoAction ? (
        <form method="post" action={logoAction} enctype="multipart/form-data" class="stack card" noValidate>
          <div class="field">
            <label for="logo-photo">{t('partners.fields.logo')}</label>
            <p class="hint" id="logo-photo-hint">{t('partners.fields.logoHint')}</p>
            <input id="logo-photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp,image/gif" aria-describedby="logo-photo-hint" />
          </div>
          <div><button type="submit" class="button button-secondary">{t('partners.fields.logoSave')}</button></div>
        </form>
      ) : null}
    </section>
  );
}
