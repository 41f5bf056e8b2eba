import type { RequestContext } from '../../platform/http/context.js';
import type { T } from '../../platform/i18n/i18n.js';
import { Checkbox, CsrfField, ErrorSummary, Field, Select, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { FIELD_VISIBILITIES, PROFILE_FIELDS, type ProfileField } from '../auth/auth.domain.js';
import type { MeView } from './me.presenter.js';
import { LIMITS } from './me.schemas.js';

type Values = Record<string, unknown>;
export type TerritoryOption = { slug: string; name: string };
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const rows = Array.from({ length: LIMITS.links }, (_, i) => i);

/** The flat form values of a profile (what the form posts back). */
export function profileFormValues(me: MeView): Values {
  const values: Values = {
    displayName: me.displayName, handle: me.handle, locale: me.locale, bio: me.bio, skills: me.skills.join(', '), interests: me.interests.join(', '),
    territory: me.territory ?? '', indexable: me.indexable ? 'on' : '',
  };
  for (const f of PROFILE_FIELDS) values[`privacy.${f}`] = me.privacy[f];
  me.links.forEach((l, i) => {
    values[`links.${i}.label`] = l.label;
    values[`links.${i}.url`] = l.url;
  });
  return values;
}

/** Errors on one item of a comma-separated list belong to the list's single input. */
function formErrors(errors: FormErrors | undefined): FormErrors | undefined {
  if (!errors) return undefined;
  const out: FormErrors = {};
  for (const [name, issue] of Object.entries(errors)) {
    const key = name.replace(/^(skills|interests)\.\d+$/, '$1');
    out[key] ??= issue;
  }
  return out;
}

function labelsOf(t: T): Record<string, string> {
  const labels: Record<string, string> = {
    displayName: t('me.profile.displayName'), handle: t('me.profile.handle'), locale: t('me.profile.locale'), bio: t('me.profile.bio'),
    skills: t('me.profile.skills'), interests: t('me.profile.interests'), territory: t('me.profile.territory'), indexable: t('me.profile.indexable'),
  };
  for (const f of PROFILE_FIELDS) labels[`privacy.${f}`] = t(`me.profile.visibility.${f}`);
  for (const i of rows) {
    labels[`links.${i}.label`] = t('me.profile.linkLabelN', { n: i + 1 });
    labels[`links.${i}.url`] = t('me.profile.linkUrlN', { n: i + 1 });
  }
  return labels;
}

function VisibilitySelect({ t, field, values, errors }: { t: T; field: ProfileField; values: Values; errors: FormErrors | undefined }) {
  const name = `privacy.${field}`;
  return <Select t={t} name={name} label={t(`me.profile.visibility.${field}`)} value={str(values[name])} errors={errors} options={FIELD_VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))} />;
}

type Props = { ctx: RequestContext; values: Values; errors?: FormErrors | undefined; territories: TerritoryOption[] };

/** /moi/profil: every field of the personal page, each with who may see it. */
export function ProfileFormPage({ ctx, values, errors: rawErrors, territories }: Props) {
  const { t } = ctx;
  const errors = formErrors(rawErrors);
  const labels = labelsOf(t);
  const vis = (field: ProfileField) => <VisibilitySelect t={t} field={field} values={values} errors={errors} />;
  return (
    <section class="narrow me-profile">
      <h1>{t('me.profile.title')}</h1>
      <p class="lead">{t('me.profile.intro')}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action="/moi/profil" novalidate class="stack">
        <CsrfField token={ctx.csrfToken} />
        <fieldset class="stack">
          <legend>{t('me.profile.identity')}</legend>
          <Field t={t} name="displayName" label={labels.displayName!} value={str(values.displayName)} errors={errors} required autocomplete="name" maxLength={80} hint={t('me.profile.displayNameHint')} />
          <Field t={t} name="handle" label={labels.handle!} value={str(values.handle)} errors={errors} required maxLength={40} hint={t('me.profile.handleHint')} />
          <Select t={t} name="locale" label={labels.locale!} value={str(values.locale)} errors={errors} options={[{ value: 'fr', label: t('me.languages.fr') }, { value: 'en', label: t('me.languages.en') }]} />
        </fieldset>
        <fieldset class="stack">
          <legend>{t('me.profile.about')}</legend>
          <TextArea t={t} name="bio" label={labels.bio!} value={str(values.bio)} errors={errors} maxLength={LIMITS.bio} rows={6} hint={t('me.profile.bioHint', { max: LIMITS.bio })} />
          {vis('bio')}
        </fieldset>
        <fieldset class="stack">
          <legend>{labels.skills}</legend>
          <Field t={t} name="skills" label={labels.skills!} value={str(values.skills)} errors={errors} hint={t('me.profile.listHint', { items: LIMITS.tags, max: LIMITS.tag })} />
          {vis('skills')}
        </fieldset>
        <fieldset class="stack">
          <legend>{labels.interests}</legend>
          <Field t={t} name="interests" label={labels.interests!} value={str(values.interests)} errors={errors} hint={t('me.profile.listHint', { items: LIMITS.tags, max: LIMITS.tag })} />
          {vis('interests')}
        </fieldset>
        <fieldset class="stack">
          <legend>{labels.territory}</legend>
          <Select t={t} name="territory" label={labels.territory!} value={str(values.territory)} errors={errors} emptyLabel={t('me.profile.noTerritory')} options={territories.map((x) => ({ value: x.slug, label: x.name }))} />
          {vis('territory')}
        </fieldset>
        <fieldset class="stack">
          <legend>{t('me.profile.links')}</legend>
          <p class="hint">{t('me.profile.linksHint', { max: LIMITS.links })}</p>
          {rows.map((i) => (
            <div class="link-row">
              <Field t={t} name={`links.${i}.label`} label={labels[`links.${i}.label`]!} value={str(values[`links.${i}.label`])} errors={errors} maxLength={LIMITS.linkLabel} />
              <Field t={t} name={`links.${i}.url`} type="url" inputMode="url" label={labels[`links.${i}.url`]!} value={str(values[`links.${i}.url`])} errors={errors} maxLength={LIMITS.linkUrl} />
            </div>
          ))}
          {vis('links')}
        </fieldset>
        <fieldset class="stack">
          <legend>{t('me.profile.photo')}</legend>
          {vis('photo')}
          <p><a href="/moi/photo">{t('me.page.changePhoto')}</a></p>
        </fieldset>
        <fieldset class="stack">
          <legend>{t('me.profile.search')}</legend>
          <Checkbox t={t} name="indexable" label={labels.indexable} checked={values.indexable === 'on'} errors={errors} />
          <p class="hint">{t('me.profile.indexableHint')}</p>
        </fieldset>
        <p class="form-actions">
          <button type="submit" class="button">{t('form.save')}</button> <a href="/moi">{t('form.cancel')}</a>
        </p>
      </form>
    </section>
  );
}
