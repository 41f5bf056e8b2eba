import type { RequestContext } from '../../platform/http/context.js';
import { CsrfField, ErrorSummary, Field, Select, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { NEED_KINDS } from '../needs/needs.domain.js';
import { OFFER_PERIODS, OFFER_STATUSES } from './offers.domain.js';
import type { PlaceOption } from './offers.views.js';

/** A form value as text (anything that is not text or a number shows empty). */
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export type OfferFormData = {
  mode: 'create' | 'edit';
  action: string;
  cancelHref: string;
  values: Record<string, unknown>;
  errors?: FormErrors | undefined;
  places: PlaceOption[];
  /** Organisations the author represents (create only): the offer may speak for one of them. */
  organisations: { slug: string; name: string }[];
};

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);

/** The neighbourhoods served: checkboxes in a fieldset (none ticked = the author's own). */
function PlacesField({ ctx, places, selected, errors }: { ctx: RequestContext; places: PlaceOption[]; selected: string[]; errors?: FormErrors | undefined }) {
  const { t } = ctx;
  const issue = errors?.territories;
  return (
    <fieldset class={`field offer-places-field${issue ? ' field-invalid' : ''}`} id="territories" aria-describedby={`territories-hint${issue ? ' territories-error' : ''}`}>
      <legend>{t('offers.fields.territories')}</legend>
      <p class="hint" id="territories-hint">{t('offers.form.territoriesHint')}</p>
      <ul class="checkbox-list">
        {places.map((p) => (
          <li class="field-check">
            <input type="checkbox" id={`territory-${p.slug}`} name="territories" value={p.slug} checked={selected.includes(p.slug)} />
            <label for={`territory-${p.slug}`}>{p.name}</label>
          </li>
        ))}
      </ul>
      {issue ? <p class="field-error" id="territories-error">{t(issue.key, issue.params)}</p> : null}
    </fieldset>
  );
}

export function OfferFormPage({ ctx, data }: { ctx: RequestContext; data: OfferFormData }) {
  const { t } = ctx;
  const { values, errors } = data;
  const v = (name: string) => str(values[name]);
  const labels: Record<string, string> = {
    organisation: t('offers.fields.organisation'), kind: t('offers.fields.kind'), title: t('offers.fields.title'), description: t('offers.fields.description'), quantity: t('offers.fields.quantity'),
    period: t('offers.fields.period'), territories: t('offers.fields.territories'), skills: t('offers.fields.skills'), availability: t('offers.fields.availability'), status: t('offers.fields.status'), language: t('offers.fields.language'),
  };
  return (
    <section class="narrow stack">
      <h1>{t(data.mode === 'create' ? 'offers.form.createTitle' : 'offers.form.editTitle')}</h1>
      {data.mode === 'create' ? <p class="lead">{t('offers.form.intro')}</p> : null}
      <form method="post" action={data.action} class="stack" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary t={t} errors={errors} labels={labels} />
        {data.mode === 'create' && data.organisations.length ? (
          <Select t={t} name="organisation" label={labels.organisation!} hint={t('offers.form.organisationHint')} value={v('organisation')} errors={errors} emptyLabel={t('offers.form.inMyName')} options={data.organisations.map((o) => ({ value: o.slug, label: o.name }))} />
        ) : null}
        <Select t={t} name="kind" label={labels.kind!} value={v('kind')} errors={errors} required emptyLabel={t('offers.form.chooseKind')} options={NEED_KINDS.map((k) => ({ value: k, label: t(`needs.kind.${k}`) }))} />
        <Field t={t} name="title" label={labels.title!} hint={t('offers.form.titleHint')} value={v('title')} errors={errors} required maxLength={120} />
        <TextArea t={t} name="description" label={labels.description!} value={v('description')} errors={errors} maxLength={5000} rows={5} />
        <Select t={t} name="language" label={labels.language!} value={v('language') || ctx.locale} errors={errors} options={[{ value: 'fr', label: t('offers.languages.fr') }, { value: 'en', label: t('offers.languages.en') }]} />
        <Field t={t} name="quantity" label={labels.quantity!} hint={t('offers.form.quantityHint')} value={v('quantity')} errors={errors} inputMode="numeric" maxLength={12} />
        <Select t={t} name="period" label={labels.period!} value={v('period') || 'once'} errors={errors} options={OFFER_PERIODS.map((p) => ({ value: p, label: t(`offers.period.${p}`) }))} />
        <PlacesField ctx={ctx} places={data.places} selected={asList(values.territories)} errors={errors} />
        <Field t={t} name="skills" label={labels.skills!} hint={t('offers.form.skillsHint')} value={Array.isArray(values.skills) ? values.skills.join(', ') : v('skills')} errors={errors} maxLength={800} />
        <Field t={t} name="availability" label={labels.availability!} hint={t('offers.form.availabilityHint')} value={v('availability')} errors={errors} maxLength={300} />
        <Select t={t} name="status" label={labels.status!} value={v('status') || 'active'} errors={errors} options={OFFER_STATUSES.map((s) => ({ value: s, label: t(`offers.status.${s}`) }))} />
        <div class="form-actions">
          <button type="submit" class="button">{t(data.mode === 'create' ? 'offers.form.publish' : 'form.save')}</button>
          <a href={data.cancelHref}>{t('form.cancel')}</a>
        </div>
      </form>
    </section>
  );
}
