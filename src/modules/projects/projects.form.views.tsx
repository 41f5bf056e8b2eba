import type { RequestContext } from '../../platform/http/context.js';
import type { T } from '../../platform/i18n/i18n.js';
import { CsrfField, ErrorSummary, Field, Notice, Select, TextArea, type FormErrors } from '../../platform/views/forms.js';
import { PROJECT_CATEGORIES } from './projects.domain.js';
import type { PlaceOption } from './projects.service.js';

type Values = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export function projectFieldLabels(t: T): Record<string, string> {
  const names = ['title', 'summary', 'description', 'category', 'territory', 'caisse', 'language'];
  return Object.fromEntries(names.map((n) => [n, t(`projects.fields.${n}`)]));
}

/** The sponsoring caisse, grouped by the neighbourhoods each caisse serves (no script needed to narrow it). */
function CaisseSelect({ t, value, territory, errors, places }: { t: T; value: string; territory: string; errors?: FormErrors | undefined; places: PlaceOption[] }) {
  const issue = errors?.caisse;
  const describedBy = ['caisse-hint', issue ? 'caisse-error' : null].filter(Boolean).join(' ');
  return (
    <div class={`field${issue ? ' field-invalid' : ''}`}>
      <label for="caisse">{t('projects.fields.caisse')}</label>
      <p class="hint" id="caisse-hint">{t('projects.form.caisseHint')}</p>
      <select id="caisse" name="caisse" aria-invalid={issue ? 'true' : undefined} aria-describedby={describedBy}>
        <option value="">{t('projects.form.noCaisse')}</option>
        {places.filter((p) => p.caisses.length > 0).map((p) => (
          <optgroup label={p.name}>
            {p.caisses.map((c) => <option value={c.slug} selected={value === c.slug && (territory === '' || territory === p.slug)}>{c.name}</option>)}
          </optgroup>
        ))}
      </select>
      {issue ? <p class="field-error" id="caisse-error">{t(issue.key, issue.params)}</p> : null}
    </div>
  );
}

/** The fields of a project, shared by the create and edit forms. */
export function ProjectFields({ ctx, values, errors, places }: { ctx: RequestContext; values: Values; errors?: FormErrors | undefined; places: PlaceOption[] }) {
  const { t } = ctx;
  const labels = projectFieldLabels(t);
  return (
    <>
      <Field t={t} name="title" label={labels.title!} value={str(values.title)} errors={errors} required maxLength={120} hint={t('projects.form.titleHint')} />
      <TextArea t={t} name="summary" label={labels.summary!} value={str(values.summary)} errors={errors} required maxLength={300} rows={3} hint={t('projects.form.summaryHint')} />
      <TextArea t={t} name="description" label={labels.description!} value={str(values.description)} errors={errors} maxLength={20_000} rows={10} hint={t('projects.form.descriptionHint')} />
      <Select t={t} name="category" label={labels.category!} value={str(values.category)} errors={errors} required emptyLabel={t('projects.form.chooseCategory')}
        options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`projects.category.${c}`) }))} />
      <Select t={t} name="territory" label={labels.territory!} value={str(values.territory)} errors={errors} required emptyLabel={t('projects.form.chooseTerritory')}
        options={places.map((p) => ({ value: p.slug, label: p.name }))} />
      <CaisseSelect t={t} value={str(values.caisse)} territory={str(values.territory)} errors={errors} places={places} />
      <Select t={t} name="language" label={labels.language!} value={str(values.language) || ctx.locale} errors={errors}
        options={[{ value: 'fr', label: t('projects.form.languages.fr') }, { value: 'en', label: t('projects.form.languages.en') }]} />
    </>
  );
}

export function CreateProjectPage({ ctx, values, errors, places, canCreate }: { ctx: RequestContext; values: Values; errors?: FormErrors | undefined; places: PlaceOption[]; canCreate: boolean }) {
  const { t } = ctx;
  return (
    <section class="narrow stack">
      <h1>{t('projects.create.title')}</h1>
      <p class="lead">{t('projects.create.intro')}</p>
      {canCreate ? null : <Notice kind="warning">{t('projects.create.unverified')} <a href="/moi">{t('nav.me')}</a></Notice>}
      <ErrorSummary t={t} errors={errors} labels={projectFieldLabels(t)} />
      <form method="post" action="/projets/nouveau" novalidate class="stack">
        <CsrfField token={ctx.csrfToken} />
        <ProjectFields ctx={ctx} values={values} errors={errors} places={places} />
        <button type="submit" class="button" disabled={!canCreate}>{t('projects.create.submit')}</button>
      </form>
    </section>
  );
}
